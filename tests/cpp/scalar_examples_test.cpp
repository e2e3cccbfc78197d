// The seeds' worked examples, with the numbers printed in the blog posts (../shared/seeds), and gradient
// accumulation over fan-out. Expected values are the published ones, not outputs of this engine.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using namespace scalar;

nlohmann::json run(const std::string& formula, const nlohmann::json& values) {
  const nlohmann::json report = grad_report(formula, values);
  EXPECT_FALSE(report.contains("error")) << report.dump();
  return report;
}

TEST(SeedExamples, Cs231nAddMultiply) {  // seed 000: f = (x + y) z at x = -2, y = 5, z = -4
  const auto r = run("(x+y)*z", {{"x", -2}, {"y", 5}, {"z", -4}});
  EXPECT_DOUBLE_EQ(r["value"], -12);
  EXPECT_DOUBLE_EQ(r["grads"]["x"], -4);
  EXPECT_DOUBLE_EQ(r["grads"]["y"], -4);
  EXPECT_DOUBLE_EQ(r["grads"]["z"], 3);
}

TEST(SeedExamples, AppleShop) {  // seed 004: 2 apples at 100 yen, 10% tax
  const auto r = run("apple*apple_num*tax", {{"apple", 100}, {"apple_num", 2}, {"tax", 1.1}});
  EXPECT_NEAR(r["value"].get<double>(), 220, 1e-12);
  EXPECT_NEAR(r["grads"]["apple"].get<double>(), 2.2, 1e-12);
  EXPECT_NEAR(r["grads"]["apple_num"].get<double>(), 110, 1e-12);
  EXPECT_NEAR(r["grads"]["tax"].get<double>(), 200, 1e-12);
}

TEST(SeedExamples, ApplesAndOranges) {  // seed 004: 2 apples at 100, 3 oranges at 150, tax 1.1
  const auto r = run("(apple*apple_num + orange*orange_num)*tax",
                     {{"apple", 100}, {"apple_num", 2}, {"orange", 150}, {"orange_num", 3}, {"tax", 1.1}});
  EXPECT_NEAR(r["value"].get<double>(), 715, 1e-12);
  // The book's backward figure: 2.2, 110, 3.3, 165, 650.
  EXPECT_NEAR(r["grads"]["apple"].get<double>(), 2.2, 1e-12);
  EXPECT_NEAR(r["grads"]["apple_num"].get<double>(), 110, 1e-12);
  EXPECT_NEAR(r["grads"]["orange"].get<double>(), 3.3, 1e-12);
  EXPECT_NEAR(r["grads"]["orange_num"].get<double>(), 165, 1e-12);
  EXPECT_NEAR(r["grads"]["tax"].get<double>(), 650, 1e-12);
}

TEST(SeedExamples, SigmoidNeuron) {  // seed 000 / cs231n: w = [2, -3, -3], x = [-1, -2] -> 0.73, dw = [-0.2, -0.39, 0.2]
  const auto r = run("1/(1+exp(-(w0*x0+w1*x1+w2)))", {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}});
  EXPECT_NEAR(r["value"].get<double>(), 0.73, 0.005);
  EXPECT_NEAR(r["grads"]["w0"].get<double>(), -0.20, 0.005);
  EXPECT_NEAR(r["grads"]["x0"].get<double>(), 0.39, 0.005);
  EXPECT_NEAR(r["grads"]["w1"].get<double>(), -0.39, 0.005);
  EXPECT_NEAR(r["grads"]["x1"].get<double>(), -0.59, 0.005);
  EXPECT_NEAR(r["grads"]["w2"].get<double>(), 0.20, 0.005);
  // The fused gate gives the same gradients: σ'(z) = σ(z)(1 - σ(z)).
  const auto fused = run("sigmoid(w0*x0+w1*x1+w2)", {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}});
  for (const char* name : {"w0", "x0", "w1", "x1", "w2"}) {
    EXPECT_NEAR(fused["grads"][name].get<double>(), r["grads"][name].get<double>(), 1e-12) << name;
  }
}

TEST(SeedExamples, GatePatterns) {  // seed 000: 2(xy + max(z, w)) at x = 3, y = -4, z = 2, w = -1
  const auto r = run("2*(x*y+max(z,w))", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}});
  EXPECT_DOUBLE_EQ(r["value"], -20);
  EXPECT_DOUBLE_EQ(r["grads"]["x"], -8);  // multiply swaps: 2 * y
  EXPECT_DOUBLE_EQ(r["grads"]["y"], 6);   // 2 * x
  EXPECT_DOUBLE_EQ(r["grads"]["z"], 2);   // max routes to the larger input
  EXPECT_DOUBLE_EQ(r["grads"]["w"], 0);
}

TEST(SeedExamples, TwoTwoTwoNetworkWithNamedNeurons) {
  // Seed 002's network shape, written with definitions so each hidden output is one node feeding both outputs:
  // ∂E/∂w1 is then the sum of two paths through h1. Checked against the same network written out in full.
  const char* named =
      "h1 = sigmoid(w1*x); h2 = sigmoid(w2*x); o1 = sigmoid(w3*h1 + w4*h2); o2 = sigmoid(w5*h1 + w6*h2);"
      "E = 0.5*(o1 - y1)^2 + 0.5*(o2 - y2)^2; E";
  const char* flat =
      "0.5*(sigmoid(w3*sigmoid(w1*x) + w4*sigmoid(w2*x)) - y1)^2 + 0.5*(sigmoid(w5*sigmoid(w1*x) + "
      "w6*sigmoid(w2*x)) - y2)^2";
  const nlohmann::json values = {{"x", 1},  {"w1", 0.5}, {"w2", -0.5}, {"w3", 1}, {"w4", -1},
                                 {"w5", 0.5}, {"w6", 1},  {"y1", 1},    {"y2", 0}};
  const auto a = run(named, values), b = run(flat, values);
  EXPECT_NEAR(a["value"].get<double>(), b["value"].get<double>(), 1e-15);
  for (const auto& [name, grad] : b["grads"].items()) EXPECT_NEAR(a["grads"][name].get<double>(), grad.get<double>(), 1e-15) << name;
  bool h1_fans_out = false;
  for (const auto& node : a["nodes"]) h1_fans_out |= node["name"] == "h1" && node["fanout"] == 2;
  EXPECT_TRUE(h1_fans_out);
}

TEST(Accumulation, FanOutSumsEveryPath) {
  EXPECT_DOUBLE_EQ(run("a + a", {{"a", 3}})["grads"]["a"], 2);
  const auto r = run("x*x + x*y", {{"x", 3}, {"y", -2}});
  EXPECT_DOUBLE_EQ(r["grads"]["x"], 2 * 3 + -2);  // d/dx (x² + xy) = 2x + y
  EXPECT_DOUBLE_EQ(r["grads"]["y"], 3);
  EXPECT_DOUBLE_EQ(run("x*x*x", {{"x", 2}})["grads"]["x"], 12);
}

}  // namespace
}  // namespace bp::wire
