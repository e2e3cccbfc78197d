// The dense ops: matrix product and broadcasting add. In backward the product's two gradients are products
// themselves (through our GEMM), and broadcasting is undone by summing dout over the rows/columns b was copied to.
#include "core/error.hpp"
#include "core/tensor/gemm.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {

Shape matmul_shape(Shape x, Shape w) {
  if (cols(x) != rows(w)) throw InputError("matmul: " + shape_text(x) + " x " + shape_text(w));
  return {rows(x), cols(w)};
}

// x: (m, k), w: (k, n) -> out: (m, n)
template <class T>
void matmul_forward(const Matrix<T>& x, const Matrix<T>& w, Matrix<T>& out) {
  const std::size_t m = x.shape()[0], k = x.shape()[1], n = w.shape()[1];
  gemm(m, n, k, view(x.data(), k), view(w.data(), n), out.data(), n, false);
}

// d(x·w)/dx = dout · wᵀ   (m, n)·(n, k) -> (m, k)
// d(x·w)/dw = xᵀ · dout   (k, m)·(m, n) -> (k, n)
template <class T>
void matmul_backward(const Matrix<T>& x, const Matrix<T>& w, const Matrix<T>& dout, Matrix<T>* dx, Matrix<T>* dw) {
  const std::size_t m = x.shape()[0], k = x.shape()[1], n = w.shape()[1];
  if (dx) gemm(m, k, n, view(dout.data(), n), view_transposed(w.data(), n), dx->data(), k, true);
  if (dw) gemm(k, n, m, view_transposed(x.data(), k), view(dout.data(), n), dw->data(), n, true);
}

Shape add_shape(Shape a, Shape b) {
  const bool rows_ok = rows(b) == rows(a) || rows(b) == 1, cols_ok = cols(b) == cols(a) || cols(b) == 1;
  if (!rows_ok || !cols_ok) throw InputError("add: cannot broadcast " + shape_text(b) + " to " + shape_text(a));
  return a;
}

// a: (m, n), b: (m|1, n|1) -> out: (m, n); b's row/column index is 0 along a broadcast axis
template <class T>
void add_forward(const Matrix<T>& a, const Matrix<T>& b, Matrix<T>& out) {
  const std::size_t m = a.shape()[0], n = a.shape()[1];
  const std::size_t brs = b.shape()[0] == 1 ? 0 : b.shape()[1], bcs = b.shape()[1] == 1 ? 0 : 1;
  const T* pa = a.data();
  const T* pb = b.data();
  T* po = out.data();
  if (brs == 0 && bcs == 1) {  // the bias case, (1, n): a plain loop the compiler vectorises
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < n; ++j) po[i * n + j] = pa[i * n + j] + pb[j];
    }
    return;
  }
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < n; ++j) po[i * n + j] = pa[i * n + j] + pb[i * brs + j * bcs];
  }
}

// d(a+b)/da = 1; d(a+b)/db = 1 summed over every position b was broadcast to
template <class T>
void add_backward(const Matrix<T>& dout, Matrix<T>* da, Matrix<T>* db) {
  const std::size_t m = dout.shape()[0], n = dout.shape()[1];
  const T* pd = dout.data();
  if (da) {
    T* p = da->data();
    for (std::size_t i = 0; i < m * n; ++i) p[i] += pd[i];
  }
  if (db) {
    const std::size_t brs = db->shape()[0] == 1 ? 0 : db->shape()[1], bcs = db->shape()[1] == 1 ? 0 : 1;
    T* p = db->data();
    if (brs == 0 && bcs == 1) {  // the bias case: db[j] += Σ_i dout[i][j]
      for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) p[j] += pd[i * n + j];
      }
      return;
    }
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < n; ++j) p[i * brs + j * bcs] += pd[i * n + j];
    }
  }
}

#define BP_DENSE_OPS(T)                                                                                     \
  template void matmul_forward(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                             \
  template void matmul_backward(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&, Matrix<T>*, Matrix<T>*); \
  template void add_forward(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                                \
  template void add_backward(const Matrix<T>&, Matrix<T>*, Matrix<T>*);
BP_DENSE_OPS(float)
BP_DENSE_OPS(double)
#undef BP_DENSE_OPS

}  // namespace bp::tensor
