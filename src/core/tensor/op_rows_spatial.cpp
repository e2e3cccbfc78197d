// Registry rows of the image ops: single-image pooling and valid convolution (spatial_ops.cpp) and the batched
// grid ops with channels, stride and padding (grid_ops.cpp). Besides the rules, their details give a UI what it
// needs to animate the backward pass: max pooling's routing (the input cell each upstream cell goes to) and
// convolution's padded input, flipped kernel and dilated, padded upstream (dK = X ⋆ dZ, dX = pad(dZ) ⋆ rot180 K).
#include <string>

#include "core/error.hpp"
#include "core/tensor/op_rows.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {
namespace {

using Rules = std::vector<MatrixRule>;

std::string num(std::size_t v) { return std::to_string(v); }

// ---- single-image ops: x (h, w) ----
Rules pool_forward_latex(const OpView& v) {
  const std::string op = v.node.op == TensorOp::MaxPool ? "maxpool" : "avgpool";
  return {{v.out.name, "$0 = \\operatorname{" + op + "}_{" + num(v.node.window) + "}($1)",
           {value_factor(v.out), value_factor(v.a)}, {}}};
}
Rules max_pool_backward_latex(const OpView& v) {
  return {{"d" + v.a.name, "$0 = \\operatorname{route}_{\\arg\\max}($1)", {grad_factor(v.a), grad_factor(v.out)},
           Note{NoteKey::MaxRoute, {}}}};
}
Rules mean_pool_backward_latex(const OpView& v) {
  const std::string s = num(v.node.window);
  return {{"d" + v.a.name, "$0 = \\tfrac{1}{" + s + "^{2}} \\operatorname{spread}_{" + s + "}($1)",
           {grad_factor(v.a), grad_factor(v.out)}, Note{NoteKey::AvgSpread, {}}}};
}
Rules conv_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = $1 \\star $2", {value_factor(v.out), value_factor(v.a), value_factor(v.b)},
           Note{NoteKey::CrossCorrelation, {{"out", v.out.latex}, {"x", v.a.latex}, {"k", v.b.latex}}}}};
}
Rules conv_backward_latex(const OpView& v) {
  Rules rules;
  if (v.a.grad) {
    rules.push_back({"d" + v.a.name, "$0 = \\operatorname{pad}_{k-1}($1) \\star \\operatorname{rot}_{180}($2)",
                     {grad_factor(v.a), grad_factor(v.out), value_factor(v.b)},
                     Note{NoteKey::ConvInputGrad, {}}});
  }
  if (v.b.grad) {
    rules.push_back({"d" + v.b.name, "$0 = $1 \\star $2", {grad_factor(v.b), value_factor(v.a), grad_factor(v.out)},
                     Note{NoteKey::ConvKernelGrad, {}}});
  }
  return rules;
}

// ---- grids: (N, C·H·W) ----
std::string window_text(const SpatialGeometry& g) {
  return num(g.kh) + "\\times " + num(g.kw) + ",\\, s=" + num(g.stride) + (g.pad ? ",\\, p=" + num(g.pad) : "");
}

Rules grid_pool_forward_latex(const OpView& v) {
  const std::string op = v.node.op == TensorOp::MaxPool2d ? "maxpool" : "avgpool";
  return {{v.out.name, "$0 = \\operatorname{" + op + "}_{" + window_text(v.node.geometry) + "}($1)",
           {value_factor(v.out), value_factor(v.a)}, Note{NoteKey::PerChannel, {}}}};
}
Rules avg_pool_grid_backward_latex(const OpView& v) {
  const SpatialGeometry& g = v.node.geometry;
  return {{"d" + v.a.name, "$0 = \\tfrac{1}{" + num(g.kh * g.kw) + "} \\operatorname{spread}_{" + window_text(g) + "}($1)",
           {grad_factor(v.a), grad_factor(v.out)}, Note{NoteKey::AvgSpread, {}}}};
}
// Max pooling: per example, the index (c·H·W + i·W + j) within the input row that each output cell came from.
void max_pool_details(const OpView& v, bool, StepDetails& out) {
  const std::size_t rows_n = v.a.value->shape()[0], in_row = v.a.value->shape()[1];
  const std::size_t out_row = v.out.value->shape()[1];
  std::vector<std::vector<std::size_t>> routing(rows_n);
  for (std::size_t n = 0; n < rows_n; ++n) {
    for (std::size_t o = 0; o < out_row; ++o) routing[n].push_back(v.node.argmax[n * out_row + o] - n * in_row);
  }
  out.routing = routing;
}
// The single-image max pool keeps argmax as an index into its (h, w) image already.
void max_pool_image_details(const OpView& v, bool, StepDetails& out) {
  out.routing = std::vector<std::vector<std::size_t>>{v.node.argmax};
}

Rules grid_conv_forward_latex(const OpView& v) {
  const SpatialGeometry& g = v.node.geometry;
  return {{v.out.name, "$0 = $1 \\star_{" + num(g.stride) + "," + num(g.pad) + "} $2",
           {value_factor(v.out), value_factor(v.a), value_factor(v.b)},
           Note{NoteKey::GridConv, {{"out", v.out.latex}, {"x", v.a.latex}, {"k", v.b.latex}, {"s", num(g.stride)},
                                    {"p", num(g.pad)}}}}};
}
Rules grid_conv_backward_latex(const OpView& v) {
  const SpatialGeometry& g = v.node.geometry;
  Rules rules;
  if (v.a.grad) {
    const std::string dil = g.stride > 1 ? "\\operatorname{dilate}_{" + num(g.stride) + "}($1)" : "$1";
    const std::string full = "\\operatorname{pad}_{k-1}(" + dil + ") \\star \\operatorname{rot}_{180}($2)";
    rules.push_back({"d" + v.a.name, "$0 = " + (g.pad ? "\\operatorname{crop}_{" + num(g.pad) + "}(" + full + ")" : full),
                     {grad_factor(v.a), grad_factor(v.out), value_factor(v.b)},
                     Note{NoteKey::GridConvInputGrad, {}}});
  }
  if (v.b.grad) {
    const std::string x = g.pad ? "\\operatorname{pad}_{" + num(g.pad) + "}($1)" : "$1";
    const std::string up = g.stride > 1 ? "\\operatorname{dilate}_{" + num(g.stride) + "}($2)" : "$2";
    rules.push_back({"d" + v.b.name, "$0 = \\sum_{n} " + x + " \\star " + up,
                     {grad_factor(v.b), value_factor(v.a), grad_factor(v.out)},
                     Note{NoteKey::GridConvKernelGrad, {}}});
  }
  return rules;
}

// What a UI needs to draw both backward rules cell by cell.
void conv_details(const OpView& v, bool backward, StepDetails& out) {
  const SpatialGeometry& g = v.node.geometry;
  const Matrix<double>& x = *v.a.value;
  const Matrix<double>& k = *v.b.value;
  const std::size_t rows_n = x.shape()[0], taps = g.kh * g.kw;
  const Grid padded{g.in.channels, g.in.height + 2 * g.pad, g.in.width + 2 * g.pad};
  Matrix<double> xp = zeros<double>({rows_n, padded.size()});
  for (std::size_t n = 0; n < rows_n; ++n) {
    for (std::size_t c = 0; c < g.in.channels; ++c) {
      for (std::size_t i = 0; i < g.in.height; ++i) {
        for (std::size_t j = 0; j < g.in.width; ++j) {
          xp(n, (c * padded.height + i + g.pad) * padded.width + j + g.pad) = x(n, (c * g.in.height + i) * g.in.width + j);
        }
      }
    }
  }
  ConvDetails conv;
  conv.stride = g.stride;
  conv.padding = g.pad;
  conv.kh = g.kh;
  conv.kw = g.kw;
  conv.in = g.in;
  conv.out = g.out;
  conv.padded = padded;
  conv.padded_input = std::move(xp);
  if (backward) {
    Matrix<double> flipped = zeros<double>(shape_of(k));  // rot180 of every (o, c) kernel plane
    for (std::size_t r = 0; r < k.shape()[0]; ++r) {
      for (std::size_t c = 0; c < g.in.channels; ++c) {
        for (std::size_t t = 0; t < taps; ++t) flipped(r, c * taps + t) = k(r, c * taps + taps - 1 - t);
      }
    }
    // pad_{k−1}(dilate_s(dZ)): correlating it with the flipped kernel gives dX of the padded input.
    const Matrix<double>& dz = *v.out.grad;
    const Grid full{g.out.channels, (g.out.height - 1) * g.stride + 1 + 2 * (g.kh - 1),
                    (g.out.width - 1) * g.stride + 1 + 2 * (g.kw - 1)};
    Matrix<double> up = zeros<double>({rows_n, full.size()});
    for (std::size_t n = 0; n < rows_n; ++n) {
      for (std::size_t o = 0; o < g.out.channels; ++o) {
        for (std::size_t i = 0; i < g.out.height; ++i) {
          for (std::size_t j = 0; j < g.out.width; ++j) {
            up(n, (o * full.height + i * g.stride + g.kh - 1) * full.width + j * g.stride + g.kw - 1) =
                dz(n, (o * g.out.height + i) * g.out.width + j);
          }
        }
      }
    }
    conv.backward = true;
    conv.flipped = {g.in.channels, g.kh, g.kw};
    conv.flipped_kernel = std::move(flipped);
    conv.full = full;
    conv.full_upstream = std::move(up);
  }
  out.conv = std::move(conv);
}

Rules channel_bias_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = $1 + $2", {value_factor(v.out), value_factor(v.a), value_factor(v.b)},
           Note{NoteKey::ChannelBias, {{"b", v.b.latex}}}}};
}
Rules channel_bias_backward_latex(const OpView& v) {
  Rules rules;
  if (v.a.grad) rules.push_back({"d" + v.a.name, "$0 = $1", {grad_factor(v.a), grad_factor(v.out)}, {}});
  if (v.b.grad) {
    rules.push_back({"d" + v.b.name, "$0 = \\sum_{n,i,j} $1", {grad_factor(v.b), grad_factor(v.out)},
                     Note{NoteKey::ChannelBiasSum, {{"b", v.b.latex}, {"out", v.out.latex}}}});
  }
  return rules;
}

// Shape rules of the grid ops: x's rows must hold the declared grid.
void expect_grid(const char* op, Shape x, const Grid& in) {
  if (cols(x) != in.size()) {
    throw InputError(std::string(op) + ": input " + shape_text(x) + " does not hold a " + grid_text(in) +
                     " grid per row (" + std::to_string(in.size()) + " values)");
  }
}
Shape grid_conv_shape(Shape x, Shape k, SpatialGeometry& g) {
  expect_grid("conv2d", x, g.in);
  if (cols(k) != g.in.channels * g.kh * g.kw || rows(k) == 0) {
    throw InputError("conv2d: kernels " + shape_text(k) + " must be (out channels, " +
                     std::to_string(g.in.channels * g.kh * g.kw) + ") for " + std::to_string(g.in.channels) +
                     " input channels and a " + std::to_string(g.kh) + "x" + std::to_string(g.kw) + " window");
  }
  g = window_geometry("conv2d", g.in, rows(k), g.kh, g.kw, g.stride, g.pad);
  return {rows(x), g.out.size()};
}
template <TensorOp Op>
Shape grid_pool_shape(Shape x, Shape, SpatialGeometry& g) {
  const char* op = Op == TensorOp::MaxPool2d ? "max_pool2d" : "avg_pool2d";
  expect_grid(op, x, g.in);
  g = window_geometry(op, g.in, g.in.channels, g.kh, g.kw, g.stride, 0);
  return {rows(x), g.out.size()};
}
Shape channel_bias_shape(Shape x, Shape b, SpatialGeometry& g) {
  expect_grid("channel_bias", x, g.in);
  if (b != Shape{1, g.in.channels}) {
    throw InputError("channel_bias: bias " + shape_text(b) + " must be (1," + std::to_string(g.in.channels) + ")");
  }
  g.out = {};  // the output keeps x's grid
  return x;
}

}  // namespace

std::vector<TensorOpRule> spatial_rows() {
  return {
      make_row(TensorOp::MaxPool, "max_pool", 1, false,
               [](Shape x, Shape, SpatialGeometry& g) { return pool_shape("max_pool", x, g.kh); },
               [](auto& n, const auto& x, const auto&) { max_pool_forward(x, n.window, n.value, n.argmax); },
               // d max/dx = 1 at the window's maximum, 0 elsewhere
               [](const auto& n, const auto&, const auto&, const auto& g, auto* dx, auto*) { if (dx) max_pool_backward(n.argmax, g, *dx); },
               pool_forward_latex, max_pool_backward_latex, max_pool_image_details),
      make_row(TensorOp::MeanPool, "mean_pool", 1, false,
               [](Shape x, Shape, SpatialGeometry& g) { return pool_shape("mean_pool", x, g.kh); },
               [](auto& n, const auto& x, const auto&) { mean_pool_forward(x, n.window, n.value); },
               // d mean/dx = 1/s² for every pixel of the window
               [](const auto& n, const auto&, const auto&, const auto& g, auto* dx, auto*) { if (dx) mean_pool_backward(n.window, g, *dx); },
               pool_forward_latex, mean_pool_backward_latex),
      make_row(TensorOp::Conv2d, "conv2d_image", 2, false,
               [](Shape x, Shape k, SpatialGeometry&) { return conv2d_shape(x, k); },
               [](auto& n, const auto& x, const auto& k) { conv2d_forward(x, k, n.value); },
               // d out[i][j]/d x[i+u][j+v] = k[u][v];  d out[i][j]/d k[u][v] = x[i+u][j+v]
               [](const auto&, const auto& x, const auto& k, const auto& g, auto* dx, auto* dk) { conv2d_backward(x, k, g, dx, dk); },
               conv_forward_latex, conv_backward_latex),
      make_row(TensorOp::Conv2dGrid, "conv2d", 2, false, grid_conv_shape,
               [](auto& n, const auto& x, const auto& k) { conv2d_grid_forward(n.geometry, x, k, n.value); },
               // d out[n][o][i][j]/d x[n][c][is+u−p][js+v−p] = k[o][c][u][v];  d out/d k[o][c][u][v] = xpad[n][c][is+u][js+v]
               [](const auto& n, const auto& x, const auto& k, const auto& g, auto* dx, auto* dk) {
                 conv2d_grid_backward(n.geometry, x, k, g, dx, dk);
               },
               grid_conv_forward_latex, grid_conv_backward_latex, conv_details),
      make_row(TensorOp::MaxPool2d, "max_pool2d", 1, false, grid_pool_shape<TensorOp::MaxPool2d>,
               [](auto& n, const auto& x, const auto&) { max_pool_grid_forward(n.geometry, x, n.value, n.argmax); },
               // d max/dx = 1 at the window's maximum, 0 elsewhere
               [](const auto& n, const auto&, const auto&, const auto& g, auto* dx, auto*) { if (dx) max_pool_backward(n.argmax, g, *dx); },
               grid_pool_forward_latex, max_pool_backward_latex, max_pool_details),
      make_row(TensorOp::AvgPool2d, "avg_pool2d", 1, false, grid_pool_shape<TensorOp::AvgPool2d>,
               [](auto& n, const auto& x, const auto&) { avg_pool_grid_forward(n.geometry, x, n.value); },
               // d mean/dx = 1/(kh·kw) for every pixel of the window
               [](const auto& n, const auto&, const auto&, const auto& g, auto* dx, auto*) { if (dx) avg_pool_grid_backward(n.geometry, g, *dx); },
               grid_pool_forward_latex, avg_pool_grid_backward_latex),
      make_row(TensorOp::ChannelBias, "channel_bias", 2, true, channel_bias_shape,
               [](auto& n, const auto& x, const auto& b) { channel_bias_forward(n.geometry.in, x, b, n.value); },
               // d(x+b)/dx = 1;  d(x+b)/db[c] = 1 at every pixel of channel c
               [](const auto& n, const auto&, const auto&, const auto& g, auto* dx, auto* db) {
                 channel_bias_backward(n.geometry.in, g, dx, db);
               },
               channel_bias_forward_latex, channel_bias_backward_latex),
  };
}

}  // namespace bp::tensor
