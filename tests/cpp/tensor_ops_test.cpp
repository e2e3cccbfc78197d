// Finite-difference gradient checks for every tensor op, in float32 and float64: each op's output is reduced to a
// scalar by ½Σ(out − r)² against fixed random r (so dL/dout is generic, not all ones), and every parameter
// element's analytic gradient is compared with a central difference. Inputs stay away from kinks (relu at 0,
// ties in max pooling, |w| at 0). Float needs a larger step and tolerance: its rounding is 1e-7 of the loss.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/nn/rng.hpp"
#include "core/tensor/graph.hpp"

namespace bp::tensor {
namespace {

template <class T>
class OpGradientTest : public ::testing::Test {};
using Precisions = ::testing::Types<float, double>;
struct PrecisionName {
  template <class T>
  static std::string GetName(int) { return std::is_same_v<T, float> ? "float32" : "float64"; }
};
TYPED_TEST_SUITE(OpGradientTest, Precisions, PrecisionName);

template <class T>
using Build = std::function<typename Graph<T>::Id(Graph<T>&, const std::vector<typename Graph<T>::Id>&)>;

// Values in ±[0.1, 1], so nothing sits on a kink.
template <class T>
Parameter<T> random_parameter(Shape shape, nn::Rng& rng) {
  Parameter<T> p{zeros<T>(shape), zeros<T>(shape)};
  for (std::size_t i = 0; i < p.value.size(); ++i) {
    const double magnitude = rng.uniform(0.1, 1.0);
    p.value.data()[i] = static_cast<T>(rng.uniform() < 0.5 ? -magnitude : magnitude);
  }
  return p;
}

template <class T>
void expect_gradients(std::vector<Parameter<T>> params, const Build<T>& build, std::uint32_t seed = 5) {
  using Id = typename Graph<T>::Id;
  const bool is_float = std::is_same_v<T, float>;
  const double h = is_float ? 1e-2 : 1e-6, tol = is_float ? 2e-2 : 1e-6;
  Graph<T> g;
  std::vector<Id> ids;
  for (auto& p : params) ids.push_back(g.parameter(p));
  const Id out = build(g, ids);
  Id loss = out;
  if (shape_of(g.value(out)) != Shape{1, 1}) {
    const Id r = g.input(shape_of(g.value(out)));
    nn::Rng rng(seed);
    for (std::size_t i = 0; i < g.value(r).size(); ++i) g.value(r).data()[i] = static_cast<T>(rng.uniform(-1, 1));
    loss = g.half_sse(out, r);
  }
  g.forward();
  g.backward(loss);
  for (std::size_t k = 0; k < params.size(); ++k) {
    const Matrix<T> analytic = params[k].grad;
    for (std::size_t i = 0; i < analytic.size(); ++i) {
      T& v = params[k].value.data()[i];
      const T saved = v;
      v = static_cast<T>(saved + h);
      g.forward();
      const double up = g.value(loss)(0, 0);
      v = static_cast<T>(saved - h);
      g.forward();
      const double down = g.value(loss)(0, 0);
      v = saved;
      const double numeric = (up - down) / (2 * h);
      EXPECT_NEAR(analytic.data()[i], numeric, tol * (1 + std::abs(numeric))) << "parameter " << k << " element " << i;
    }
  }
}

TYPED_TEST(OpGradientTest, MatMul) {
  nn::Rng rng(1);
  expect_gradients<TypeParam>({random_parameter<TypeParam>({5, 3}, rng), random_parameter<TypeParam>({3, 9}, rng)},
                              [](auto& g, auto& p) { return g.matmul(p[0], p[1]); });
}

TYPED_TEST(OpGradientTest, AddWithEveryBroadcast) {
  for (Shape b : {Shape{4, 3}, Shape{1, 3}, Shape{4, 1}, Shape{1, 1}}) {
    nn::Rng rng(2);
    expect_gradients<TypeParam>({random_parameter<TypeParam>({4, 3}, rng), random_parameter<TypeParam>(b, rng)},
                                [](auto& g, auto& p) { return g.add(p[0], p[1]); });
  }
}

TYPED_TEST(OpGradientTest, EveryActivation) {
  for (const ActivationRule& rule : activation_rules()) {  // every row of the table, new ones included
    SCOPED_TRACE(rule.name);
    const Activation kind = rule.kind;
    nn::Rng rng(3);
    expect_gradients<TypeParam>({random_parameter<TypeParam>({6, 5}, rng)},
                                [kind](auto& g, auto& p) { return g.activation(kind, p[0]); });
  }
}

TYPED_TEST(OpGradientTest, TanhAndSigmoidOverAWideRange) {
  // The float kernels switch formulas at |x| = 1/8 and clamp far out: check across those points too.
  using T = TypeParam;
  Parameter<T> p{zeros<T>({1, 12}), zeros<T>({1, 12})};
  const double xs[] = {-9, -4, -1.3, -0.3, -0.126, -0.05, 0.05, 0.124, 0.3, 1.3, 4, 9};
  for (std::size_t i = 0; i < 12; ++i) p.value(0, i) = static_cast<T>(xs[i]);
  for (Activation kind : {Activation::Sigmoid, Activation::Tanh}) {
    expect_gradients<T>({p}, [kind](auto& g, auto& q) { return g.activation(kind, q[0]); });
  }
}

TYPED_TEST(OpGradientTest, SoftmaxCrossEntropy) {
  using T = TypeParam;
  nn::Rng rng(4);
  expect_gradients<T>({random_parameter<T>({4, 5}, rng)}, [](auto& g, auto& p) {
    const auto labels = g.input({4, 1});
    const T classes[] = {0, 4, 2, 2};
    for (std::size_t i = 0; i < 4; ++i) g.value(labels)(i, 0) = classes[i];
    return g.softmax_cross_entropy(p[0], labels);
  });
}

TYPED_TEST(OpGradientTest, MseHalfSseAndPenalties) {
  using T = TypeParam;
  nn::Rng rng(5);
  auto targets = [](auto& g, Shape s) {
    const auto t = g.input(s);
    for (std::size_t i = 0; i < g.value(t).size(); ++i) g.value(t).data()[i] = T(0.25) * T(i % 5);
    return t;
  };
  expect_gradients<T>({random_parameter<T>({3, 4}, rng)}, [&](auto& g, auto& p) { return g.mse(p[0], targets(g, {3, 4})); });
  expect_gradients<T>({random_parameter<T>({3, 4}, rng)}, [&](auto& g, auto& p) { return g.half_sse(p[0], targets(g, {3, 4})); });
  expect_gradients<T>({random_parameter<T>({3, 4}, rng)}, [](auto& g, auto& p) { return g.l1(p[0], T(0.3)); });
  expect_gradients<T>({random_parameter<T>({3, 4}, rng)}, [](auto& g, auto& p) { return g.l2(p[0], T(0.3)); });
}

TYPED_TEST(OpGradientTest, PoolingAndConvolution) {
  using T = TypeParam;
  // Max pooling needs distinct values further apart than 2h: a shuffled ramp with steps of 0.05.
  nn::Rng rng(6);
  Parameter<T> image{zeros<T>({4, 6}), zeros<T>({4, 6})};
  const std::vector<std::size_t> order = rng.permutation(24);
  for (std::size_t i = 0; i < 24; ++i) image.value.data()[i] = static_cast<T>(-0.6 + 0.05 * double(order[i]));
  expect_gradients<T>({image}, [](auto& g, auto& p) { return g.max_pool(p[0], 2); });
  expect_gradients<T>({image}, [](auto& g, auto& p) { return g.mean_pool(p[0], 2); });
  expect_gradients<T>({random_parameter<T>({5, 6}, rng), random_parameter<T>({2, 3}, rng)},
                      [](auto& g, auto& p) { return g.conv2d(p[0], p[1]); });
}

TYPED_TEST(OpGradientTest, GridConvolutionWithChannelsStrideAndPadding) {
  using T = TypeParam;
  nn::Rng rng(7);
  // 2 examples of 2×5×5 -> 3 kernels of 2×3×3, stride 2, padding 1 -> 3×3×3; and stride 1, no padding -> 3×3×3
  for (const auto& [stride, pad] : {std::pair<std::size_t, std::size_t>{2, 1}, {1, 0}, {1, 2}}) {
    SCOPED_TRACE("stride " + std::to_string(stride) + " padding " + std::to_string(pad));
    expect_gradients<T>({random_parameter<T>({2, 50}, rng), random_parameter<T>({3, 18}, rng)},
                        [stride = stride, pad = pad](auto& g, auto& p) {
                          return g.conv2d(p[0], p[1], Grid{2, 5, 5}, 3, 3, stride, pad);
                        });
  }
}

TYPED_TEST(OpGradientTest, GridPoolingAndChannelBias) {
  using T = TypeParam;
  nn::Rng rng(8);
  // Distinct values further apart than 2h, so no max-pool window has a near tie: a shuffled ramp.
  Parameter<T> grids{zeros<T>({2, 2 * 4 * 6}), zeros<T>({2, 2 * 4 * 6})};
  const std::vector<std::size_t> order = rng.permutation(grids.value.size());
  for (std::size_t i = 0; i < order.size(); ++i) grids.value.data()[i] = static_cast<T>(-0.9 + 0.02 * double(order[i]));
  const Grid in{2, 4, 6};
  expect_gradients<T>({grids}, [in](auto& g, auto& p) { return g.max_pool2d(p[0], in, 2, 2); });
  expect_gradients<T>({grids}, [in](auto& g, auto& p) { return g.max_pool2d(p[0], in, 3, 1); });  // overlapping
  expect_gradients<T>({grids}, [in](auto& g, auto& p) { return g.avg_pool2d(p[0], in, 2, 2); });
  expect_gradients<T>({grids}, [in](auto& g, auto& p) { return g.avg_pool2d(p[0], in, 3, 1); });
  expect_gradients<T>({grids, random_parameter<T>({1, 2}, rng)},
                      [in](auto& g, auto& p) { return g.channel_bias(p[0], p[1], in); });
}

TEST(OpShapes, GridOpsNameTheMismatch) {
  Graph<double> g;
  const auto x = g.input({2, 50}, Grid{2, 5, 5}), k = g.input({3, 18});
  auto message = [](auto build) {
    try {
      build();
    } catch (const InputError& e) {
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([&] { g.conv2d(x, k, Grid{1, 5, 5}, 3, 3, 1, 0); }),
            "conv2d: input (2,50) does not hold a 1×5×5 grid per row (25 values)");
  EXPECT_EQ(message([&] { g.conv2d(x, k, Grid{2, 5, 5}, 2, 2, 1, 0); }),
            "conv2d: kernels (3,18) must be (out channels, 8) for 2 input channels and a 2x2 window");
  EXPECT_EQ(message([&] { g.conv2d(x, k, Grid{2, 5, 5}, 3, 3, 3, 0); }),
            "conv2d: stride 3 does not tile a 2×5×5 grid padded by 0 with 3×3 windows");
  EXPECT_EQ(message([&] { g.max_pool2d(x, Grid{2, 5, 5}, 6, 1); }),
            "max_pool2d: a 6×6 window does not fit in a 2×5×5 grid padded by 0");
  EXPECT_EQ(message([&] { g.channel_bias(x, k, Grid{2, 5, 5}); }), "channel_bias: bias (3,18) must be (1,2)");
}

TEST(OpShapes, ErrorsNameTheOpAndTheShapes) {
  Graph<double> g;
  const auto a = g.input({2, 3}), b = g.input({4, 1});
  try {
    g.matmul(a, b);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "matmul: (2,3) x (4,1)");
  }
  EXPECT_THROW(g.add(a, b), InputError);
  EXPECT_THROW(g.max_pool(a, 2), InputError);
  EXPECT_THROW(g.conv2d(b, a), InputError);
  EXPECT_THROW(g.softmax_cross_entropy(a, a), InputError);
  EXPECT_THROW(g.mse(a, b), InputError);
}

}  // namespace
}  // namespace bp::tensor
