// The JSON API shared by the CLI and wasm: shape, error objects with positions, non-finite numbers, limits.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/scalar/graph.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using namespace scalar;

using json = Json;

TEST(Report, Shape) {
  const json r = grad_report("(x+y)*z", {{"x", "-2"}, {"y", 5}, {"z", "-4"}});
  EXPECT_EQ(r["formula"], "(x+y)*z");
  EXPECT_EQ(r["grads"], json({{"x", -4}, {"y", -4}, {"z", 3}}));
  EXPECT_EQ(r["nodes"].size(), 5u);
  EXPECT_EQ(r["nodes"][r["output"].get<int>()]["name"], "f");
  EXPECT_EQ(r["nodes"][2]["symbol"], "+");
  EXPECT_EQ(r["nodes"][2]["pattern"], "distribute");
  EXPECT_EQ(r["forward"][0]["input_values"], json({-2, 5}));
  EXPECT_EQ(r["backward"][0]["kind"], "seed");
  EXPECT_EQ(r["warnings"], json::array());
}

void expect_error(const json& r, const std::string& message, json position) {
  ASSERT_TRUE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["error"]["message"], message);
  EXPECT_EQ(r["error"]["position"], position);
}

TEST(Report, Errors) {
  expect_error(grad_report("(x+y)*z)", {{"x", 1}}), "unexpected ')'", 7);
  expect_error(grad_report("x*y", {{"x", 1}}), "no value for variable 'y'", 2);
  expect_error(grad_report("x", {{"x", "abc"}}), "the value of 'x' is not a number: 'abc'", nullptr);
  expect_error(grad_report("x", {{"x", json::array()}}), "the value of 'x' is not a number", nullptr);
  expect_error(grad_report("x", {{"x", 1}, {"w", 2}}), "the formula has no variable 'w'", nullptr);
  expect_error(grad_report("x", json(nullptr)), "the values must be an object such as {\"x\": -2}", nullptr);
}

TEST(Report, NonFiniteNumbersAreStringsAndWarned) {
  const json r = grad_report("log(x) + 1/y", {{"x", -1}, {"y", 0}});
  EXPECT_EQ(r["value"], "NaN");
  EXPECT_EQ(r["nodes"][1]["value"], "NaN");
  EXPECT_EQ(r["nodes"][4]["value"], "Infinity");
  EXPECT_EQ(r["warnings"].size(), 3u);  // log is NaN, 1/y is infinite, ∂(1/y)/∂y is infinite
}

TEST(Report, InvalidUtf8IsReplacedNotThrown) {
  const std::string bad = "x + \xff";
  EXPECT_NO_THROW(dump(grad_report(bad, json::object())));
}

TEST(Report, FormulaReevaluatesWithoutReparsing) {
  Formula formula;
  EXPECT_EQ(formula.parse("x*y")["variables"], json({"x", "y"}));
  EXPECT_EQ(formula.evaluate({{"x", 2}, {"y", 3}})["value"], 6);
  EXPECT_EQ(formula.evaluate({{"x", -1}, {"y", 3}})["grads"]["y"], -1);
  // Every evaluation states every value: nothing leaks over from the previous one.
  expect_error(formula.evaluate({{"x", 2}}), "no value for variable 'y'", 2);
}

TEST(Limits, GraphSize) {
  Graph graph;
  NodeId x = graph.variable("x", 0);
  try {
    for (std::size_t i = 1; i <= Graph::kMaxNodes; ++i) x = graph.apply(Op::Neg, x, 0, 0);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "the graph would have more than 100000 nodes");
  }
  // A graph at the limit still runs forward and backward without recursion.
  graph.set_output(x);
  graph.set_value("x", 1);
  graph.forward();
  graph.backward();
  EXPECT_EQ(graph.node(0).grad, -1);  // 99,999 negations: an odd number
}

}  // namespace
}  // namespace bp::wire
