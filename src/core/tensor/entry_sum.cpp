// Writes one entry of a rule (entry_sum.hpp): the sum of a product with its terms, or an element-wise rule at one
// place. Indices are 1-based in the LaTeX, as in the lessons; a long sum shows its first terms and its last.
#include "core/tensor/entry_sum.hpp"

#include <cctype>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/number_format.hpp"

namespace bp::tensor {
namespace {

constexpr std::size_t kTermsShown = 6;  // beyond this: the first four, ⋯, the last

bool is_matrix(const Factor& f) { return f.dims.size() == 2; }
std::size_t rows_of(const Factor& f) { return f.dims[0]; }
std::size_t cols_of(const Factor& f) { return f.dims[1]; }
double at(const Factor& f, std::size_t i, std::size_t j) { return f.numbers.data()[i * cols_of(f) + j]; }

// `name_{ij}` on the operand's own layout: X^{⊤}'s entry (i, j) is X_{ji}; a row or column vector keeps one index.
std::string entry_name(const Factor& f, const std::string& i, const std::string& j) {
  const std::size_t r = f.transposed ? cols_of(f) : rows_of(f), c = f.transposed ? rows_of(f) : cols_of(f);
  const std::string& first = f.transposed ? j : i;
  const std::string& second = f.transposed ? i : j;
  const bool single = first.size() == 1 && second.size() == 1;
  const std::string index = r == 1 && c == 1 ? ""
                            : r == 1         ? second
                            : c == 1         ? first
                                             : first + (single ? "" : ",") + second;
  return index.empty() ? f.entry_latex : f.entry_latex + "_{" + index + "}";
}

std::string number(double x) {
  const std::string text = latex_number(x);
  return x < 0 ? "(" + text + ")" : text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A formula variable: the operand's first letter in lower case, numbered ("x3"), avoiding the letter `taken`.
char letter_for(const Factor& f, char taken) {
  const std::string& name = f.name.empty() || f.name[0] != 'd' || f.name.size() < 2 ? f.name : f.name.substr(1);
  char c = name.empty() ? 'p' : static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  if (!std::isalpha(static_cast<unsigned char>(c)) || c == taken || c == 'g') c = c == 'p' ? 'q' : 'p';
  return c;
}

// The playground formula of a product entry. Backward (dW = XᵀdM): the entry's operand v used k times, each use
// times its upstream gradient, g₁·(x₁·v) + g₂·(x₂·v) + …, so d/dv adds the terms up as the fan-out rule says.
// Forward (M = XW): x₁·w₁ + x₂·w₂ + …, whose value is the entry.
Playground product_formula(const MatrixRule& rule, std::size_t i, std::size_t j) {
  const Factor &out = rule.factors[0], &left = rule.factors[1], &right = rule.factors[2];
  const std::size_t k = cols_of(left);
  const auto name = [](char letter, std::size_t s) { return std::string(1, letter) + std::to_string(s + 1); };
  std::map<std::string, double> values;
  std::string expr;
  if (out.name.size() < 2 || out.name[0] != 'd') {
    const char a = letter_for(left, 0), b = letter_for(right, a);
    for (std::size_t s = 0; s < k; ++s) {
      expr += (s ? " + " : "") + name(a, s) + "*" + name(b, s);
      values[name(a, s)] = at(left, i, s);
      values[name(b, s)] = at(right, s, j);
    }
    return {expr, values, std::nullopt};
  }
  const bool up_left = left.name.size() > 1 && left.name[0] == 'd';
  const Factor& partner = up_left ? right : left;
  const std::string variable(1, static_cast<char>(std::tolower(static_cast<unsigned char>(out.name[1]))));
  const char p = letter_for(partner, variable[0]), g = variable[0] == 'g' || p == 'g' ? 'u' : 'g';
  for (std::size_t s = 0; s < k; ++s) {
    expr += (s ? " + " : "") + name(g, s) + "*" + (partner.ones ? variable : "(" + name(p, s) + "*" + variable + ")");
    values[name(g, s)] = up_left ? at(left, i, s) : at(right, s, j);
    if (!partner.ones) values[name(p, s)] = up_left ? at(right, s, j) : at(left, i, s);
  }
  values[variable] = 1;  // the formula is linear in it: its gradient does not depend on its value
  return {expr, values, variable};
}

EntrySum product_entry(const MatrixRule& rule, std::size_t i, std::size_t j) {
  const Factor &out = rule.factors[0], &left = rule.factors[1], &right = rule.factors[2];
  const std::size_t k = cols_of(left);
  const bool batch = left.transposed || left.ones;
  const std::string t = batch ? "n" : "k", ri = std::to_string(i + 1), cj = std::to_string(j + 1);
  const std::string sum = "\\sum_{" + t + "=1}^{" + std::to_string(k) + "} " +
                          (left.ones ? "" : entry_name(left, ri, t) + "\\, ") + entry_name(right, t, cj);
  std::vector<std::pair<double, double>> terms;
  std::string numbers;
  for (std::size_t s = 0; s < k; ++s) {
    const double a = at(left, i, s), b = at(right, s, j);
    terms.emplace_back(a, b);
    if (k > kTermsShown && s >= 4 && s + 1 < k) {
      if (s == 4) numbers += " + \\cdots";
      continue;
    }
    numbers += (s ? " + " : "") + (left.ones ? number(b) : number(a) + " \\cdot " + number(b));
  }
  const double value = at(out, i, j);
  return {rule.target, i, j, entry_name(out, ri, cj) + " = " + sum + " = " + numbers + " = " + latex_number(value),
          value, batch ? "batch" : "contraction", terms, product_formula(rule, i, j)};
}

// Factor k at (i, j), broadcasting a single row or column; false when it has no entry there.
bool entry_of(const Factor& f, const Factor& out, std::size_t i, std::size_t j, double& x) {
  if (f.dims.empty()) {
    x = f.numbers.size() == 1 ? f.numbers(0, 0) : 0;
    return f.numbers.size() == 1;
  }
  if (!is_matrix(f)) return false;
  const bool rows_ok = rows_of(f) == rows_of(out) || rows_of(f) == 1, cols_ok = cols_of(f) == cols_of(out) || cols_of(f) == 1;
  if (!rows_ok || !cols_ok) return false;
  x = at(f, rows_of(f) == 1 ? 0 : i, cols_of(f) == 1 ? 0 : j);
  return true;
}

EntrySum elementwise_entry(const MatrixRule& rule, std::size_t i, std::size_t j) {
  const Factor& out = rule.factors[0];
  for (const Factor& f : rule.factors) {
    double unused;
    if (!entry_of(f, out, i, j, unused)) throw InputError("entry: " + rule.target + " has no entry-by-entry form");
  }
  const std::string ri = std::to_string(i + 1), cj = std::to_string(j + 1);
  const std::string names = fill_pattern(rule.pattern, rule.factors, [&](const Factor& f) {
    if (f.dims.empty()) return f.latex;
    return entry_name(f, rows_of(f) == 1 ? "1" : ri, cols_of(f) == 1 ? "1" : cj);
  });
  std::string with_numbers = fill_pattern(rule.pattern, rule.factors, [&](const Factor& f) {
    double x = 0;
    entry_of(f, out, i, j, x);
    return number(x);
  });
  // Drop the left-hand side from the second form: "dZ_{12} = dA_{12} ⊙ f′ = 0.3 · 0.8 = 0.24".
  with_numbers = with_numbers.substr(with_numbers.find('=') + 1);
  const double value = at(out, i, j);
  // A plain copy (dM = dZ) needs no "= value" after its one number.
  const bool copy = with_numbers == " " + number(value);
  const std::string latex = names + " =" + with_numbers + (copy ? "" : " = " + latex_number(value));
  return {rule.target, i, j, replace_all(latex, "\\odot", "\\cdot"), value, "entry", {}, std::nullopt};
}

}  // namespace

EntrySum entry_sum(const MatrixRule& rule, std::size_t row, std::size_t col) {
  const Factor& out = rule.factors.at(0);
  if (!is_matrix(out) || out.numbers.size() == 0) {
    throw InputError("entry: " + rule.target + " is a grid; its routing is drawn instead of a sum");
  }
  if (row >= rows_of(out) || col >= cols_of(out)) {
    throw InputError("entry: " + rule.target + " is " + std::to_string(rows_of(out)) + "×" +
                     std::to_string(cols_of(out)) + "; there is no entry (" + std::to_string(row + 1) + ", " +
                     std::to_string(col + 1) + ")");
  }
  const bool product = rule.pattern == "$0 = $1 $2" && is_matrix(rule.factors[1]) && is_matrix(rule.factors[2]) &&
                       cols_of(rule.factors[1]) == rows_of(rule.factors[2]);
  if (product) return product_entry(rule, row, col);
  if (!rule.per_entry) throw InputError("entry: " + rule.target + " is computed row by row, not entry by entry");
  return elementwise_entry(rule, row, col);
}

}  // namespace bp::tensor
