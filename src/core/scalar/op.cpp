// Forward and local-derivative rules of every scalar op, each pair next to its LaTeX (see op.hpp).
// Conventions at kinks, chosen to match most libraries: relu'(0) = 0, |x|'(0) = 0, and at a tie max/min send the
// whole gradient to their first argument.
#include "core/scalar/op.hpp"

#include <cmath>
#include <iterator>

namespace bp::scalar {
namespace {

using Local = std::array<double, 2>;

std::string wrap(const Operand& x) { return x.negative ? "\\left(" + x.text + "\\right)" : x.text; }
std::string none(int, const std::string&, const std::string&, const std::string&) { return ""; }
std::string leaf_latex(const Operand& a, const Operand&) { return a.text; }
double no_forward(double, double) { return 0; }
Local no_local(double, double, double) { return {0, 0}; }

double sigmoid(double x) {
  // Two branches so that exp never overflows: for x < 0, σ(x) = e^x / (1 + e^x).
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double e = std::exp(x);
  return e / (1 + e);
}

constexpr OpRule kRules[] = {
    // Constant and Variable are leaves: their value is set, not computed.
    {Op::Constant, "const", "", 0, "", false, no_forward, no_local, leaf_latex, none},
    {Op::Variable, "var", "", 0, "", false, no_forward, no_local, leaf_latex, none},
    // d(a+b)/da = 1, d(a+b)/db = 1
    {Op::Add, "add", "+", 2, "distribute", false, [](double a, double b) { return a + b; },
     [](double, double, double) { return Local{1, 1}; },
     [](const Operand& a, const Operand& b) { return a.text + " + " + wrap(b); },
     [](int, const std::string&, const std::string&, const std::string&) { return std::string("1"); }},
    // d(a-b)/da = 1, d(a-b)/db = -1
    {Op::Sub, "sub", "−", 2, "distribute", false, [](double a, double b) { return a - b; },
     [](double, double, double) { return Local{1, -1}; },
     [](const Operand& a, const Operand& b) { return a.text + " - " + wrap(b); },
     [](int k, const std::string&, const std::string&, const std::string&) { return std::string(k ? "-1" : "1"); }},
    // d(a*b)/da = b, d(a*b)/db = a
    {Op::Mul, "mul", "×", 2, "swap", false, [](double a, double b) { return a * b; },
     [](double a, double b, double) { return Local{b, a}; },
     [](const Operand& a, const Operand& b) { return wrap(a) + " \\cdot " + wrap(b); },
     [](int k, const std::string& a, const std::string& b, const std::string&) { return k ? a : b; }},
    // d(a/b)/da = 1/b, d(a/b)/db = -a/b²
    {Op::Div, "div", "÷", 2, "", false, [](double a, double b) { return a / b; },
     [](double a, double b, double) { return Local{1 / b, -a / (b * b)}; },
     [](const Operand& a, const Operand& b) { return "\\frac{" + a.text + "}{" + b.text + "}"; },
     [](int k, const std::string& a, const std::string& b, const std::string&) {
       return k ? "-\\frac{" + a + "}{" + b + "^{2}}" : "\\frac{1}{" + b + "}";
     }},
    // d(a^b)/da = b a^(b-1), d(a^b)/db = a^b ln a (taken as 0 at a = 0, where a^b → 0 faster than ln a → -∞)
    {Op::Pow, "pow", "^", 2, "", false, [](double a, double b) { return std::pow(a, b); },
     [](double a, double b, double out) { return Local{b * std::pow(a, b - 1), a == 0 ? 0 : out * std::log(a)}; },
     [](const Operand& a, const Operand& b) { return "{" + wrap(a) + "}^{" + b.text + "}"; },
     [](int k, const std::string& a, const std::string& b, const std::string& out) {
       return k ? out + " \\ln " + a : b + "\\,{" + a + "}^{" + b + " - 1}";
     }},
    // d(-a)/da = -1
    {Op::Neg, "neg", "−", 1, "scale", false, [](double a, double) { return -a; },
     [](double, double, double) { return Local{-1, 0}; },
     [](const Operand& a, const Operand&) { return "-" + wrap(a); },
     [](int, const std::string&, const std::string&, const std::string&) { return std::string("-1"); }},
    // d(e^a)/da = e^a, which is the output itself
    {Op::Exp, "exp", "exp", 1, "", true, [](double a, double) { return std::exp(a); },
     [](double, double, double out) { return Local{out, 0}; },
     [](const Operand& a, const Operand&) { return "e^{" + a.text + "}"; },
     [](int, const std::string& a, const std::string&, const std::string&) { return "e^{" + a + "}"; }},
    // d(ln a)/da = 1/a
    {Op::Log, "log", "ln", 1, "", true, [](double a, double) { return std::log(a); },
     [](double a, double, double) { return Local{1 / a, 0}; },
     [](const Operand& a, const Operand&) { return "\\ln\\left(" + a.text + "\\right)"; },
     [](int, const std::string& a, const std::string&, const std::string&) { return "\\frac{1}{" + a + "}"; }},
    // d(tanh a)/da = 1 - tanh(a)²
    {Op::Tanh, "tanh", "tanh", 1, "", true, [](double a, double) { return std::tanh(a); },
     [](double, double, double out) { return Local{1 - out * out, 0}; },
     [](const Operand& a, const Operand&) { return "\\tanh\\left(" + a.text + "\\right)"; },
     [](int, const std::string&, const std::string&, const std::string& out) { return "1 - " + out + "^{2}"; }},
    // dσ(a)/da = σ(a)(1 - σ(a))
    {Op::Sigmoid, "sigmoid", "σ", 1, "", true, [](double a, double) { return sigmoid(a); },
     [](double, double, double out) { return Local{out * (1 - out), 0}; },
     [](const Operand& a, const Operand&) { return "\\sigma\\left(" + a.text + "\\right)"; },
     [](int, const std::string&, const std::string&, const std::string& out) {
       return out + "\\left(1 - " + out + "\\right)";
     }},
    // d relu(a)/da = 1 if a > 0 else 0 (0 at the kink)
    {Op::Relu, "relu", "ReLU", 1, "route", true, [](double a, double) { return a > 0 ? a : 0.0; },
     [](double a, double, double) { return Local{a > 0 ? 1.0 : 0.0, 0}; },
     [](const Operand& a, const Operand&) { return "\\max\\left(0, " + a.text + "\\right)"; },
     [](int, const std::string& a, const std::string&, const std::string&) { return "[" + a + " > 0]"; }},
    // d max(a,b)/da = 1 if a >= b (ties go to the first argument), d/db = 1 otherwise
    {Op::Max, "max", "max", 2, "route", true, [](double a, double b) { return a >= b ? a : b; },
     [](double a, double b, double) { return a >= b ? Local{1, 0} : Local{0, 1}; },
     [](const Operand& a, const Operand& b) { return "\\max\\left(" + a.text + ", " + b.text + "\\right)"; },
     [](int k, const std::string& a, const std::string& b, const std::string&) {
       return k ? "[" + a + " < " + b + "]" : "[" + a + " \\ge " + b + "]";
     }},
    // d min(a,b)/da = 1 if a <= b (ties go to the first argument), d/db = 1 otherwise
    {Op::Min, "min", "min", 2, "route", true, [](double a, double b) { return a <= b ? a : b; },
     [](double a, double b, double) { return a <= b ? Local{1, 0} : Local{0, 1}; },
     [](const Operand& a, const Operand& b) { return "\\min\\left(" + a.text + ", " + b.text + "\\right)"; },
     [](int k, const std::string& a, const std::string& b, const std::string&) {
       return k ? "[" + a + " > " + b + "]" : "[" + a + " \\le " + b + "]";
     }},
    // d|a|/da = sign(a) (0 at a = 0)
    {Op::Abs, "abs", "|x|", 1, "", true, [](double a, double) { return std::fabs(a); },
     [](double a, double, double) { return Local{a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0, 0}; },
     [](const Operand& a, const Operand&) { return "\\left|" + a.text + "\\right|"; },
     [](int, const std::string& a, const std::string&, const std::string&) {
       return "\\operatorname{sign}\\left(" + a + "\\right)";
     }},
};

// One row per op, row k describing Op k: an op added to the enum without its row (or a row out of place) stops the
// build here instead of making rule_of read past the table.
constexpr bool rows_match_ops() {
  for (std::size_t k = 0; k < std::size(kRules); ++k) {
    if (kRules[k].op != static_cast<Op>(k)) return false;
  }
  return true;
}
static_assert(std::size(kRules) == static_cast<std::size_t>(Op::Count), "op.cpp: one rule row per Op");
static_assert(rows_match_ops(), "op.cpp: row k of the rule table must describe Op k");

}  // namespace

const OpRule& rule_of(Op op) { return kRules[static_cast<std::size_t>(op)]; }

Op function_named(const std::string& name) {
  for (const OpRule& rule : kRules) {
    if (rule.callable && name == rule.name) return rule.op;
  }
  return Op::Constant;
}

}  // namespace bp::scalar
