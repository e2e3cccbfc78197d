// The MLP against numbers derived by hand: Matt Mazur's worked 2-2-2 sigmoid network (seed 002's rules) with the
// half-sum-of-squares error, one SGD step; the report's per-layer gradient norms (against its own grads and against
// central differences); the shared RNG against gen.js's mulberry32; seeded initialisation; one step of each optimiser.
#include <gtest/gtest.h>

#include <cmath>

#include "core/nn/example_spec.hpp"
#include "core/nn/mlp.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/spec.hpp"
#include "core/wire/replies.hpp"
#include "finite_difference.hpp"

namespace bp::wire {
namespace {

using namespace nn;

// Matt Mazur's worked 2-2-2 network (seed 002 derives its rules on a bias-free 1-2-2 net), worked by hand:
//   x = (0.05, 0.10), W0 = [[0.15, 0.25], [0.20, 0.30]], b0 = (0.35, 0.35), W1 = [[0.40, 0.50], [0.45, 0.55]],
//   b1 = (0.60, 0.60), targets t = (0.01, 0.99), E = Σ ½(t − o)², η = 0.5, σ(z) = 1/(1 + e^−z).
// Forward:  H1 = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775        f(H1) = σ(0.3775)  = 0.593269992107187
//           H2 = 0.25·0.05 + 0.30·0.10 + 0.35 = 0.3925        f(H2) = σ(0.3925)  = 0.596884378259767
//           O1 = 0.40·f(H1) + 0.45·f(H2) + 0.60 = 1.105905967  f(O1) = 0.751365069552316
//           O2 = 0.50·f(H1) + 0.55·f(H2) + 0.60 = 1.224921404  f(O2) = 0.772928465321463
//           E = ½(0.01 − 0.751365069552316)² + ½(0.99 − 0.772928465321463)² = 0.298371108760003
// Backward: δO1 = (f(O1) − t1)·f(O1)(1 − f(O1)) = 0.741365069552316·0.186815601808960 = 0.138498561628557
//           δO2 = (f(O2) − t2)·f(O2)(1 − f(O2)) = −0.217071534678537·0.175510052074910 = −0.038098236516556
//           ∂E/∂W1[i][j] = f(Hi)·δOj:  ∂E/∂w(H1→O1) = 0.593269992107187·0.138498561628557 = 0.082167040564231
//           δH1 = (δO1·0.40 + δO2·0.50)·f(H1)(1 − f(H1)) = 0.036350306..·0.241300709 = 0.008771354689487
//           δH2 = (δO1·0.45 + δO2·0.55)·f(H2)(1 − f(H2)) = 0.041370323..·0.240613417 = 0.009954254705217
//           ∂E/∂W0[i][j] = x_i·δHj:  ∂E/∂w(x1→H1) = 0.05·δH1 = 0.000438567734474;  ∂E/∂b = δ
// Update:   w ← w − 0.5·∂E/∂w: w(H1→O1) = 0.40 − 0.5·0.082167040564231 = 0.358916479717885, ...
//           E after the step (biases updated too) = 0.280471446791430
TEST(Mlp, SeedTwoTwoTwoSigmoidNetworkMatchesTheHandDerivation) {
  const nlohmann::json spec = {
      {"layers", {{{"W", {{0.15, 0.25}, {0.20, 0.30}}}, {"b", {0.35, 0.35}}, {"activation", "sigmoid"}},
                  {{"W", {{0.40, 0.50}, {0.45, 0.55}}}, {"b", {0.60, 0.60}}, {"activation", "sigmoid"}}}},
      {"loss", "half_sse"}, {"x", {{0.05, 0.10}}}, {"y", {{0.01, 0.99}}},
      {"optimizer", {{"type", "sgd"}, {"lr", 0.5}}}};
  const nlohmann::json r = mlp_step_report(spec);
  const double tol = 1e-12;
  EXPECT_NEAR(r["outputs"][0][0].get<double>(), 0.751365069552316, tol);
  EXPECT_NEAR(r["outputs"][0][1].get<double>(), 0.772928465321463, tol);
  EXPECT_NEAR(r["loss"].get<double>(), 0.298371108760003, tol);
  // Output layer: ∂E/∂W1 = f(H)ᵀ·δO, ∂E/∂b1 = δO.
  EXPECT_NEAR(r["grads"][1]["W"][0][0].get<double>(), 0.082167040564231, tol);
  EXPECT_NEAR(r["grads"][1]["W"][1][0].get<double>(), 0.082667627847533, tol);
  EXPECT_NEAR(r["grads"][1]["W"][0][1].get<double>(), -0.022602540477475, tol);
  EXPECT_NEAR(r["grads"][1]["W"][1][1].get<double>(), -0.022740242215978, tol);
  EXPECT_NEAR(r["grads"][1]["b"][0].get<double>(), 0.138498561628557, tol);
  EXPECT_NEAR(r["grads"][1]["b"][1].get<double>(), -0.038098236516556, tol);
  // Hidden layer: ∂E/∂W0 = xᵀ·δH, ∂E/∂b0 = δH.
  EXPECT_NEAR(r["grads"][0]["W"][0][0].get<double>(), 0.000438567734474, tol);
  EXPECT_NEAR(r["grads"][0]["W"][1][0].get<double>(), 0.000877135468949, tol);
  EXPECT_NEAR(r["grads"][0]["W"][0][1].get<double>(), 0.000497712735261, tol);
  EXPECT_NEAR(r["grads"][0]["W"][1][1].get<double>(), 0.000995425470522, tol);
  EXPECT_NEAR(r["grads"][0]["b"][0].get<double>(), 0.008771354689487, tol);
  EXPECT_NEAR(r["grads"][0]["b"][1].get<double>(), 0.009954254705217, tol);
  // The updated weights of the worked example (w5..w8 and w1..w4 there).
  EXPECT_NEAR(r["updated"][1]["W"][0][0].get<double>(), 0.358916479717885, tol);
  EXPECT_NEAR(r["updated"][1]["W"][1][0].get<double>(), 0.408666186076233, tol);
  EXPECT_NEAR(r["updated"][1]["W"][0][1].get<double>(), 0.511301270238738, tol);
  EXPECT_NEAR(r["updated"][1]["W"][1][1].get<double>(), 0.561370121107989, tol);
  EXPECT_NEAR(r["updated"][0]["W"][0][0].get<double>(), 0.149780716132763, tol);
  EXPECT_NEAR(r["updated"][0]["W"][1][1].get<double>(), 0.299502287264739, tol);
  EXPECT_NEAR(r["updated"][1]["b"][0].get<double>(), 0.530750719185722, tol);
  EXPECT_NEAR(r["loss_after"].get<double>(), 0.280471446791430, tol);
}

// sqrt of the sum of squares of every number in a nested JSON array (a W or K as the report writes it).
double frobenius(const nlohmann::json& nested) {
  if (nested.is_number()) return std::fabs(nested.get<double>());
  double sum = 0;
  for (const nlohmann::json& item : nested) sum += std::pow(frobenius(item), 2);
  return std::sqrt(sum);
}

TEST(MlpReport, GradNormsAreTheNormsOfTheReportedWeightGradients) {
  const nlohmann::json dense = mlp_step_report(example_spec({{"layers", "3-5-4-2"}, {"batch", 3}, {"seed", 4}}));
  ASSERT_EQ(dense["grad_norms"].size(), 3u);
  for (std::size_t l = 0; l < 3; ++l) {
    EXPECT_NEAR(dense["grad_norms"][l].get<double>(), frobenius(dense["grads"][l]["W"]), 1e-12) << "layer " << l;
    EXPECT_GT(dense["grad_norms"][l].get<double>(), 0);
  }
  // A grid net: the conv layer's norm is that of dK; the pooling layer has no weights and so no norm.
  const nlohmann::json grid = {
      {"input_shape", {1, 3, 3}}, {"x", {{0.1, -0.4, 0.3, 0.9, -0.2, 0.5, -0.7, 0.6, 0.2}}},
      {"layers", {{{"type", "conv2d"}, {"K", {{{{0.5, -0.3}, {0.2, 0.8}}}}}, {"b", {0.1}}, {"activation", "tanh"}},
                  {{"type", "max_pool2d"}, {"size", 2}},
                  {{"W", {{0.7, -0.6}}}, {"b", {0, 0}}, {"activation", "linear"}}}},
      {"loss", "softmax_cross_entropy"}, {"y", {1}}, {"optimizer", {{"type", "sgd"}, {"lr", 0.1}}}};
  const nlohmann::json r = mlp_step_report(grid);
  ASSERT_EQ(r["grad_norms"].size(), 3u);
  EXPECT_NEAR(r["grad_norms"][0].get<double>(), frobenius(r["grads"][0]["K"]), 1e-12);
  EXPECT_TRUE(r["grad_norms"][1].is_null());
  EXPECT_NEAR(r["grad_norms"][2].get<double>(), frobenius(r["grads"][2]["W"]), 1e-12);
}

TEST(MlpReport, GradNormsAgreeWithCentralDifferencesOfTheLoss) {
  const nlohmann::json spec = example_spec({{"layers", "2-3-3-2"}, {"batch", 2}, {"seed", 9}, {"activation", "sigmoid"}});
  const nlohmann::json report = mlp_step_report(spec);
  for (std::size_t l = 0; l < spec["layers"].size(); ++l) {
    double sum = 0;
    const nlohmann::json& w = spec["layers"][l]["W"];
    for (std::size_t i = 0; i < w.size(); ++i) {
      for (std::size_t j = 0; j < w[i].size(); ++j) {
        const double slope = bp::testing::central_difference([&](double v) {
          nlohmann::json moved = spec;
          moved["layers"][l]["W"][i][j] = v;
          return mlp_step_report(moved)["loss"].get<double>();
        }, w[i][j].get<double>());
        sum += slope * slope;
      }
    }
    const double norm = report["grad_norms"][l].get<double>();
    EXPECT_NEAR(norm, std::sqrt(sum), 1e-7 * std::max(1.0, norm)) << "layer " << l;
  }
}

TEST(MlpReport, DeepSigmoidChainsVanishAndLargeInitialWeightsExplode) {
  // Each sigmoid layer multiplies the gradient by at most 1/4 times its weights: the first layer learns least.
  auto norms = [](const char* activation, double scale) {
    return mlp_step_report(example_spec({{"layers", "1-8-8-8-8-8-1"}, {"activation", activation}, {"init_scale", scale},
                                         {"loss", "mse"}, {"batch", 4}, {"seed", 1}}))["grad_norms"];
  };
  const nlohmann::json sigmoid = norms("sigmoid", 1);
  EXPECT_LT(sigmoid[0].get<double>() * 100, sigmoid[4].get<double>()) << sigmoid.dump();
  // tanh with weights scaled up: the first layers' gradients outgrow the last hidden layer's.
  const nlohmann::json big = norms("tanh", 4);
  const nlohmann::json unit = norms("tanh", 1);
  EXPECT_GT(big[0].get<double>(), 10 * unit[0].get<double>()) << big.dump() << unit.dump();
}

TEST(Rng, MatchesTheBenchmarkGenerator) {
  // Values printed by ../shared/bench/gen.js's mulberry32 (node): seed 42's first three uniforms, seed 7's first
  // Box–Muller draw, seed 3's permutation of 8.
  Rng a(42);
  EXPECT_DOUBLE_EQ(a.uniform(), 0.60110375192016363);
  EXPECT_DOUBLE_EQ(a.uniform(), 0.44829055899754167);
  EXPECT_DOUBLE_EQ(a.uniform(), 0.85246579349040985);
  EXPECT_NEAR(Rng(7).gauss(), 0.14197043782155663, 1e-15);
  EXPECT_EQ(Rng(3).permutation(8), (std::vector<std::size_t>{7, 4, 1, 3, 6, 2, 0, 5}));
}

TEST(Mlp, SeededGlorotInitialisationIsDeterministicAndBounded) {
  Mlp<float> a(2, {{16, Activation::Tanh}, {3, Activation::Linear}});
  Mlp<float> b(2, {{16, Activation::Tanh}, {3, Activation::Linear}});
  a.initialize(Init::Glorot, 9);
  b.initialize(Init::Glorot, 9);
  EXPECT_EQ(a.weight(0).value, b.weight(0).value);
  EXPECT_EQ(a.weight(1).value, b.weight(1).value);
  const float limit = std::sqrt(6.0f / 18);
  for (float w : a.weight(0).value) EXPECT_LE(std::abs(w), limit);
  // The first weight is the first uniform of seed 9 mapped to [−limit, limit].
  EXPECT_FLOAT_EQ(a.weight(0).value(0, 0), float(-std::sqrt(6.0 / 18) + 2 * std::sqrt(6.0 / 18) * Rng(9).uniform()));
  b.initialize(Init::He, 9);
  EXPECT_NE(a.weight(0).value, b.weight(0).value);
  EXPECT_EQ(a.bias(0).value, tensor::zeros<float>({1, 16}));
}

TEST(Optimizer, OneStepOfEachRule) {
  std::vector<tensor::Parameter<double>> params(1);
  params[0].value = tensor::zeros<double>({1, 2});
  params[0].grad = tensor::zeros<double>({1, 2});
  auto run = [&](OptimizerConfig config, int steps) {
    params[0].value(0, 0) = 1;
    params[0].value(0, 1) = -1;
    params[0].grad(0, 0) = 0.5;
    params[0].grad(0, 1) = -2;
    Optimizer<double> optimizer(config, params);
    for (int s = 0; s < steps; ++s) optimizer.step();
    return std::vector<double>{params[0].value(0, 0), params[0].value(0, 1)};
  };
  // SGD: 1 − 0.1·0.5, −1 + 0.1·2
  EXPECT_EQ(run({OptimizerConfig::Kind::Sgd, 0.1}, 1), (std::vector<double>{0.95, -0.8}));
  // Momentum, two steps with the same g: v1 = g, v2 = 0.9g + g = 1.9g; p = p0 − 0.1·(1 + 1.9)·g
  const auto m = run({OptimizerConfig::Kind::Momentum, 0.1, 0.9}, 2);
  EXPECT_NEAR(m[0], 1 - 0.1 * 2.9 * 0.5, 1e-15);
  EXPECT_NEAR(m[1], -1 + 0.1 * 2.9 * 2, 1e-15);
  // Adam's first step moves each weight by lr·g/(|g| + ε) ≈ lr·sign(g), whatever the size of g.
  const auto a = run({OptimizerConfig::Kind::Adam, 0.01}, 1);
  EXPECT_NEAR(a[0], 1 - 0.01, 1e-9);
  EXPECT_NEAR(a[1], -1 + 0.01, 1e-9);
}

}  // namespace
}  // namespace bp::wire
