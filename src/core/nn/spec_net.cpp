// Building a spec's float64 graph, layer by layer, with the names the step trace shows: X, then per layer l
// (1-based) W_l and b_l, M_l = A_{l−1} W_l and Z_l = M_l + b_l (dense) or K_l, b_l, C_l = A_{l−1} ⋆ K_l and
// Z_l = C_l + b_l (conv2d), A_l = f(Z_l) (no node when f is linear: A_l is Z_l), A_l = pool(A_{l−1}); Y, L.
#include "core/nn/spec_net.hpp"

#include <string>

namespace bp::nn {

const char* layer_kind_name(LayerKind kind) {
  switch (kind) {
    case LayerKind::Dense: return "dense";
    case LayerKind::Conv2d: return "conv2d";
    case LayerKind::MaxPool2d: return "max_pool2d";
    case LayerKind::AvgPool2d: return "avg_pool2d";
  }
  return "?";
}

namespace {

tensor::NodeName name(const std::string& letter, std::size_t layer) {
  return {letter + std::to_string(layer), letter + "^{(" + std::to_string(layer) + ")}"};
}

}  // namespace

std::unique_ptr<SpecNet> build_spec_net(const ParsedSpec& spec) {
  auto net = std::make_unique<SpecNet>();
  tensor::Graph<double>& g = net->graph;
  for (const SpecLayer& layer : spec.layers) {  // all parameters first: the graph keeps pointers into params
    net->first_param.push_back(layer.w.size() ? int(net->params.size()) : -1);
    if (layer.w.size()) {
      net->params.push_back({layer.w, tensor::zeros<double>(tensor::shape_of(layer.w))});
      net->params.push_back({layer.b, tensor::zeros<double>(tensor::shape_of(layer.b))});
    }
  }
  auto named = [&](std::size_t id, tensor::NodeName n) {
    if (net->names.size() <= id) net->names.resize(id + 1);
    net->names[id] = std::move(n);
    return id;
  };
  const std::size_t batch = spec.x.shape()[0];
  net->x = named(g.input(tensor::shape_of(spec.x), spec.input_grid), {"X", "X"});
  g.value(net->x) = spec.x;
  std::size_t a = net->x;
  for (std::size_t l = 0; l < spec.layers.size(); ++l) {
    const SpecLayer& layer = spec.layers[l];
    const std::size_t k = l + 1;
    std::size_t z = a;
    if (layer.kind == LayerKind::Dense) {
      // z: (batch, in)·(in, out) + (1, out) -> (batch, out)
      tensor::Parameter<double>& w = net->params[std::size_t(net->first_param[l])];
      tensor::Parameter<double>& b = net->params[std::size_t(net->first_param[l]) + 1];
      const std::size_t wn = named(g.parameter(w), name("W", k)), bn = named(g.parameter(b), name("b", k));
      z = named(g.add(named(g.matmul(a, wn), name("M", k)), bn), name("Z", k));
    } else if (layer.kind == LayerKind::Conv2d) {
      // z: (batch, Cin·H·W) ⋆ (Cout, Cin·kh·kw) + (1, Cout) per channel -> (batch, Cout·OH·OW)
      tensor::Parameter<double>& w = net->params[std::size_t(net->first_param[l])];
      tensor::Parameter<double>& b = net->params[std::size_t(net->first_param[l]) + 1];
      const std::size_t kn = named(g.parameter(w, true, {layer.in.channels, layer.kh, layer.kw}), name("K", k));
      const std::size_t bn = named(g.parameter(b), name("b", k));
      const std::size_t c = named(g.conv2d(a, kn, layer.in, layer.kh, layer.kw, layer.stride, layer.pad), name("C", k));
      z = named(g.channel_bias(c, bn, layer.out), name("Z", k));
    } else {
      // (batch, C·H·W) -> (batch, C·OH·OW): pooling has no weights and no activation, so z = a
      z = layer.kind == LayerKind::MaxPool2d ? g.max_pool2d(a, layer.in, layer.kh, layer.stride)
                                             : g.avg_pool2d(a, layer.in, layer.kh, layer.stride);
      named(z, name("A", k));
    }
    // A linear layer's output is z itself: no copy forward, no identity pass backward.
    a = layer.activation == tensor::Activation::Linear ? z : named(g.activation(layer.activation, z), name("A", k));
    net->z.push_back(z);
    net->a.push_back(a);
  }
  const bool classes = spec.loss == Loss::SoftmaxCrossEntropy;
  net->targets = named(g.input({batch, classes ? 1 : spec.layers.back().out_size}), {"Y", "Y"});
  g.value(net->targets) = spec.targets;
  switch (spec.loss) {
    case Loss::SoftmaxCrossEntropy: net->loss = g.softmax_cross_entropy(a, net->targets); break;
    case Loss::Mse: net->loss = g.mse(a, net->targets); break;
    case Loss::HalfSse: net->loss = g.half_sse(a, net->targets); break;
  }
  named(net->loss, {"L", "L"});
  return net;
}

}  // namespace bp::nn
