// Batched multi-channel 2-D convolution (stride, zero padding), max and average pooling (window, stride) and the
// per-channel bias, on grids stored (N, C·H·W) (grid.hpp). Loops are plain and direct: the tutor's grids are
// small, and each loop nest reads like the sum it computes.
#include <string>

#include "core/error.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {

SpatialGeometry window_geometry(const std::string& op, Grid in, std::size_t out_channels, std::size_t kh,
                                std::size_t kw, std::size_t stride, std::size_t pad) {
  const std::string window = std::to_string(kh) + "×" + std::to_string(kw);
  if (in.empty() || in.height == 0 || in.width == 0) throw InputError(op + ": empty input grid " + grid_text(in));
  if (kh == 0 || kw == 0 || stride == 0) throw InputError(op + ": window and stride must be at least 1");
  const std::size_t h = in.height + 2 * pad, w = in.width + 2 * pad;
  if (kh > h || kw > w) {
    throw InputError(op + ": a " + window + " window does not fit in a " + grid_text(in) + " grid padded by " +
                     std::to_string(pad));
  }
  if ((h - kh) % stride != 0 || (w - kw) % stride != 0) {
    throw InputError(op + ": stride " + std::to_string(stride) + " does not tile a " + grid_text(in) +
                     " grid padded by " + std::to_string(pad) + " with " + window + " windows");
  }
  SpatialGeometry g;
  g.in = in;
  g.out = {out_channels, (h - kh) / stride + 1, (w - kw) / stride + 1};
  g.kh = kh;
  g.kw = kw;
  g.stride = stride;
  g.pad = pad;
  return g;
}

namespace {

// Index of input pixel (c, i·s + u − p, j·s + v − p) in a row, or false when it falls in the zero padding.
bool source(const SpatialGeometry& g, std::size_t c, std::size_t i, std::size_t j, std::size_t u, std::size_t v,
            std::size_t& at) {
  const std::size_t r = i * g.stride + u, q = j * g.stride + v;  // in padded coordinates
  if (r < g.pad || q < g.pad || r - g.pad >= g.in.height || q - g.pad >= g.in.width) return false;
  at = (c * g.in.height + (r - g.pad)) * g.in.width + (q - g.pad);
  return true;
}

}  // namespace

// x: (N, Cin·H·W), k: (Cout, Cin·kh·kw) -> out: (N, Cout·OH·OW)
// out[n][o][i][j] = Σ_{c,u,v} xpad[n][c][i·s+u][j·s+v] · k[o][c][u][v]   (cross-correlation, as DL libraries do)
template <class T>
void conv2d_grid_forward(const SpatialGeometry& g, const Matrix<T>& x, const Matrix<T>& k, Matrix<T>& out) {
  const std::size_t n_rows = x.shape()[0], in_row = g.in.size(), out_row = g.out.size(), taps = g.kh * g.kw;
  for (std::size_t n = 0; n < n_rows; ++n) {
    const T* xs = x.data() + n * in_row;
    for (std::size_t o = 0; o < g.out.channels; ++o) {
      for (std::size_t i = 0; i < g.out.height; ++i) {
        for (std::size_t j = 0; j < g.out.width; ++j) {
          T sum = 0;
          for (std::size_t c = 0; c < g.in.channels; ++c) {
            const T* kc = k.data() + o * k.shape()[1] + c * taps;
            for (std::size_t u = 0; u < g.kh; ++u) {
              for (std::size_t v = 0; v < g.kw; ++v) {
                std::size_t at;
                if (source(g, c, i, j, u, v, at)) sum += xs[at] * kc[u * g.kw + v];
              }
            }
          }
          out.data()[n * out_row + (o * g.out.height + i) * g.out.width + j] = sum;
        }
      }
    }
  }
}

// d out[n][o][i][j] / d x[n][c][i·s+u−p][j·s+v−p] = k[o][c][u][v]   (summed: dX is dZ fully convolved with K)
// d out[n][o][i][j] / d k[o][c][u][v] = xpad[n][c][i·s+u][j·s+v]     (summed: dK is X correlated with dZ)
template <class T>
void conv2d_grid_backward(const SpatialGeometry& g, const Matrix<T>& x, const Matrix<T>& k, const Matrix<T>& dout,
                          Matrix<T>* dx, Matrix<T>* dk) {
  const std::size_t n_rows = x.shape()[0], in_row = g.in.size(), out_row = g.out.size(), taps = g.kh * g.kw;
  for (std::size_t n = 0; n < n_rows; ++n) {
    for (std::size_t o = 0; o < g.out.channels; ++o) {
      for (std::size_t i = 0; i < g.out.height; ++i) {
        for (std::size_t j = 0; j < g.out.width; ++j) {
          const T d = dout.data()[n * out_row + (o * g.out.height + i) * g.out.width + j];
          for (std::size_t c = 0; c < g.in.channels; ++c) {
            const std::size_t kc = o * k.shape()[1] + c * taps;
            for (std::size_t u = 0; u < g.kh; ++u) {
              for (std::size_t v = 0; v < g.kw; ++v) {
                std::size_t at;
                if (!source(g, c, i, j, u, v, at)) continue;
                if (dx) dx->data()[n * in_row + at] += d * k.data()[kc + u * g.kw + v];
                if (dk) dk->data()[kc + u * g.kw + v] += d * x.data()[n * in_row + at];
              }
            }
          }
        }
      }
    }
  }
}

// x: (N, C·H·W) -> out: (N, C·OH·OW), the max of each window; argmax[o] = index in x.data() of the first maximum
template <class T>
void max_pool_grid_forward(const SpatialGeometry& g, const Matrix<T>& x, Matrix<T>& out,
                           std::vector<std::size_t>& argmax) {
  const std::size_t n_rows = x.shape()[0], in_row = g.in.size(), out_row = g.out.size();
  argmax.resize(n_rows * out_row);
  for (std::size_t n = 0; n < n_rows; ++n) {
    for (std::size_t c = 0; c < g.out.channels; ++c) {
      for (std::size_t i = 0; i < g.out.height; ++i) {
        for (std::size_t j = 0; j < g.out.width; ++j) {
          std::size_t best = 0;
          source(g, c, i, j, 0, 0, best);
          for (std::size_t u = 0; u < g.kh; ++u) {
            for (std::size_t v = 0; v < g.kw; ++v) {
              std::size_t at;
              if (source(g, c, i, j, u, v, at) && x.data()[n * in_row + at] > x.data()[n * in_row + best]) best = at;
            }
          }
          const std::size_t o = n * out_row + (c * g.out.height + i) * g.out.width + j;
          argmax[o] = n * in_row + best;
          out.data()[o] = x.data()[n * in_row + best];
        }
      }
    }
  }
}

// x: (N, C·H·W) -> out: (N, C·OH·OW), the mean of each kh×kw window
template <class T>
void avg_pool_grid_forward(const SpatialGeometry& g, const Matrix<T>& x, Matrix<T>& out) {
  const std::size_t n_rows = x.shape()[0], in_row = g.in.size(), out_row = g.out.size();
  const T share = T(1) / static_cast<T>(g.kh * g.kw);
  for (std::size_t n = 0; n < n_rows; ++n) {
    for (std::size_t c = 0; c < g.out.channels; ++c) {
      for (std::size_t i = 0; i < g.out.height; ++i) {
        for (std::size_t j = 0; j < g.out.width; ++j) {
          T sum = 0;
          for (std::size_t u = 0; u < g.kh; ++u) {
            for (std::size_t v = 0; v < g.kw; ++v) {
              std::size_t at;
              if (source(g, c, i, j, u, v, at)) sum += x.data()[n * in_row + at];
            }
          }
          out.data()[n * out_row + (c * g.out.height + i) * g.out.width + j] = sum * share;
        }
      }
    }
  }
}

// d mean/dx = 1/(kh·kw) for every pixel of the window (overlapping windows add up)
template <class T>
void avg_pool_grid_backward(const SpatialGeometry& g, const Matrix<T>& dout, Matrix<T>& dx) {
  const std::size_t n_rows = dout.shape()[0], in_row = g.in.size(), out_row = g.out.size();
  const T share = T(1) / static_cast<T>(g.kh * g.kw);
  for (std::size_t n = 0; n < n_rows; ++n) {
    for (std::size_t c = 0; c < g.out.channels; ++c) {
      for (std::size_t i = 0; i < g.out.height; ++i) {
        for (std::size_t j = 0; j < g.out.width; ++j) {
          const T d = dout.data()[n * out_row + (c * g.out.height + i) * g.out.width + j] * share;
          for (std::size_t u = 0; u < g.kh; ++u) {
            for (std::size_t v = 0; v < g.kw; ++v) {
              std::size_t at;
              if (source(g, c, i, j, u, v, at)) dx.data()[n * in_row + at] += d;
            }
          }
        }
      }
    }
  }
}

// x: (N, C·H·W), b: (1, C) -> out: (N, C·H·W), out[n][c][·] = x[n][c][·] + b[c]
template <class T>
void channel_bias_forward(const Grid& g, const Matrix<T>& x, const Matrix<T>& b, Matrix<T>& out) {
  const std::size_t plane = g.height * g.width;
  for (std::size_t i = 0; i < x.size(); ++i) out.data()[i] = x.data()[i] + b.data()[(i % g.size()) / plane];
}

// d(x+b)/dx = 1;  d(x+b)/db[c] = 1 at every position and example of channel c, so db[c] = Σ_{n,i,j} dout[n][c][i][j]
template <class T>
void channel_bias_backward(const Grid& g, const Matrix<T>& dout, Matrix<T>* dx, Matrix<T>* db) {
  const std::size_t plane = g.height * g.width;
  for (std::size_t i = 0; i < dout.size(); ++i) {
    if (dx) dx->data()[i] += dout.data()[i];
    if (db) db->data()[(i % g.size()) / plane] += dout.data()[i];
  }
}

#define BP_GRID_OPS(T)                                                                                            \
  template void conv2d_grid_forward(const SpatialGeometry&, const Matrix<T>&, const Matrix<T>&, Matrix<T>&);     \
  template void conv2d_grid_backward(const SpatialGeometry&, const Matrix<T>&, const Matrix<T>&, const Matrix<T>&, \
                                     Matrix<T>*, Matrix<T>*);                                                    \
  template void max_pool_grid_forward(const SpatialGeometry&, const Matrix<T>&, Matrix<T>&,                       \
                                      std::vector<std::size_t>&);                                                \
  template void avg_pool_grid_forward(const SpatialGeometry&, const Matrix<T>&, Matrix<T>&);                      \
  template void avg_pool_grid_backward(const SpatialGeometry&, const Matrix<T>&, Matrix<T>&);                     \
  template void channel_bias_forward(const Grid&, const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                \
  template void channel_bias_backward(const Grid&, const Matrix<T>&, Matrix<T>*, Matrix<T>*);
BP_GRID_OPS(float)
BP_GRID_OPS(double)
#undef BP_GRID_OPS

}  // namespace bp::tensor
