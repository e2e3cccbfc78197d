// Losses (a (1, 1) matrix from predictions and targets) and weight penalties. Targets are data: they get no
// gradient. Sums are accumulated in double even for float tensors, so a loss printed with 4-6 digits is exact.
#include <cmath>
#include <string>
#include <type_traits>

#include "core/error.hpp"
#include "core/tensor/fast_math.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {

Shape softmax_cross_entropy_shape(Shape logits, Shape labels) {
  if (rows(labels) != rows(logits) || cols(labels) != 1) {
    throw InputError("softmax_cross_entropy: logits " + shape_text(logits) + " need labels (" +
                     std::to_string(rows(logits)) + ",1), got " + shape_text(labels));
  }
  return {1, 1};
}

// p = softmax(z) row by row (shifted by the row max, so exp never overflows); loss = mean(log Σe^z − z[label]).
// Three passes so the exps run over the whole matrix at once (4 lanes at a time for float).
template <class T>
void softmax_cross_entropy_forward(const Matrix<T>& logits, const Matrix<T>& labels, Matrix<T>& probs,
                                   Matrix<T>& loss) {
  const std::size_t b = logits.shape()[0], c = logits.shape()[1];
  for (std::size_t i = 0; i < b; ++i) {  // p = z − max(z), and check the label
    const T* z = logits.data() + i * c;
    T* p = probs.data() + i * c;
    const T label = labels.data()[i];
    if (!(label >= T(0) && label < T(c)) || label != std::floor(label)) {
      throw InputError("softmax_cross_entropy: label " + std::to_string(label) + " in row " + std::to_string(i) +
                       " is not a class index in [0, " + std::to_string(c) + ")");
    }
    T top = z[0];
    for (std::size_t j = 1; j < c; ++j) top = z[j] > top ? z[j] : top;
    for (std::size_t j = 0; j < c; ++j) p[j] = z[j] - top;
  }
  double total = 0;
  for (std::size_t i = 0; i < b; ++i) {  // shifted logit of the label, before the exps overwrite it
    total -= static_cast<double>(probs.data()[i * c + static_cast<std::size_t>(labels.data()[i])]);
  }
  if constexpr (std::is_same_v<T, float>) {
    map4<exp4>(probs.data(), probs.data(), probs.size());
  } else {
    for (std::size_t i = 0; i < probs.size(); ++i) probs.data()[i] = std::exp(probs.data()[i]);
  }
  for (std::size_t i = 0; i < b; ++i) {  // normalise; loss term log Σ e^(z − max) − (z[label] − max)
    T* p = probs.data() + i * c;
    T sum = 0;
    for (std::size_t j = 0; j < c; ++j) sum += p[j];
    const T inverse = T(1) / sum;
    for (std::size_t j = 0; j < c; ++j) p[j] *= inverse;
    total += std::log(static_cast<double>(sum));
  }
  loss(0, 0) = static_cast<T>(total / static_cast<double>(b));
}

// dL/dz = (p − onehot(label)) / batch, times the upstream dloss
template <class T>
void softmax_cross_entropy_backward(const Matrix<T>& probs, const Matrix<T>& labels, const Matrix<T>& dloss,
                                    Matrix<T>& dlogits) {
  const std::size_t b = probs.shape()[0], c = probs.shape()[1];
  const T scale = dloss(0, 0) / static_cast<T>(b);
  for (std::size_t i = 0; i < b; ++i) {
    const T* p = probs.data() + i * c;
    T* dz = dlogits.data() + i * c;
    for (std::size_t j = 0; j < c; ++j) dz[j] += scale * p[j];
    dz[static_cast<std::size_t>(labels.data()[i])] -= scale;
  }
}

Shape same_shape_loss(const char* op, Shape y, Shape t) {
  if (y != t) throw InputError(std::string(op) + ": outputs " + shape_text(y) + " vs targets " + shape_text(t));
  return {1, 1};
}

// mean((y − t)²) over all N elements
template <class T>
void mse_forward(const Matrix<T>& y, const Matrix<T>& t, Matrix<T>& loss) {
  double total = 0;
  for (std::size_t i = 0; i < y.size(); ++i) total += static_cast<double>(y.data()[i] - t.data()[i]) * (y.data()[i] - t.data()[i]);
  loss(0, 0) = static_cast<T>(total / static_cast<double>(y.size()));
}

// d mse/dy = 2(y − t)/N
template <class T>
void mse_backward(const Matrix<T>& y, const Matrix<T>& t, const Matrix<T>& dloss, Matrix<T>& dy) {
  const T scale = T(2) * dloss(0, 0) / static_cast<T>(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) dy.data()[i] += scale * (y.data()[i] - t.data()[i]);
}

// Σ ½(y − t)²
template <class T>
void half_sse_forward(const Matrix<T>& y, const Matrix<T>& t, Matrix<T>& loss) {
  double total = 0;
  for (std::size_t i = 0; i < y.size(); ++i) total += 0.5 * static_cast<double>(y.data()[i] - t.data()[i]) * (y.data()[i] - t.data()[i]);
  loss(0, 0) = static_cast<T>(total);
}

// d Σ½(y − t)²/dy = y − t
template <class T>
void half_sse_backward(const Matrix<T>& y, const Matrix<T>& t, const Matrix<T>& dloss, Matrix<T>& dy) {
  for (std::size_t i = 0; i < y.size(); ++i) dy.data()[i] += dloss(0, 0) * (y.data()[i] - t.data()[i]);
}

// λ Σ|w|
template <class T>
void l1_forward(const Matrix<T>& w, T lambda, Matrix<T>& loss) {
  double total = 0;
  for (std::size_t i = 0; i < w.size(); ++i) total += std::fabs(static_cast<double>(w.data()[i]));
  loss(0, 0) = static_cast<T>(lambda * total);
}

// d λ|w|/dw = λ sign(w), 0 at w = 0
template <class T>
void l1_backward(const Matrix<T>& w, T lambda, const Matrix<T>& dloss, Matrix<T>& dw) {
  const T scale = lambda * dloss(0, 0);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const T v = w.data()[i];
    dw.data()[i] += v > T(0) ? scale : v < T(0) ? -scale : T(0);
  }
}

// λ Σ w²
template <class T>
void l2_forward(const Matrix<T>& w, T lambda, Matrix<T>& loss) {
  double total = 0;
  for (std::size_t i = 0; i < w.size(); ++i) total += static_cast<double>(w.data()[i]) * w.data()[i];
  loss(0, 0) = static_cast<T>(lambda * total);
}

// d λw²/dw = 2λw
template <class T>
void l2_backward(const Matrix<T>& w, T lambda, const Matrix<T>& dloss, Matrix<T>& dw) {
  const T scale = T(2) * lambda * dloss(0, 0);
  for (std::size_t i = 0; i < w.size(); ++i) dw.data()[i] += scale * w.data()[i];
}

#define BP_LOSS_OPS(T)                                                                                        \
  template void softmax_cross_entropy_forward(const Matrix<T>&, const Matrix<T>&, Matrix<T>&, Matrix<T>&);   \
  template void softmax_cross_entropy_backward(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&,         \
                                               Matrix<T>&);                                                 \
  template void mse_forward(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                                 \
  template void mse_backward(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&, Matrix<T>&);              \
  template void half_sse_forward(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                            \
  template void half_sse_backward(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&, Matrix<T>&);         \
  template void l1_forward(const Matrix<T>&, T, Matrix<T>&);                                                 \
  template void l1_backward(const Matrix<T>&, T, const Matrix<T>&, Matrix<T>&);                              \
  template void l2_forward(const Matrix<T>&, T, Matrix<T>&);                                                 \
  template void l2_backward(const Matrix<T>&, T, const Matrix<T>&, Matrix<T>&);
BP_LOSS_OPS(float)
BP_LOSS_OPS(double)
#undef BP_LOSS_OPS

}  // namespace bp::tensor
