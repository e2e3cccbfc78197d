// 2-D max/mean pooling and "valid" convolution on one single-channel image, as seed 002 teaches them: pooling
// passes each output's gradient back to its window (all of it to the max, 1/s² of it to each pixel for the mean),
// and a convolution passes it back along the same weights that carried the value forward.
#include <string>

#include "core/error.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {

Shape pool_shape(const char* op, Shape x, std::size_t s) {
  if (s == 0 || rows(x) % s != 0 || cols(x) % s != 0 || rows(x) == 0 || cols(x) == 0) {
    throw InputError(std::string(op) + ": " + shape_text(x) + " is not tiled by " + std::to_string(s) + "x" +
                     std::to_string(s) + " windows");
  }
  return {rows(x) / s, cols(x) / s};
}

// x: (h, w) -> out: (h/s, w/s), out[i][j] = max of window (i, j); argmax remembers where it was
template <class T>
void max_pool_forward(const Matrix<T>& x, std::size_t s, Matrix<T>& out, std::vector<std::size_t>& argmax) {
  const std::size_t w = x.shape()[1], oh = out.shape()[0], ow = out.shape()[1];
  argmax.resize(oh * ow);
  for (std::size_t i = 0; i < oh; ++i) {
    for (std::size_t j = 0; j < ow; ++j) {
      std::size_t best = i * s * w + j * s;
      for (std::size_t u = 0; u < s; ++u) {
        for (std::size_t v = 0; v < s; ++v) {
          const std::size_t at = (i * s + u) * w + j * s + v;
          if (x.data()[at] > x.data()[best]) best = at;
        }
      }
      argmax[i * ow + j] = best;
      out(i, j) = x.data()[best];
    }
  }
}

// d max/dx = 1 at the window's maximum, 0 elsewhere
template <class T>
void max_pool_backward(const std::vector<std::size_t>& argmax, const Matrix<T>& dout, Matrix<T>& dx) {
  for (std::size_t o = 0; o < argmax.size(); ++o) dx.data()[argmax[o]] += dout.data()[o];
}

// x: (h, w) -> out: (h/s, w/s), the mean of each window
template <class T>
void mean_pool_forward(const Matrix<T>& x, std::size_t s, Matrix<T>& out) {
  const std::size_t oh = out.shape()[0], ow = out.shape()[1];
  for (std::size_t i = 0; i < oh; ++i) {
    for (std::size_t j = 0; j < ow; ++j) {
      T sum = 0;
      for (std::size_t u = 0; u < s; ++u) {
        for (std::size_t v = 0; v < s; ++v) sum += x(i * s + u, j * s + v);
      }
      out(i, j) = sum / static_cast<T>(s * s);
    }
  }
}

// d mean/dx = 1/s² for every pixel of the window
template <class T>
void mean_pool_backward(std::size_t s, const Matrix<T>& dout, Matrix<T>& dx) {
  const T share = T(1) / static_cast<T>(s * s);
  for (std::size_t i = 0; i < dx.shape()[0]; ++i) {
    for (std::size_t j = 0; j < dx.shape()[1]; ++j) dx(i, j) += dout(i / s, j / s) * share;
  }
}

Shape conv2d_shape(Shape x, Shape kernel) {
  if (rows(kernel) == 0 || cols(kernel) == 0 || rows(kernel) > rows(x) || cols(kernel) > cols(x)) {
    throw InputError("conv2d: kernel " + shape_text(kernel) + " does not fit in image " + shape_text(x));
  }
  return {rows(x) - rows(kernel) + 1, cols(x) - cols(kernel) + 1};
}

// out[i][j] = Σ_{u,v} x[i+u][j+v] · k[u][v]
template <class T>
void conv2d_forward(const Matrix<T>& x, const Matrix<T>& kernel, Matrix<T>& out) {
  const std::size_t p = kernel.shape()[0], q = kernel.shape()[1];
  for (std::size_t i = 0; i < out.shape()[0]; ++i) {
    for (std::size_t j = 0; j < out.shape()[1]; ++j) {
      T sum = 0;
      for (std::size_t u = 0; u < p; ++u) {
        for (std::size_t v = 0; v < q; ++v) sum += x(i + u, j + v) * kernel(u, v);
      }
      out(i, j) = sum;
    }
  }
}

// d out[i][j]/d x[i+u][j+v] = k[u][v];  d out[i][j]/d k[u][v] = x[i+u][j+v]
template <class T>
void conv2d_backward(const Matrix<T>& x, const Matrix<T>& kernel, const Matrix<T>& dout, Matrix<T>* dx,
                     Matrix<T>* dkernel) {
  const std::size_t p = kernel.shape()[0], q = kernel.shape()[1];
  for (std::size_t i = 0; i < dout.shape()[0]; ++i) {
    for (std::size_t j = 0; j < dout.shape()[1]; ++j) {
      const T g = dout(i, j);
      for (std::size_t u = 0; u < p; ++u) {
        for (std::size_t v = 0; v < q; ++v) {
          if (dx) (*dx)(i + u, j + v) += g * kernel(u, v);
          if (dkernel) (*dkernel)(u, v) += g * x(i + u, j + v);
        }
      }
    }
  }
}

#define BP_SPATIAL_OPS(T)                                                                                       \
  template void max_pool_forward(const Matrix<T>&, std::size_t, Matrix<T>&, std::vector<std::size_t>&);       \
  template void max_pool_backward(const std::vector<std::size_t>&, const Matrix<T>&, Matrix<T>&);              \
  template void mean_pool_forward(const Matrix<T>&, std::size_t, Matrix<T>&);                                  \
  template void mean_pool_backward(std::size_t, const Matrix<T>&, Matrix<T>&);                                 \
  template void conv2d_forward(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                                \
  template void conv2d_backward(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&, Matrix<T>*, Matrix<T>*);
BP_SPATIAL_OPS(float)
BP_SPATIAL_OPS(double)
#undef BP_SPATIAL_OPS

}  // namespace bp::tensor
