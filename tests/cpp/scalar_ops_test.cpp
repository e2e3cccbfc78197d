// Every scalar op's gradient against central finite differences, at points away from kinks, plus the documented
// conventions at the kinks themselves (relu'(0) = 0, ties in max/min go to the first argument, |x|'(0) = 0).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "core/scalar/parser.hpp"
#include "finite_difference.hpp"

namespace bp::scalar {
namespace {

using Values = std::map<std::string, double>;

Graph evaluated(const std::string& formula, const Values& values) {
  Graph graph = parse_formula(formula);
  for (const auto& [name, value] : values) graph.set_value(name, value);
  graph.forward();
  graph.backward();
  return graph;
}

double value_at(const std::string& formula, Values values) {
  Graph graph = parse_formula(formula);
  for (const auto& [name, value] : values) graph.set_value(name, value);
  graph.forward();
  return graph.node(graph.output()).value;
}

double grad_of(const Graph& graph, const std::string& name) {
  for (NodeId id : graph.variables()) {
    if (graph.node(id).name == name) return graph.node(id).grad;
  }
  ADD_FAILURE() << "no variable " << name;
  return NAN;
}

struct OpCase {
  const char* formula;
  Values at;
};

void PrintTo(const OpCase& c, std::ostream* out) { *out << c.formula; }

class OpGradients : public ::testing::TestWithParam<OpCase> {};

TEST_P(OpGradients, MatchCentralDifferences) {
  const OpCase& c = GetParam();
  const Graph graph = evaluated(c.formula, c.at);
  for (const auto& [name, x] : c.at) {
    const double numeric = bp::testing::central_difference(
        [&, name = name](double v) {
          Values moved = c.at;
          moved[name] = v;
          return value_at(c.formula, moved);
        },
        x);
    const double analytic = grad_of(graph, name);
    EXPECT_NEAR(analytic, numeric, 1e-6 * std::max(1.0, std::fabs(numeric))) << c.formula << " d/d" << name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryOp, OpGradients,
    ::testing::Values(OpCase{"a + b", {{"a", 1.5}, {"b", -2}}}, OpCase{"a - b", {{"a", 1.5}, {"b", -2}}},
                      OpCase{"a * b", {{"a", 1.5}, {"b", -2}}}, OpCase{"a / b", {{"a", 1.5}, {"b", -2}}},
                      OpCase{"a ^ 3", {{"a", -1.3}}}, OpCase{"a ^ b", {{"a", 1.7}, {"b", 2.5}}},
                      OpCase{"2 ^ b", {{"b", -0.7}}}, OpCase{"-a", {{"a", 0.8}}}, OpCase{"exp(a)", {{"a", 0.3}}},
                      OpCase{"log(a)", {{"a", 0.3}}}, OpCase{"tanh(a)", {{"a", -0.6}}},
                      OpCase{"sigmoid(a)", {{"a", 1.2}}}, OpCase{"sigmoid(a)", {{"a", -40}}},
                      OpCase{"relu(a)", {{"a", 0.4}}}, OpCase{"relu(a)", {{"a", -0.4}}},
                      OpCase{"max(a, b)", {{"a", 1}, {"b", 2}}}, OpCase{"max(a, b)", {{"a", 3}, {"b", 2}}},
                      OpCase{"min(a, b)", {{"a", 1}, {"b", 2}}}, OpCase{"min(a, b)", {{"a", 3}, {"b", 2}}},
                      OpCase{"abs(a)", {{"a", -0.9}}}, OpCase{"abs(a)", {{"a", 0.9}}},
                      // compositions, so every op also meets a non-trivial upstream gradient
                      OpCase{"tanh(a*b) / (1 + exp(-a)) - log(b^2)", {{"a", 0.7}, {"b", -1.1}}},
                      OpCase{"1/(1+exp(-(w0*x0+w1*x1+w2)))",
                             {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}}}),
    [](const ::testing::TestParamInfo<OpCase>& info) { return "case" + std::to_string(info.index); });

TEST(OpConventions, Kinks) {
  EXPECT_EQ(grad_of(evaluated("relu(a)", {{"a", 0}}), "a"), 0);
  EXPECT_EQ(grad_of(evaluated("abs(a)", {{"a", 0}}), "a"), 0);
  const Graph tie_max = evaluated("max(a, b)", {{"a", 2}, {"b", 2}});
  EXPECT_EQ(grad_of(tie_max, "a"), 1);
  EXPECT_EQ(grad_of(tie_max, "b"), 0);
  const Graph tie_min = evaluated("min(a, b)", {{"a", 2}, {"b", 2}});
  EXPECT_EQ(grad_of(tie_min, "a"), 1);
  EXPECT_EQ(grad_of(tie_min, "b"), 0);
}

TEST(OpConventions, NonFiniteIsAValueNotACrash) {
  EXPECT_TRUE(std::isnan(value_at("log(a)", {{"a", -1}})));
  EXPECT_TRUE(std::isinf(value_at("1/a", {{"a", 0}})));
  EXPECT_TRUE(std::isinf(grad_of(evaluated("log(a)", {{"a", 0}}), "a")));
  EXPECT_DOUBLE_EQ(value_at("sigmoid(a)", {{"a", -1000}}), 0);  // no overflow inside exp
}

}  // namespace
}  // namespace bp::scalar
