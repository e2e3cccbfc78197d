// The scalar operations of the formula engine: for each one, its forward rule and its local derivatives side by
// side, plus what the tutor shows of it (symbol, LaTeX of the operation and of each local rule, gate pattern).
// This is the only place that knows what an op computes; the graph, the trace and the web only look it up.
#pragma once
#include <array>
#include <string>

namespace bp::scalar {

// One row per op in op.cpp's rule table, in this order (a static_assert there checks both). Count is not an op:
// it is the number of ops, for loops and the table's size check.
enum class Op { Constant, Variable, Add, Sub, Mul, Div, Pow, Neg, Exp, Log, Tanh, Sigmoid, Relu, Max, Min, Abs, Count };

// One input as it appears in a LaTeX line: a node's name (`x`, `q_{1}`) or a substituted number (`-4`).
// `negative` asks for parentheses where juxtaposition would misread (`3 \cdot (-4)`).
struct Operand {
  std::string text;
  bool negative = false;
};

struct OpRule {
  Op op;                // the op this row describes (its index in the table)
  const char* name;     // JSON name: "mul"
  const char* symbol;   // drawn in the node: "×"
  int arity;            // 0 for leaves, 1 or 2 otherwise
  const char* pattern;  // gate pattern the tutor names: "distribute", "swap", "route", "scale", or ""
  bool callable;        // the formula language calls it by its name, `exp(x)` (not an operator, not a leaf)
  double (*forward)(double a, double b);
  // Local derivatives ∂out/∂a and ∂out/∂b at the given inputs and output.
  std::array<double, 2> (*local)(double a, double b, double out);
  // LaTeX of the operation applied to two operands: `a \cdot b`.
  std::string (*latex)(const Operand& a, const Operand& b);
  // LaTeX of the local rule ∂out/∂input_k, written with the input names a, b and the output name `out`.
  std::string (*rule_latex)(int k, const std::string& a, const std::string& b, const std::string& out);
};

// The row of `op` (any op before Op::Count).
const OpRule& rule_of(Op op);

// The op whose name the parser accepts as a function call (`exp`, `max`, ...: the callable rows); Op::Constant if
// `name` is not one.
Op function_named(const std::string& name);

}  // namespace bp::scalar
