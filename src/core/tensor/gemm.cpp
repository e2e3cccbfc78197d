// The GEMM kernel behind every matrix product (BLIS's structure, much reduced): B in panels of 2 SIMD vectors of
// columns (copied and zero-padded only where its layout needs it), A read in place, and a register-blocked
// micro-kernel that keeps a kRows × (2 vectors) tile of C in registers while it walks k. GCC/clang vector extensions give the same 128-bit
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

// The packing buffer for B panels that cannot be read in place, grown on first use and then reused.
template <class T>
std::vector<T>& workspace() {
  thread_local std::vector<T> ws;
  return ws;
}

// packed[d * width + c] = B(d, j0 + c) for c < w, zero for w <= c < width: one column panel, k rows.
template <class T>
void pack_panel(std::size_t k, View<T> b, std::size_t j0, std::size_t w, std::size_t width, T* packed) {
  for (std::size_t d = 0; d < k; ++d, packed += width) {
    for (std::size_t c = 0; c < w; ++c) packed[c] = b.data[d * b.row_stride + (j0 + c) * b.col_stride];
    for (std::size_t c = w; c < width; ++c) packed[c] = T(0);
  }
}

// One kRows × kCols tile of C: acc[r] += A(i0 + r, d) * B(d, ·) for d = 0..k-1, then stored (or added) into C.
// A is read in place through its strides (rows past the h real ones re-read row 0 and are never stored); the B
// panel is kCols wide with row stride `pb_stride` (B itself, or its packed copy).
template <class T>
void micro_kernel(std::size_t k, View<T> a, std::size_t i0, std::size_t h, const T* pb, std::size_t pb_stride, T* c,
                  std::size_t ldc, std::size_t w, bool accumulate) {
  using Vec = typename Simd<T>::Vec;
  const T* rows[kRows];
  for (std::size_t r = 0; r < kRows; ++r) rows[r] = a.data + (i0 + (r < h ? r : 0)) * a.row_stride;
  Vec acc0[kRows] = {}, acc1[kRows] = {};
  for (std::size_t d = 0; d < k; ++d, pb += pb_stride) {
    Vec b0, b1;
    std::memcpy(&b0, pb, sizeof(Vec));
    std::memcpy(&b1, pb + kLanes<T>, sizeof(Vec));
    const std::size_t offset = d * a.col_stride;
    for (std::size_t r = 0; r < kRows; ++r) {
      const T x = rows[r][offset];
      acc0[r] += x * b0;
      acc1[r] += x * b1;
    }
  }
  for (std::size_t r = 0; r < h; ++r) {
    T* row = c + r * ldc;
    if (w == kCols<T>) {  // a whole tile row: two vector loads/stores instead of 2·kLanes scalar ones
      Vec c0 = acc0[r], c1 = acc1[r];
      if (accumulate) {
        Vec old0, old1;
        std::memcpy(&old0, row, sizeof(Vec));
        std::memcpy(&old1, row + kLanes<T>, sizeof(Vec));
        c0 = old0 + c0;
        c1 = old1 + c1;
      }
      std::memcpy(row, &c0, sizeof(Vec));
      std::memcpy(row + kLanes<T>, &c1, sizeof(Vec));
      continue;
    }
    T tile[kCols<T>];
    std::memcpy(tile, &acc0[r], sizeof(Vec));
    std::memcpy(tile + kLanes<T>, &acc1[r], sizeof(Vec));
    for (std::size_t j = 0; j < w; ++j) row[j] = accumulate ? row[j] + tile[j] : tile[j];
  }
}

}  // namespace

// Column panel by column panel: a panel of row-major B that is a whole kCols wide is read where it lies; a
// transposed B or the last, narrower panel is first copied into a zero-padded buffer. The products backprop needs
// are small (the tutor's layers have tens of units), so skipping copies matters more than blocking for cache.
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
  std::vector<T>& packed = workspace<T>();
  if (packed.size() < kc * k) packed.resize(kc * k);
  for (std::size_t j0 = 0; j0 < n; j0 += kc) {
    const std::size_t w = std::min(kc, n - j0);
    const bool in_place = w == kc && b.col_stride == 1;
    if (!in_place) pack_panel(k, b, j0, w, kc, packed.data());
    const T* pb = in_place ? b.data + j0 : packed.data();
    const std::size_t pb_stride = in_place ? b.row_stride : kc;
    for (std::size_t i0 = 0; i0 < m; i0 += kRows) {
      micro_kernel(k, a, i0, std::min(kRows, m - i0), pb, pb_stride, c + i0 * ldc + j0, ldc, w, accumulate);
    }
  }
}

template void gemm<float>(std::size_t, std::size_t, std::size_t, View<float>, View<float>, float*, std::size_t, bool);
template void gemm<double>(std::size_t, std::size_t, std::size_t, View<double>, View<double>, double*, std::size_t,
                           bool);

}  // namespace bp::tensor
