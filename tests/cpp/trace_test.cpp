// The trace the stepper shows: names, forward LaTeX with numbers substituted, the chain rule per edge, and the
// running total where a value fans out. Expected lines are written by hand from the op rules.
#include <gtest/gtest.h>

#include "core/scalar/parser.hpp"
#include "core/scalar/trace.hpp"

namespace bp::scalar {
namespace {

Trace traced(const std::string& formula, std::initializer_list<std::pair<const char*, double>> values) {
  static Graph graph;  // kept alive: the trace refers to its ids
  graph = parse_formula(formula);
  for (const auto& [name, value] : values) graph.set_value(name, value);
  return run_with_trace(graph);
}

TEST(Trace, Cs231nLines) {
  const Trace t = traced("(x+y)*z", {{"x", -2}, {"y", 5}, {"z", -4}});
  ASSERT_EQ(t.forward.size(), 2u);
  EXPECT_EQ(t.forward[0].latex, "q = x + y = -2 + 5 = \\htmlClass{bp-value}{3}");
  EXPECT_EQ(t.forward[1].latex, "f = q \\cdot z = 3 \\cdot \\left(-4\\right) = \\htmlClass{bp-value}{-12}");
  EXPECT_EQ(t.forward[0].rule_latex, "q = x + y");  // the quiz's hint: the rule without the numbers
  EXPECT_EQ(t.forward[1].rule_latex, "f = q \\cdot z");

  ASSERT_EQ(t.backward.size(), 3u);  // the seed, then the multiply, then the add
  EXPECT_EQ(t.backward[0].latex, "\\htmlClass{bp-grad}{\\frac{\\partial f}{\\partial f}} = \\htmlClass{bp-grad}{1}");
  const BackwardStep& mul = t.backward[1];
  EXPECT_DOUBLE_EQ(mul.upstream, 1);
  ASSERT_EQ(mul.inputs.size(), 2u);
  EXPECT_EQ(mul.inputs[0].rule_latex, "\\frac{\\partial f}{\\partial q} = z = -4");
  EXPECT_DOUBLE_EQ(mul.inputs[1].contribution, 3);
  const BackwardStep& add = t.backward[2];
  EXPECT_DOUBLE_EQ(add.upstream, -4);
  EXPECT_EQ(add.inputs[0].latex,
            "\\htmlClass{bp-grad}{\\frac{\\partial f}{\\partial x}} = \\htmlClass{bp-grad}{\\frac{\\partial f}{\\partial q}}\\frac{\\partial q}{\\partial x}"
            " = \\htmlClass{bp-grad}{\\left(-4\\right)}\\left(1\\right) = \\htmlClass{bp-grad}{-4}");
}

TEST(Trace, ForwardLinesDoNotRepeatThemselves) {
  const Trace t = traced("-(x + y)", {{"x", 1}, {"y", 0}});
  EXPECT_EQ(t.forward[1].latex, "f = -q = \\htmlClass{bp-value}{-1}");
}

TEST(Trace, FanOutShowsEveryPathAndTheRunningTotal) {
  const Trace t = traced("x*x + x*y", {{"x", 3}, {"y", -2}});
  EXPECT_EQ(t.names, (std::vector<std::string>{"x", "q1", "y", "q2", "f"}));
  EXPECT_EQ(t.fanout[0], 3);  // x feeds x*x twice and x*y once
  std::vector<double> totals;
  for (const BackwardStep& step : t.backward) {
    for (const BackwardEdge& edge : step.inputs) {
      if (edge.input != 0) continue;
      EXPECT_EQ(edge.paths, 3);
      EXPECT_NE(edge.latex.find("\\mathrel{+}="), std::string::npos);
      totals.push_back(edge.total);
    }
  }
  // x*y is visited first (reverse order): -2, then x*x adds 3 twice.
  EXPECT_EQ(totals, (std::vector<double>{-2, 1, 4}));
  EXPECT_EQ(t.backward.back().inputs.back().total_latex, "\\htmlClass{bp-grad}{\\frac{\\partial f}{\\partial x}} = -2 + 3 + 3 = \\htmlClass{bp-grad}{4}");
}

TEST(Trace, NamesNeverClashWithVariables) {
  const Trace t = traced("f*q + q1", {{"f", 1}, {"q", 2}, {"q1", 3}});
  EXPECT_EQ(t.names, (std::vector<std::string>{"f", "q", "u", "q1", "g"}));
}

TEST(Trace, DefinedNamesAppearInTheChainRule) {
  const Trace t = traced("h = w*x; E = h*h; E", {{"w", 3}, {"x", 2}});
  EXPECT_EQ(t.names, (std::vector<std::string>{"w", "x", "h", "E"}));
  EXPECT_EQ(t.forward[0].latex, "h = w \\cdot x = 3 \\cdot 2 = \\htmlClass{bp-value}{6}");
  EXPECT_EQ(t.fanout[2], 2);  // h is used twice by E = h*h
  EXPECT_EQ(t.backward[0].latex, "\\htmlClass{bp-grad}{\\frac{\\partial E}{\\partial E}} = \\htmlClass{bp-grad}{1}");
  EXPECT_EQ(t.backward.back().inputs[0].latex,
            "\\htmlClass{bp-grad}{\\frac{\\partial E}{\\partial w}} = \\htmlClass{bp-grad}{\\frac{\\partial E}{\\partial h}}\\frac{\\partial h}{\\partial w}"
            " = \\htmlClass{bp-grad}{\\left(12\\right)}\\left(2\\right) = \\htmlClass{bp-grad}{24}");
}

TEST(Trace, ConstantsAreNotDifferentiated) {
  const Trace t = traced("2*x + 3", {{"x", 1}});
  for (const BackwardStep& step : t.backward) {
    for (const BackwardEdge& edge : step.inputs) EXPECT_EQ(t.names[edge.input] == "2" || t.names[edge.input] == "3", false);
  }
}

TEST(Trace, WarningsNameTheNodeWhereNaNStarts) {
  const Trace t = traced("log(x) * y", {{"x", -1}, {"y", 2}});
  ASSERT_EQ(t.warnings.size(), 1u);  // only the origin, not every node downstream
  EXPECT_EQ(t.warnings[0].message, "the value of q (log) is NaN");
  const Trace zero = traced("log(x)", {{"x", 0}});
  ASSERT_EQ(zero.warnings.size(), 2u);
  EXPECT_EQ(zero.warnings[1].kind, "gradient");
}

}  // namespace
}  // namespace bp::scalar
