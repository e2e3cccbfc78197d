// Grids: a batch of multi-channel images stored as a matrix with one row per example, each row the image's
// channels one after another, each channel row-major (N, C·H·W). So a convolution's output flows into a dense
// layer unchanged (flattening is free). The geometry of a convolution or pooling node lives here; its kernels are
// in grid_ops.cpp. Not the single-image ops of spatial_ops.cpp.
#pragma once
#include <cstddef>
#include <string>

namespace bp::tensor {

struct Grid {
  std::size_t channels = 0, height = 0, width = 0;
  std::size_t size() const { return channels * height * width; }
  bool empty() const { return channels == 0; }
};

// "2×5×5": how grids appear in messages and shape lines.
inline std::string grid_text(const Grid& g) {
  return std::to_string(g.channels) + "×" + std::to_string(g.height) + "×" + std::to_string(g.width);
}

// A window sliding over `in` with a stride, after zero padding: a convolution's kernel (kh × kw) or a pooling
// window (kh = kw, pad 0). out.channels is the kernel count (convolution) or in.channels (pooling).
struct SpatialGeometry {
  Grid in, out;
  std::size_t kh = 0, kw = 0, stride = 1, pad = 0;
};

// out = ((H + 2p − kh)/s + 1) × ((W + 2p − kw)/s + 1); InputError naming `op` if the window does not fit or the
// stride does not land on the last row and column exactly (no silently dropped pixels).
SpatialGeometry window_geometry(const std::string& op, Grid in, std::size_t out_channels, std::size_t kh,
                                std::size_t kw, std::size_t stride, std::size_t pad);

}  // namespace bp::tensor
