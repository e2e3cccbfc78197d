// The tensor graph's own rules: gradients of a value used twice add up, the softmax cross-entropy gradient is
// p − onehot (seed 002's worked numbers), backward refuses a non-scalar loss, and a second run of the same graph
// (the training loop) gives the same numbers without rebuilding anything.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "core/tensor/graph.hpp"

namespace bp::tensor {
namespace {

TEST(TensorGraph, FanOutAccumulates) {
  // L = Σ ½(w + w − 0)² = Σ 2w², dL/dw = 4w: both paths of the add reach w.
  Parameter<double> w{zeros<double>({1, 2}), {}};
  w.value(0, 0) = 1.5;
  w.value(0, 1) = -2;
  Graph<double> g;
  const auto id = g.parameter(w);
  const auto zero = g.input({1, 2});
  const auto loss = g.half_sse(g.add(id, id), zero);
  g.forward();
  g.backward(loss);
  EXPECT_DOUBLE_EQ(g.value(loss)(0, 0), 2 * (1.5 * 1.5 + 4));
  EXPECT_DOUBLE_EQ(w.grad(0, 0), 6);
  EXPECT_DOUBLE_EQ(w.grad(0, 1), -8);
}

TEST(TensorGraph, SoftmaxGradientIsProbabilitiesMinusOneHot) {
  // Seed 002: outputs [0.0903, 0.2447, 0.665] with the true class 1 give the gradient [0.0903, -0.7553, 0.665].
  // Logits log(p) reproduce exactly those probabilities (they sum to 1).
  Parameter<double> z{zeros<double>({1, 3}), {}};
  const double p[] = {0.0903, 0.2447, 0.665};
  for (int j = 0; j < 3; ++j) z.value(0, j) = std::log(p[j]);
  Graph<double> g;
  const auto logits = g.parameter(z);
  const auto labels = g.input({1, 1});
  g.value(labels)(0, 0) = 1;
  const auto loss = g.softmax_cross_entropy(logits, labels);
  g.forward();
  g.backward(loss);
  const double want[] = {0.0903, -0.7553, 0.665};
  for (int j = 0; j < 3; ++j) EXPECT_NEAR(z.grad(0, j), want[j], 1e-12);
  EXPECT_NEAR(g.value(loss)(0, 0), -std::log(0.2447), 1e-12);
}

TEST(TensorGraph, SoftmaxCrossEntropyAveragesOverTheBatch) {
  // Two identical rows: the mean loss equals one row's loss and each row gets half of one row's gradient.
  Parameter<float> z{zeros<float>({2, 2}), {}};
  z.value(0, 0) = z.value(1, 0) = 1;
  z.value(0, 1) = z.value(1, 1) = -1;
  Graph<float> g;
  const auto logits = g.parameter(z);
  const auto labels = g.input({2, 1});
  const auto loss = g.softmax_cross_entropy(logits, labels);  // labels 0, 0
  g.forward();
  g.backward(loss);
  const double p1 = 1 / (1 + std::exp(2.0));  // probability of class 1
  EXPECT_NEAR(g.value(loss)(0, 0), -std::log(1 - p1), 1e-6);
  EXPECT_NEAR(z.grad(0, 0), -p1 / 2, 1e-6);
  EXPECT_NEAR(z.grad(1, 1), p1 / 2, 1e-6);
}

TEST(TensorGraph, RejectsLabelsOutsideTheClasses) {
  Parameter<double> z{zeros<double>({1, 3}), {}};
  Graph<double> g;
  const auto labels = g.input({1, 1});
  g.value(labels)(0, 0) = 3;
  g.softmax_cross_entropy(g.parameter(z), labels);
  EXPECT_THROW(g.forward(), InputError);
}

TEST(TensorGraph, BackwardNeedsAScalarLossWithParametersUpstream) {
  Parameter<double> w{zeros<double>({2, 2}), {}};
  Graph<double> g;
  const auto id = g.parameter(w);
  const auto x = g.input({1, 1});
  g.forward();
  EXPECT_THROW(g.backward(id), InputError);  // (2,2) is not a loss
  EXPECT_THROW(g.backward(x), InputError);   // nothing to differentiate
  EXPECT_THROW(g.grad(x), InputError);
}

TEST(TensorGraph, RerunningGivesTheSameNumbers) {
  Parameter<float> w{zeros<float>({3, 2}), {}};
  for (std::size_t i = 0; i < 6; ++i) w.value.data()[i] = 0.1f * float(i) - 0.2f;
  Graph<float> g;
  const auto x = g.input({4, 3});
  for (std::size_t i = 0; i < 12; ++i) g.value(x).data()[i] = 0.05f * float(i);
  const auto t = g.input({4, 2});
  const auto loss = g.mse(g.activation(Activation::Tanh, g.matmul(x, g.parameter(w))), t);
  g.forward();
  g.backward(loss);
  const Matrix<float> first = w.grad;
  const float first_loss = g.value(loss)(0, 0);
  g.forward();
  g.backward(loss);
  EXPECT_EQ(g.value(loss)(0, 0), first_loss);
  EXPECT_EQ(w.grad, first);
}

}  // namespace
}  // namespace bp::tensor
