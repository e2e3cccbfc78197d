// Our matrix product, C (m×n) = [C +] A (m×k) · B (k×n), for float and double: there is no BLAS in wasm and
// xtensor 0.24 has no product without xtensor-blas. Operands are strided views, so the three products backprop
// needs (X·W, Xᵀ·dZ, dZ·Wᵀ) are one kernel. Not a general BLAS: no alpha, no threads, no cache blocking over k
// (the tutor's matrices fit in L2), row-major C only.
#pragma once
#include <cstddef>

namespace bp::tensor {

// A read-only matrix view: element (i, j) is data[i * row_stride + j * col_stride]. A transpose swaps the strides.
template <class T>
struct View {
  const T* data;
  std::size_t row_stride;
  std::size_t col_stride;
};

template <class T>
View<T> view(const T* data, std::size_t cols) { return {data, cols, 1}; }  // row-major (rows, cols)
template <class T>
View<T> view_transposed(const T* data, std::size_t cols) { return {data, 1, cols}; }  // of a row-major (·, cols)

// C (m×n, row stride ldc) = A·B, or C += A·B when `accumulate`. Sums over k run in the same order on every
// platform, so native and wasm builds give bit-identical results.
template <class T>
void gemm(std::size_t m, std::size_t n, std::size_t k, View<T> a, View<T> b, T* c, std::size_t ldc, bool accumulate);

}  // namespace bp::tensor
