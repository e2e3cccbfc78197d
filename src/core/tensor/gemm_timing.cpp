// The GEMM micro-benchmark (see gemm_timing.hpp): batches of products, timed with the steady clock (in wasm,
// performance.now() under the hood), best batch wins; a checksum keeps the compiler from dropping the work.
#include "core/tensor/gemm_timing.hpp"

#include <chrono>
#include <vector>

#include "core/tensor/gemm.hpp"

namespace bp::tensor {

double gemm_gflops(std::size_t m, std::size_t n, std::size_t k, double min_seconds) {
  std::vector<float> a(m * k), b(k * n), c(m * n);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = float(i % 17) * 0.01f - 0.08f;
  for (std::size_t i = 0; i < b.size(); ++i) b[i] = float(i % 13) * 0.01f - 0.06f;
  using Clock = std::chrono::steady_clock;
  const double flops = 2.0 * double(m) * double(n) * double(k);
  double best = 0, total = 0, checksum = 0;
  const int per_batch = 20;
  while (total < min_seconds) {
    const auto start = Clock::now();
    for (int r = 0; r < per_batch; ++r) gemm(m, n, k, view(a.data(), k), view(b.data(), n), c.data(), n, false);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    checksum += c[0];
    total += seconds;
    if (seconds > 0) best = std::max(best, flops * per_batch / seconds / 1e9);
  }
  return checksum == checksum ? best : 0;  // NaN-proof use of the checksum
}

}  // namespace bp::tensor
