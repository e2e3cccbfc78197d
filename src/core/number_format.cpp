// Number grammar and LaTeX number display (see number_format.hpp).
#include "core/number_format.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bp {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::size_t digits_from(std::string_view text, std::size_t i) {
  while (i < text.size() && is_digit(text[i])) ++i;
  return i;
}

// "1.500000" -> "1.5", "2.000000" -> "2": %g already drops zeros, this only guards the fixed form.
std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::size_t number_literal_length(std::string_view text) {
  std::size_t i = digits_from(text, 0);
  const bool has_int = i > 0;
  bool has_frac = false;
  if (i < text.size() && text[i] == '.') {
    const std::size_t after = digits_from(text, i + 1);
    has_frac = after > i + 1;
    if (!has_int && !has_frac) return 0;  // a lone "."
    i = after;
  }
  if (!has_int && !has_frac) return 0;
  // An exponent counts only if digits follow it: in "2e" the "e" is not part of the number.
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    const std::size_t end = digits_from(text, j);
    if (end > j) i = end;
  }
  return i;
}

bool is_number_literal(std::string_view text) {
  const std::size_t sign = !text.empty() && (text[0] == '-' || text[0] == '+');
  return text.size() > sign && number_literal_length(text.substr(sign)) == text.size() - sign;
}

std::optional<double> parse_number(std::string_view text) {
  std::size_t start = 0;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) start = 1;
  const std::size_t length = number_literal_length(text.substr(start));
  if (length == 0 || start + length != text.size()) return std::nullopt;
  const std::string literal(text);
  const double value = std::strtod(literal.c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;  // "1e999" overflows to infinity: not a number a person meant
  return value;
}

std::string latex_number(double value) {
  if (std::isnan(value)) return "\\mathrm{NaN}";
  if (std::isinf(value)) return value > 0 ? "\\infty" : "-\\infty";
  if (value == 0) return "0";  // also turns -0 into 0
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  std::string text = buffer;
  const std::size_t e = text.find('e');
  if (e == std::string::npos) return trim_zeros(text);
  const std::string mantissa = trim_zeros(text.substr(0, e));
  const int exponent = std::atoi(text.c_str() + e + 1);
  const std::string power = "10^{" + std::to_string(exponent) + "}";
  return mantissa == "1" ? power : mantissa == "-1" ? "-" + power : mantissa + " \\times " + power;
}

}  // namespace bp
