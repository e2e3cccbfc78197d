// Our GEMM against a naive triple loop: every layout backprop uses (A·B, Aᵀ·B, A·Bᵀ), shapes that are and are
// not multiples of the register tile, overwrite and accumulate modes, in float and double.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/nn/rng.hpp"
#include "core/tensor/gemm.hpp"

namespace bp::tensor {
namespace {

template <class T>
class GemmTest : public ::testing::Test {};
using Precisions = ::testing::Types<float, double>;
struct PrecisionName {
  template <class T>
  static std::string GetName(int) { return std::is_same_v<T, float> ? "float32" : "float64"; }
};
TYPED_TEST_SUITE(GemmTest, Precisions, PrecisionName);

template <class T>
std::vector<T> random_values(std::size_t n, nn::Rng& rng) {
  std::vector<T> v(n);
  for (T& x : v) x = static_cast<T>(rng.uniform(-1, 1));
  return v;
}

TYPED_TEST(GemmTest, MatchesNaiveProductForEveryLayoutAndShape) {
  using T = TypeParam;
  nn::Rng rng(11);
  const std::size_t shapes[][3] = {{1, 1, 1}, {3, 5, 2}, {4, 8, 7}, {17, 13, 9}, {64, 128, 33}, {5, 3, 0}, {300, 16, 2}};
  for (const auto& s : shapes) {
    const std::size_t m = s[0], n = s[1], k = s[2];
    const std::vector<T> a = random_values<T>(m * k, rng), b = random_values<T>(k * n, rng);
    // The same A and B stored transposed, read through transposed views.
    std::vector<T> at(k * m), bt(n * k);
    for (std::size_t i = 0; i < m; ++i) for (std::size_t d = 0; d < k; ++d) at[d * m + i] = a[i * k + d];
    for (std::size_t d = 0; d < k; ++d) for (std::size_t j = 0; j < n; ++j) bt[j * k + d] = b[d * n + j];
    std::vector<double> want(m * n, 0.0);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < n; ++j)
        for (std::size_t d = 0; d < k; ++d) want[i * n + j] += double(a[i * k + d]) * double(b[d * n + j]);
    const View<T> as[] = {view(a.data(), k), view_transposed(at.data(), m)};
    const View<T> bs[] = {view(b.data(), n), view_transposed(bt.data(), k)};
    const double tol = std::is_same_v<T, float> ? 1e-5 * (k + 1) : 1e-13 * (k + 1);
    for (const View<T>& av : as) {
      for (const View<T>& bv : bs) {
        std::vector<T> c(m * n, T(7));
        gemm(m, n, k, av, bv, c.data(), n, false);
        for (std::size_t i = 0; i < m * n; ++i) ASSERT_NEAR(c[i], want[i], tol) << m << "x" << n << "x" << k << " at " << i;
        gemm(m, n, k, av, bv, c.data(), n, true);  // accumulate: now 2·A·B
        for (std::size_t i = 0; i < m * n; ++i) ASSERT_NEAR(c[i], 2 * want[i], 2 * tol) << "accumulate at " << i;
      }
    }
  }
}

TYPED_TEST(GemmTest, WritesOnlyInsideTheGivenRowStride) {
  using T = TypeParam;
  // C is the left 3 columns of a (5, 6) buffer: the other columns must keep their sentinel.
  const std::vector<T> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, b = {1, 0, 2, 0, 1, 3};  // (5, 2), (2, 3)
  std::vector<T> c(5 * 6, T(-1));
  gemm<T>(5, 3, 2, view(a.data(), 2), view(b.data(), 3), c.data(), 6, false);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(c[i * 6 + 0], a[i * 2]);
    EXPECT_EQ(c[i * 6 + 1], a[i * 2 + 1]);
    EXPECT_EQ(c[i * 6 + 2], 2 * a[i * 2] + 3 * a[i * 2 + 1]);
    for (std::size_t j = 3; j < 6; ++j) EXPECT_EQ(c[i * 6 + j], T(-1));
  }
}

}  // namespace
}  // namespace bp::tensor
