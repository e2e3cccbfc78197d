// Reads a typed shape: whole numbers separated by ×, x, *, commas or spaces, optionally in brackets.
#include "core/tensor/shape_answer.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/error.hpp"

namespace bp::tensor {
namespace {

constexpr std::size_t kMaxTyped = 64;  // a shape is short; longer text is not one

bool is_separator(std::string_view text, std::size_t& i) {
  static const std::string_view kTimes = "\xC3\x97";  // ×
  if (text.substr(i, kTimes.size()) == kTimes) {
    i += kTimes.size();
    return true;
  }
  const char c = text[i];
  if (c == 'x' || c == 'X' || c == '*' || c == ',' || c == ' ' || c == '(' || c == ')' || c == '[' || c == ']') {
    ++i;
    return true;
  }
  return false;
}

}  // namespace

ShapeVerdict check_shape_answer(std::string_view typed, const std::vector<std::size_t>& shape) {
  const auto not_a_shape = []() -> ShapeVerdict { throw InputError("type a shape such as 3×4"); };
  if (typed.size() > kMaxTyped) return not_a_shape();
  std::vector<std::size_t> dims;
  for (std::size_t i = 0; i < typed.size();) {
    if (std::isdigit(static_cast<unsigned char>(typed[i]))) {
      std::size_t value = 0, digits = 0;
      for (; i < typed.size() && std::isdigit(static_cast<unsigned char>(typed[i])); ++i, ++digits) {
        value = value * 10 + std::size_t(typed[i] - '0');
      }
      if (digits > 6) return not_a_shape();
      dims.push_back(value);
    } else if (!is_separator(typed, i)) {
      return not_a_shape();
    }
  }
  if (dims.empty()) return not_a_shape();
  const bool correct = dims == shape;
  ShapeVerdict verdict{correct, dims};
  const std::vector<std::size_t> flipped(shape.rbegin(), shape.rend());
  if (!correct && dims == flipped && shape.size() == 2) verdict.slip = "transpose";
  return verdict;
}

}  // namespace bp::tensor
