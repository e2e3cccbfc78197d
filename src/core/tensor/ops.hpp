// Every tensor op as a forward/backward pair on preallocated matrices. A backward adds its contribution into the
// input gradients (`dX += ...`), so a value used twice gets the sum of both paths; a null gradient pointer means
// "not needed" and skips that work. Shape checks live in the *_shape functions (called once, when a graph is
// built), so the per-step kernels do none. Not a graph: graph.hpp wires these together.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/tensor/activation.hpp"
#include "core/tensor/grid.hpp"
#include "core/tensor/xt.hpp"

namespace bp::tensor {

// ---- dense (dense_ops.cpp) ----
Shape matmul_shape(Shape x, Shape w);  // x: (m, k), w: (k, n) -> (m, n); InputError "matmul: (2,3) x (4,1)"
template <class T>
void matmul_forward(const Matrix<T>& x, const Matrix<T>& w, Matrix<T>& out);
template <class T>
void matmul_backward(const Matrix<T>& x, const Matrix<T>& w, const Matrix<T>& dout, Matrix<T>* dx, Matrix<T>* dw);

// a: (m, n), b: (m, n), (1, n), (m, 1) or (1, 1), broadcast over the missing rows/columns -> (m, n)
Shape add_shape(Shape a, Shape b);
template <class T>
void add_forward(const Matrix<T>& a, const Matrix<T>& b, Matrix<T>& out);
template <class T>
void add_backward(const Matrix<T>& dout, Matrix<T>* da, Matrix<T>* db);

// ---- element-wise activations: activation.hpp (the table of rules) ----

// ---- losses and penalties (loss_ops.cpp); each returns a (1, 1) matrix ----
// logits: (b, c), labels: (b, 1) class indices stored as T -> mean over rows of logsumexp(z) − z[label];
// `probs` (b, c) keeps the softmax for backward. InputError for a label outside [0, c).
Shape softmax_cross_entropy_shape(Shape logits, Shape labels);
template <class T>
void softmax_cross_entropy_forward(const Matrix<T>& logits, const Matrix<T>& labels, Matrix<T>& probs,
                                   Matrix<T>& loss);
template <class T>
void softmax_cross_entropy_backward(const Matrix<T>& probs, const Matrix<T>& labels, const Matrix<T>& dloss,
                                    Matrix<T>& dlogits);

Shape same_shape_loss(const char* op, Shape y, Shape t);  // y and t must match -> (1, 1)
template <class T>  // mean over all elements of (y − t)²
void mse_forward(const Matrix<T>& y, const Matrix<T>& t, Matrix<T>& loss);
template <class T>
void mse_backward(const Matrix<T>& y, const Matrix<T>& t, const Matrix<T>& dloss, Matrix<T>& dy);
template <class T>  // Σ ½(y − t)², the seeds' error
void half_sse_forward(const Matrix<T>& y, const Matrix<T>& t, Matrix<T>& loss);
template <class T>
void half_sse_backward(const Matrix<T>& y, const Matrix<T>& t, const Matrix<T>& dloss, Matrix<T>& dy);

template <class T>  // λ Σ |w|
void l1_forward(const Matrix<T>& w, T lambda, Matrix<T>& loss);
template <class T>
void l1_backward(const Matrix<T>& w, T lambda, const Matrix<T>& dloss, Matrix<T>& dw);
template <class T>  // λ Σ w²
void l2_forward(const Matrix<T>& w, T lambda, Matrix<T>& loss);
template <class T>
void l2_backward(const Matrix<T>& w, T lambda, const Matrix<T>& dloss, Matrix<T>& dw);

// ---- 2-D pooling and convolution on one single-channel image (spatial_ops.cpp) ----
// x: (h, w) -> (h/s, w/s), non-overlapping s×s windows; h and w must be multiples of s.
Shape pool_shape(const char* op, Shape x, std::size_t s);
template <class T>  // `argmax[o]` = flat index in x of the maximum of window o (first one on ties)
void max_pool_forward(const Matrix<T>& x, std::size_t s, Matrix<T>& out, std::vector<std::size_t>& argmax);
template <class T>
void max_pool_backward(const std::vector<std::size_t>& argmax, const Matrix<T>& dout, Matrix<T>& dx);
template <class T>
void mean_pool_forward(const Matrix<T>& x, std::size_t s, Matrix<T>& out);
template <class T>
void mean_pool_backward(std::size_t s, const Matrix<T>& dout, Matrix<T>& dx);

// x: (h, w), kernel: (p, q) -> (h − p + 1, w − q + 1), "valid" cross-correlation as in every DL library
Shape conv2d_shape(Shape x, Shape kernel);
template <class T>
void conv2d_forward(const Matrix<T>& x, const Matrix<T>& kernel, Matrix<T>& out);
template <class T>
void conv2d_backward(const Matrix<T>& x, const Matrix<T>& kernel, const Matrix<T>& dout, Matrix<T>* dx,
                     Matrix<T>* dkernel);

// ---- batched multi-channel grids (grid_ops.cpp): rows are examples, (N, C·H·W); see grid.hpp ----
// x: (N, Cin·H·W), k: (Cout, Cin·kh·kw) -> (N, Cout·OH·OW), stride and zero padding from g
template <class T>
void conv2d_grid_forward(const SpatialGeometry& g, const Matrix<T>& x, const Matrix<T>& k, Matrix<T>& out);
template <class T>
void conv2d_grid_backward(const SpatialGeometry& g, const Matrix<T>& x, const Matrix<T>& k, const Matrix<T>& dout,
                          Matrix<T>* dx, Matrix<T>* dk);
// x: (N, C·H·W) -> (N, C·OH·OW); `argmax[o]` = index in x.data() of window o's first maximum. Backward is
// max_pool_backward (each upstream cell goes to its argmax).
template <class T>
void max_pool_grid_forward(const SpatialGeometry& g, const Matrix<T>& x, Matrix<T>& out,
                           std::vector<std::size_t>& argmax);
template <class T>
void avg_pool_grid_forward(const SpatialGeometry& g, const Matrix<T>& x, Matrix<T>& out);
template <class T>
void avg_pool_grid_backward(const SpatialGeometry& g, const Matrix<T>& dout, Matrix<T>& dx);
// x: (N, C·H·W), b: (1, C) -> (N, C·H·W): one bias per channel
template <class T>
void channel_bias_forward(const Grid& g, const Matrix<T>& x, const Matrix<T>& b, Matrix<T>& out);
template <class T>
void channel_bias_backward(const Grid& g, const Matrix<T>& dout, Matrix<T>* dx, Matrix<T>* db);

}  // namespace bp::tensor
