// The GEMM kernel behind every matrix product (BLIS's structure, much reduced): pack A into panels of kRows rows
// and B into panels of 2 SIMD vectors of columns, both zero-padded, then a register-blocked micro-kernel keeps a
// kRows × (2 vectors) tile of C in registers while it walks k. GCC/clang vector extensions give the same 128-bit
// code on x86 (SSE2) and wasm (-msimd128): one kernel, so the wasm-vs-native comparison is fair.
#include "core/tensor/gemm.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace bp::tensor {
namespace {

template <class T>
struct Simd;
template <>
struct Simd<float> {
  typedef float Vec __attribute__((vector_size(16)));
};
template <>
struct Simd<double> {
  typedef double Vec __attribute__((vector_size(16)));
};

constexpr std::size_t kRows = 4;  // rows of the C tile held in registers

template <class T>
constexpr std::size_t kLanes = 16 / sizeof(T);
template <class T>
constexpr std::size_t kCols = 2 * kLanes<T>;  // columns of the C tile: two vectors

// Packing buffers, grown on first use and then reused: the steady state allocates nothing.
template <class T>
struct Workspace {
  std::vector<T> a, b;
};
template <class T>
Workspace<T>& workspace() {
  thread_local Workspace<T> ws;
  return ws;
}

// packed[(panel * k + d) * width + r] = M(panel * width + r, d) for M = A (rows) ...
template <class T>
void pack_rows(std::size_t m, std::size_t k, View<T> a, std::size_t width, T* packed) {
  for (std::size_t i0 = 0; i0 < m; i0 += width) {
    const std::size_t h = std::min(width, m - i0);
    for (std::size_t d = 0; d < k; ++d, packed += width) {
      for (std::size_t r = 0; r < h; ++r) packed[r] = a.data[(i0 + r) * a.row_stride + d * a.col_stride];
      for (std::size_t r = h; r < width; ++r) packed[r] = T(0);
    }
  }
}

// ... and packed[(panel * k + d) * width + c] = B(d, panel * width + c): B's columns play A's rows.
template <class T>
void pack_cols(std::size_t n, std::size_t k, View<T> b, std::size_t width, T* packed) {
  pack_rows<T>(n, k, View<T>{b.data, b.col_stride, b.row_stride}, width, packed);
}

// One kRows × kCols tile of C: acc[r] += a(r, d) * b(d, ·) for d = 0..k-1, then stored (or added) into C.
template <class T>
void micro_kernel(std::size_t k, const T* pa, const T* pb, T* c, std::size_t ldc, std::size_t h, std::size_t w,
                  bool accumulate) {
  using Vec = typename Simd<T>::Vec;
  Vec acc0[kRows] = {}, acc1[kRows] = {};
  for (std::size_t d = 0; d < k; ++d, pa += kRows, pb += kCols<T>) {
    Vec b0, b1;
    std::memcpy(&b0, pb, sizeof(Vec));
    std::memcpy(&b1, pb + kLanes<T>, sizeof(Vec));
    for (std::size_t r = 0; r < kRows; ++r) {
      const T a = pa[r];
      acc0[r] += a * b0;
      acc1[r] += a * b1;
    }
  }
  for (std::size_t r = 0; r < h; ++r) {
    T tile[kCols<T>];
    std::memcpy(tile, &acc0[r], sizeof(Vec));
    std::memcpy(tile + kLanes<T>, &acc1[r], sizeof(Vec));
    T* row = c + r * ldc;
    if (accumulate) {
      for (std::size_t j = 0; j < w; ++j) row[j] += tile[j];
    } else {
      for (std::size_t j = 0; j < w; ++j) row[j] = tile[j];
    }
  }
}

}  // namespace

template <class T>
void gemm(std::size_t m, std::size_t n, std::size_t k, View<T> a, View<T> b, T* c, std::size_t ldc, bool accumulate) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    if (!accumulate) {
      for (std::size_t i = 0; i < m; ++i) std::fill(c + i * ldc, c + i * ldc + n, T(0));
    }
    return;
  }
  constexpr std::size_t kc = kCols<T>;
  const std::size_t row_panels = (m + kRows - 1) / kRows, col_panels = (n + kc - 1) / kc;
  Workspace<T>& ws = workspace<T>();
  if (ws.a.size() < row_panels * kRows * k) ws.a.resize(row_panels * kRows * k);
  if (ws.b.size() < col_panels * kc * k) ws.b.resize(col_panels * kc * k);
  pack_rows(m, k, a, kRows, ws.a.data());
  pack_cols(n, k, b, kc, ws.b.data());
  for (std::size_t ip = 0; ip < row_panels; ++ip) {
    const std::size_t i0 = ip * kRows, h = std::min(kRows, m - i0);
    for (std::size_t jp = 0; jp < col_panels; ++jp) {
      const std::size_t j0 = jp * kc, w = std::min(kc, n - j0);
      micro_kernel(k, ws.a.data() + ip * kRows * k, ws.b.data() + jp * kc * k, c + i0 * ldc + j0, ldc, h, w,
                   accumulate);
    }
  }
}

template void gemm<float>(std::size_t, std::size_t, std::size_t, View<float>, View<float>, float*, std::size_t, bool);
template void gemm<double>(std::size_t, std::size_t, std::size_t, View<double>, View<double>, double*, std::size_t,
                           bool);

}  // namespace bp::tensor
