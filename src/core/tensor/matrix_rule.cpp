// Writing a matrix rule three ways (names, shapes, numbers) and the factor helpers the op rows use.
// Shapes print as (3×4), grids as (N×C×H×W); numbers through latex_number, so the lines match the scalar trace.
#include "core/tensor/matrix_rule.hpp"

#include "core/number_format.hpp"

namespace bp::tensor {
namespace {

std::string shape_latex(const Factor& f) {
  if (f.dims.empty()) return f.latex;  // a scalar stands for itself
  std::string text = "(";
  for (std::size_t i = 0; i < f.dims.size(); ++i) text += (i ? "\\times " : "") + std::to_string(f.dims[i]);
  return text + ")";
}

// The entries as one bmatrix: a plain matrix as it is, a grid row as its one H×W plane (one example, one
// channel); "" when the factor has no numbers or is too big to write out.
std::string bmatrix(const Factor& f) {
  if (f.dims.empty()) return f.numbers.size() == 1 ? latex_number(f.numbers(0, 0)) : f.latex;
  if (f.numbers.size() == 0) return "";
  std::size_t r = f.dims[0], c = f.dims.size() == 2 ? f.dims[1] : 0;
  if (f.dims.size() == 4) {
    if (f.dims[0] != 1 || f.dims[1] != 1) return "";
    r = f.dims[2];
    c = f.dims[3];
  }
  if (r == 0 || c == 0 || r > kSubstituteMax || c > kSubstituteMax || r * c != f.numbers.size()) return "";
  std::string text = "\\begin{bmatrix}";
  for (std::size_t i = 0; i < r; ++i) {
    for (std::size_t j = 0; j < c; ++j) text += (j ? " & " : "") + latex_number(f.numbers.data()[i * c + j]);
    text += i + 1 < r ? " \\\\ " : "";
  }
  return text + "\\end{bmatrix}";
}

}  // namespace

RuleText write_rule(const MatrixRule& rule) {
  bool small = true;
  for (const Factor& f : rule.factors) small = small && !bmatrix(f).empty();
  RuleText out;
  out.latex = fill_pattern(rule.pattern, rule.factors, [](const Factor& f) { return f.latex; });
  out.shapes_latex = fill_pattern(rule.pattern, rule.factors, shape_latex);
  out.shapes_under = fill_pattern(rule.pattern, rule.factors, [](const Factor& f) {
    return f.dims.empty() ? f.latex : "\\underset{" + shape_latex(f) + "}{" + f.latex + "}";
  });
  if (small) out.substituted = fill_pattern(rule.pattern, rule.factors, bmatrix);
  if (rule.where) out.where = note_latex(*rule.where);
  return out;
}

std::vector<std::size_t> dims_of(const Matrix<double>& m, const Grid& grid) {
  if (grid.empty()) return {m.shape()[0], m.shape()[1]};
  return {m.shape()[0], grid.channels, grid.height, grid.width};
}

Factor matrix_factor(const std::string& latex, Matrix<double> numbers, const Grid& grid) {
  Factor f;
  f.latex = latex;
  f.entry_latex = latex;
  f.dims = dims_of(numbers, grid);
  f.numbers = std::move(numbers);
  return f;
}

Factor value_factor(const OperandView& o) {
  Factor f = matrix_factor(o.latex, *o.value, o.grid);
  f.name = o.name;
  return f;
}

Factor transposed_factor(const OperandView& o) {
  const Matrix<double>& m = *o.value;
  Matrix<double> t = zeros<double>({m.shape()[1], m.shape()[0]});
  for (std::size_t i = 0; i < m.shape()[0]; ++i) {
    for (std::size_t j = 0; j < m.shape()[1]; ++j) t(j, i) = m(i, j);
  }
  // W^{(2)} already has a superscript: brace it so the transpose is not a second one.
  const std::string base = o.latex.find('^') == std::string::npos ? o.latex : "{" + o.latex + "}";
  Factor f = matrix_factor(base + "^{\\top}", std::move(t));
  f.name = o.name;
  f.entry_latex = o.latex;
  f.transposed = true;
  return f;
}

Factor grad_factor(const OperandView& o) {
  Factor f = matrix_factor("d" + o.latex, *o.grad, o.grid);
  f.name = "d" + o.name;
  return f;
}

Factor ones_factor(const std::string& latex, std::size_t rows, std::size_t cols) {
  Matrix<double> m = zeros<double>({rows, cols});
  m.fill(1.0);
  Factor f = matrix_factor(latex, std::move(m));
  f.ones = true;
  return f;
}

Factor scalar_factor(const std::string& latex, double value) {
  Factor f;
  f.latex = latex;
  f.numbers = zeros<double>({1, 1});
  f.numbers(0, 0) = value;
  return f;
}

}  // namespace bp::tensor
