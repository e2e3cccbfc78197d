// Softmax with cross-entropy (core/lesson/softmax.hpp): values worked by hand, the gradient and the Jacobian
// against central finite differences of the engine's own loss and probabilities, the shift invariance that lets
// logits of 800 or ±1e300 give finite numbers, and bad input. (tests/node/softmax-oracle.test.mjs checks the
// same numbers against numpy.)
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/lesson/softmax.hpp"
#include "finite_difference.hpp"

namespace bp::lesson {
namespace {

std::string error_of(const std::vector<double>& z, std::size_t target) {
  try {
    softmax_cross_entropy(z, target);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(LessonSoftmax, TwoEqualLogitsByHand) {
  const SoftmaxReport r = softmax_cross_entropy({0, 0}, 0);
  EXPECT_EQ(r.probabilities, (std::vector<double>{0.5, 0.5}));
  EXPECT_DOUBLE_EQ(r.loss, std::log(2.0));
  EXPECT_EQ(r.grads, (std::vector<double>{-0.5, 0.5}));
  EXPECT_EQ(r.jacobian, (std::vector<std::vector<double>>{{0.25, -0.25}, {-0.25, 0.25}}));
  EXPECT_DOUBLE_EQ(r.log_sum_exp, std::log(2.0));
}

TEST(LessonSoftmax, LargeLogitsGiveTheSmallOnesNumbers) {
  // e^z overflows past ~709, so the unshifted definition is only usable at small logits: it is the oracle there.
  const double s = std::exp(0.0) + std::exp(1.0) + std::exp(2.0);
  const std::vector<double> want = {std::exp(0.0) / s, std::exp(1.0) / s, std::exp(2.0) / s};
  const SoftmaxReport big = softmax_cross_entropy({800, 801, 802}, 1);
  for (std::size_t j = 0; j < 3; ++j) EXPECT_NEAR(big.probabilities[j], want[j], 1e-15) << j;
  EXPECT_NEAR(big.loss, -std::log(want[1]), 1e-13);
  EXPECT_NEAR(big.log_sum_exp, 800 + std::log(s), 1e-12);
  EXPECT_EQ(big.max_logit, 802);
  // The numbers the lesson shows, to four decimals.
  EXPECT_NEAR(big.probabilities[0], 0.0900, 5e-5);
  EXPECT_NEAR(big.probabilities[1], 0.2447, 5e-5);
  EXPECT_NEAR(big.probabilities[2], 0.6652, 5e-5);
}

TEST(LessonSoftmax, LogitsOfPlusMinus1e300StayFinite) {
  // z = (0, 1e300), target 0: ŷ = (0, 1) and L = log(e^0 + e^1e300) − 0 = 1e300 (log-sum-exp), finite.
  SoftmaxReport r = softmax_cross_entropy({0, 1e300}, 0);
  EXPECT_EQ(r.probabilities, (std::vector<double>{0, 1}));
  EXPECT_EQ(r.loss, 1e300);
  EXPECT_EQ(r.grads, (std::vector<double>{-1, 1}));
  EXPECT_EQ(softmax_cross_entropy({0, 1e300}, 1).loss, 0);
  EXPECT_EQ(softmax_cross_entropy({-1e300, 1e300}, 0).loss, 2e300);
  // Two equal huge logits: log 2, which log_sum_exp − z_t = (1e300 + log 2) − 1e300 would round to 0.
  r = softmax_cross_entropy({1e300, 1e300}, 0);
  EXPECT_DOUBLE_EQ(r.loss, std::log(2.0));
  EXPECT_EQ(r.probabilities, (std::vector<double>{0.5, 0.5}));
  for (const auto& z : std::vector<std::vector<double>>{{1e300, -1e300, 0}, {-1e300, -1e300}, {1e300, 5, -7}}) {
    for (std::size_t t = 0; t < z.size(); ++t) {
      r = softmax_cross_entropy(z, t);
      EXPECT_TRUE(std::isfinite(r.loss));
      for (std::size_t j = 0; j < z.size(); ++j) {
        EXPECT_TRUE(std::isfinite(r.probabilities[j]) && std::isfinite(r.grads[j]));
        for (double x : r.jacobian[j]) EXPECT_TRUE(std::isfinite(x) && !(x == 0 && std::signbit(x))) << x;  // no −0
      }
    }
  }
}

TEST(LessonSoftmax, AConfidentPredictionKeepsItsSmallGradient) {
  // ŷ_0 = 1/(1 + e^-40) ≈ 1 − 4.25e-18: ŷ_0 − 1 in doubles would be 0; summed from the other class it is not.
  const SoftmaxReport r = softmax_cross_entropy({40, 0}, 0);
  EXPECT_NEAR(r.grads[0] / -std::exp(-40.0), 1, 1e-12);
  EXPECT_NEAR(r.jacobian[0][0] / std::exp(-40.0), 1, 1e-12);
}

TEST(LessonSoftmax, GradientAndJacobianMatchCentralDifferences) {
  const std::vector<std::vector<double>> cases = {
      {1, 1.9969, 2.9966}, {0.5, -1, 2, 0, 1.5}, {-3, 4}, {2, -1, 0.25, 3, -2, 1, 0, -0.5, 1.5, -4}, {800, 801, 802}};
  for (const std::vector<double>& z : cases) {
    for (std::size_t t = 0; t < z.size(); ++t) {
      const SoftmaxReport r = softmax_cross_entropy(z, t);
      double grad_sum = 0;
      for (std::size_t i = 0; i < z.size(); ++i) {
        const auto moved = [&](std::size_t k, double v) {
          std::vector<double> w = z;
          w[k] = v;
          return softmax_cross_entropy(w, t);
        };
        const double dloss = bp::testing::central_difference([&](double v) { return moved(i, v).loss; }, z[i], 1e-5);
        EXPECT_NEAR(r.grads[i], dloss, 1e-7) << "z" << i << " target " << t;
        EXPECT_NEAR(r.grads[i], r.probabilities[i] - (i == t ? 1 : 0), 1e-15);
        grad_sum += r.grads[i];
        for (std::size_t j = 0; j < z.size(); ++j) {
          const double dp = bp::testing::central_difference([&](double v) { return moved(i, v).probabilities[j]; },
                                                            z[i], 1e-5);
          EXPECT_NEAR(r.jacobian[j][i], dp, 1e-8) << "dp" << j << "/dz" << i;
        }
      }
      EXPECT_NEAR(grad_sum, 0, 1e-15);  // Σ ŷ = Σ y = 1
    }
  }
}

TEST(LessonSoftmax, BadInputIsNamed) {
  EXPECT_EQ(error_of({1}, 0), "give 2 to 10 logits, got 1");
  EXPECT_EQ(error_of({}, 0), "give 2 to 10 logits, got 0");
  EXPECT_EQ(error_of(std::vector<double>(11, 1.0), 0), "give 2 to 10 logits, got 11");
  EXPECT_EQ(error_of({1, NAN}, 0), "logit z1 is not a finite number");
  EXPECT_EQ(error_of({INFINITY, 1}, 0), "logit z0 is not a finite number");
  EXPECT_EQ(error_of({1, 2}, 2), "the target class must be between 0 and 1");
  EXPECT_NE(error_of({-1.7e308, 1.7e308}, 0).find("overflows a double"), std::string::npos);
}

}  // namespace
}  // namespace bp::lesson
