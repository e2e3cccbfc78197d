// A matrix-form rule of the step trace, `dW^{(1)} = X^{\top} dZ^{(1)}`, kept as a pattern over factors so that
// the same rule is written three ways: with names, with each factor's shape, and with the numbers substituted
// (LaTeX bmatrix) when every factor is small. OpView is what a registry row sees of one op when it explains it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/tensor/node.hpp"
#include "core/tensor/note.hpp"

namespace bp::tensor {

// Matrices at most this many rows and columns are written out with their numbers.
constexpr std::size_t kSubstituteMax = 4;

struct Factor {
  std::string latex;               // "X^{\top}"
  std::string name;                // the plain name of the operand it comes from, "X" or "dM1"; "" for others
  std::string entry_latex;         // what an entry is written on: "X" (entries of X^{\top} are X_{ji})
  bool transposed = false;         // numbers are the operand's transpose
  bool ones = false;               // a vector of ones (a batch sum written as a product)
  std::vector<std::size_t> dims;   // {3, 2}, or {N, C, H, W} for grid rows; {} for a scalar such as N
  Matrix<double> numbers;          // entries (dims' layout, rows × rest); empty: written by its LaTeX only
};

struct MatrixRule {
  std::string target;            // the node (or the node's gradient, "dW1") it computes
  std::string pattern;           // "$0 = $1 $2": $k stands for factors[k]; factors[0] is the left-hand side
  std::vector<Factor> factors;
  std::optional<Note> where;     // optional side note, e.g. the element-wise derivative (keyed: note.hpp)
  bool per_entry = true;         // each entry of $0 needs only the same entry of each factor (softmax: false)
};

// The pattern with $k replaced by what `write` gives for factor k (a name, a shape, a number...).
template <class Write>
std::string fill_pattern(const std::string& pattern, const std::vector<Factor>& factors, Write write) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '$' && i + 1 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      out += write(factors.at(static_cast<std::size_t>(pattern[++i] - '0')));
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// The rule written out: with names, with each factor's shape (inline, and written under the factor), and with
// its numbers when every factor is small enough (kSubstituteMax); the side note in English LaTeX, or "".
struct RuleText {
  std::string latex, shapes_latex, shapes_under;
  std::optional<std::string> substituted;
  std::string where;
};
RuleText write_rule(const MatrixRule& rule);

// One operand of an op as the trace names it: value, and the gradient this op gives it (backward only).
struct OperandView {
  std::string name, latex;  // "W1", "W^{(1)}"
  Grid grid;
  const Matrix<double>* value = nullptr;
  const Matrix<double>* grad = nullptr;  // output: the upstream gradient; inputs: this op's contribution
};

struct OpView {
  const Node<double>& node;
  OperandView out, a, b;
};

// Factor helpers for the rows: an operand's value, its transpose, its gradient ("d" + name), a scalar.
std::vector<std::size_t> dims_of(const Matrix<double>& m, const Grid& grid);
Factor value_factor(const OperandView& o);
Factor transposed_factor(const OperandView& o);
Factor grad_factor(const OperandView& o);
Factor scalar_factor(const std::string& latex, double value);
Factor matrix_factor(const std::string& latex, Matrix<double> numbers, const Grid& grid = {});
Factor ones_factor(const std::string& latex, std::size_t rows, std::size_t cols);

}  // namespace bp::tensor
