// The `mlp` spec reader (replies.hpp parse_spec, and the optimiser settings specs and configs share): each field
// checked where it is, so the message can name it. Matrices must be non-empty lists of equal rows of finite
// numbers; sizes stay within SpecLimits (nn/spec_data.hpp); each layer's weights must fit what flows into it (a
// grid after conv2d/pooling layers, a row of values otherwise). Names come from their registries.
#include <algorithm>
#include <string>

#include "core/names.hpp"
#include "core/nn/limits.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using json = Json;
using namespace nn;
using tensor::Grid;
using tensor::Matrix;

std::string str(std::size_t v) { return std::to_string(v); }
std::string dims(std::size_t r, std::size_t c) { return str(r) + "×" + str(c); }

// "x: 65 rows; at most 64": each limit says which one it is.
void at_most(std::size_t value, std::size_t limit, const std::string& place, const std::string& noun) {
  if (value > limit) throw InputError(place + ": " + str(value) + " " + noun + "; at most " + str(limit));
}

// A list of equal-length rows of finite numbers, e.g. W or x. `cols` 0 means "any, but the same for all rows".
Matrix<double> matrix_field(const json& v, const std::string& place, std::size_t cols = 0) {
  if (!v.is_array() || v.empty()) throw InputError(place + " must be a non-empty list of rows");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_array() || v[i].empty()) throw InputError(place + "[" + str(i) + "] must be a row (a list of numbers)");
    if (cols == 0) cols = v[i].size();
    if (v[i].size() != cols) {
      throw InputError(place + "[" + str(i) + "] has " + str(v[i].size()) + " numbers, expected " + str(cols));
    }
  }
  Matrix<double> m = tensor::zeros<double>({v.size(), cols});
  for (std::size_t i = 0; i < v.size(); ++i) {
    for (std::size_t j = 0; j < cols; ++j) m(i, j) = fields::element(v[i][j], place + "[" + str(i) + "][" + str(j) + "]");
  }
  return m;
}

// A list of exactly `n` finite numbers as a (1, n) row.
Matrix<double> row_field(const json& v, std::size_t n, const std::string& place, const std::string& why) {
  if (!v.is_array()) throw InputError(place + ": expected a list of " + str(n) + " numbers (" + why + ")");
  if (v.size() != n) throw InputError(place + ": expected " + str(n) + " numbers (" + why + "), got " + str(v.size()));
  Matrix<double> m = tensor::zeros<double>({1, n});
  for (std::size_t j = 0; j < n; ++j) m(0, j) = fields::element(v[j], place + "[" + str(j) + "]");
  return m;
}

Grid grid_field(const json& spec) {
  const json& s = spec["input_shape"];
  if (!s.is_array() || s.size() != 3 || !fields::is_whole(s[0]) || !fields::is_whole(s[1]) || !fields::is_whole(s[2]) ||
      s[0].get<std::size_t>() == 0 || s[1].get<std::size_t>() == 0 || s[2].get<std::size_t>() == 0) {
    throw InputError("input_shape: expected [channels, height, width], three whole numbers ≥ 1");
  }
  const Grid g{s[0].get<std::size_t>(), s[1].get<std::size_t>(), s[2].get<std::size_t>()};
  at_most(g.channels, SpecLimits::channels, "input_shape", "channels");
  at_most(g.height, SpecLimits::side, "input_shape", "rows (height)");
  at_most(g.width, SpecLimits::side, "input_shape", "columns (width)");
  at_most(g.size(), SpecLimits::grid_values, "input_shape", "values per grid");
  return g;
}

// K[o][c][u][v] as a (Cout, Cin·kh·kw) matrix; every level must be a list of the same length as its first.
Matrix<double> kernel_field(const json& k, std::size_t in_channels, const std::string& place, SpecLayer& layer) {
  auto list = [&](const json& v, const std::string& at, std::size_t want, const char* what) {
    if (!v.is_array() || v.empty()) throw InputError(at + " must be a non-empty list (" + what + ")");
    if (want && v.size() != want) {
      throw InputError(at + ": expected " + str(want) + " " + what + ", got " + str(v.size()));
    }
    return v.size();
  };
  const std::size_t out = list(k, place, 0, "one kernel per output channel, each [in channel][row][column]");
  at_most(out, SpecLimits::channels, place, "output channels");
  if (!k[0].is_array() || k[0].size() != in_channels) {
    throw InputError(place + ": expected " + str(in_channels) + " input channels per kernel (the input grid has " +
                     str(in_channels) + "), got " + str(k[0].is_array() ? k[0].size() : 0));
  }
  const std::size_t kh = list(k[0][0], place + "[0][0]", 0, "kernel rows");
  const std::size_t kw = list(k[0][0][0], place + "[0][0][0]", 0, "kernel columns");
  at_most(kh, SpecLimits::kernel, place, "kernel rows");
  at_most(kw, SpecLimits::kernel, place, "kernel columns");
  Matrix<double> m = tensor::zeros<double>({out, in_channels * kh * kw});
  for (std::size_t o = 0; o < out; ++o) {
    const std::string po = place + "[" + str(o) + "]";
    list(k[o], po, in_channels, "input channels");
    for (std::size_t c = 0; c < in_channels; ++c) {
      const std::string pc = po + "[" + str(c) + "]";
      list(k[o][c], pc, kh, "kernel rows");
      for (std::size_t u = 0; u < kh; ++u) {
        const std::string pu = pc + "[" + str(u) + "]";
        list(k[o][c][u], pu, kw, "kernel columns");
        for (std::size_t v = 0; v < kw; ++v) {
          m(o, (c * kh + u) * kw + v) = fields::element(k[o][c][u][v], pu + "[" + str(v) + "]");
        }
      }
    }
  }
  layer.kh = kh;
  layer.kw = kw;
  return m;
}

tensor::Activation activation_field(const json& layer, const std::string& place) {
  const std::string name = fields::text(layer, "activation", "linear", place);
  tensor::Activation kind;
  if (!tensor::activation_named(name, kind)) {
    throw InputError(place + ": unknown activation \"" + name + "\" (" + tensor::activation_names_text() + ")");
  }
  return kind;
}

// The output grid of a window layer, with the geometry's own message prefixed by the layer's place.
void window_layer(SpecLayer& p, const std::string& place, std::size_t out_channels) {
  try {
    p.out = tensor::window_geometry(layer_kind_name(p.kind), p.in, out_channels, p.kh, p.kw, p.stride, p.pad).out;
  } catch (const InputError& e) {
    throw InputError(place + ": " + e.message());
  }
  p.out_size = p.out.size();
  at_most(p.out_size, SpecLimits::grid_values, place, "values per output grid");
}

SpecLayer dense_layer(const json& layer, const std::string& place, std::size_t fan_in) {
  fields::only_keys(layer, {"type", "W", "b", "activation"}, place);
  if (!layer.contains("W") || !layer.contains("b")) throw InputError(place + ": needs \"W\" and \"b\"");
  SpecLayer p;
  p.w = matrix_field(layer["W"], place + ".W");
  const std::size_t out = p.w.shape()[1];
  if (p.w.shape()[0] != fan_in) {
    throw InputError(place + ".W: expected " + dims(fan_in, out) + ", got " + dims(p.w.shape()[0], out) +
                     " (W is inputs × units, and " + str(fan_in) + " values flow in)");
  }
  at_most(out, SpecLimits::units, place + ".W", "units");
  p.b = row_field(layer["b"], out, place + ".b", "one per column of W");
  p.activation = activation_field(layer, place);
  p.out_size = out;
  return p;
}

SpecLayer conv_layer(const json& layer, const std::string& place, const Grid& in) {
  fields::only_keys(layer, {"type", "K", "b", "stride", "padding", "activation"}, place);
  if (!layer.contains("K") || !layer.contains("b")) throw InputError(place + ": needs \"K\" and \"b\"");
  SpecLayer p;
  p.kind = LayerKind::Conv2d;
  p.in = in;
  p.w = kernel_field(layer["K"], in.channels, place + ".K", p);
  p.b = row_field(layer["b"], p.w.shape()[0], place + ".b", "one per output channel");
  p.stride = fields::whole(layer, "stride", 1, 1, SpecLimits::stride, place);
  p.pad = fields::whole(layer, "padding", 0, 0, SpecLimits::padding, place);
  p.activation = activation_field(layer, place);
  window_layer(p, place, p.w.shape()[0]);
  return p;
}

SpecLayer pool_layer(const json& layer, const std::string& place, const Grid& in, LayerKind kind) {
  fields::only_keys(layer, {"type", "size", "stride"}, place);
  SpecLayer p;
  p.kind = kind;
  p.in = in;
  p.kh = p.kw = fields::whole(layer, "size", 2, 1, SpecLimits::kernel, place);
  p.stride = fields::whole(layer, "stride", p.kh, 1, SpecLimits::stride, place);
  window_layer(p, place, in.channels);
  return p;
}

std::vector<SpecLayer> parse_layers(const json& spec, std::size_t inputs, Grid grid) {
  if (!spec.contains("layers") || !spec["layers"].is_array() || spec["layers"].empty()) {
    throw InputError("spec: \"layers\" must be a non-empty list of {\"W\", \"b\", \"activation\"}");
  }
  at_most(spec["layers"].size(), SpecLimits::layers, "layers", "layers");
  std::vector<SpecLayer> layers;
  std::size_t fan_in = inputs;
  for (std::size_t l = 0; l < spec["layers"].size(); ++l) {
    const std::string place = "layers[" + str(l) + "]";
    const json& layer = spec["layers"][l];
    if (!layer.is_object()) throw InputError(place + ": expected a JSON object");
    const std::string type = fields::text(layer, "type", "dense", place);
    const auto* known = std::find_if(std::begin(kLayerKinds), std::end(kLayerKinds),
                                     [&](LayerKind k) { return type == layer_kind_name(k); });
    if (known == std::end(kLayerKinds)) {
      throw InputError(place + ".type: unknown layer type \"" + type + "\" (" + name_list(kLayerKinds, layer_kind_name) + ")");
    }
    const LayerKind kind = *known;
    if (kind != LayerKind::Dense && grid.empty()) {
      throw InputError(place + ": a " + type + " layer needs a grid input: give \"input_shape\" and put it before " +
                       "any dense layer");
    }
    SpecLayer p = kind == LayerKind::Dense    ? dense_layer(layer, place, fan_in)
                  : kind == LayerKind::Conv2d ? conv_layer(layer, place, grid)
                                              : pool_layer(layer, place, grid, kind);
    grid = p.out;  // empty after a dense layer
    fan_in = p.out_size;
    layers.push_back(std::move(p));
  }
  return layers;
}

// Class indices (softmax cross-entropy) as a (batch, 1) column, or target rows (batch, outputs).
Matrix<double> targets_field(const json& spec, Loss loss, std::size_t batch, std::size_t outputs) {
  if (!spec.contains("y")) throw InputError("spec: \"y\" (targets) is required");
  const json& y = spec["y"];
  if (loss != Loss::SoftmaxCrossEntropy) {
    Matrix<double> t = matrix_field(y, "y", outputs);
    if (t.shape()[0] != batch) throw InputError("spec: \"y\" has " + str(t.shape()[0]) + " rows, \"x\" has " + str(batch));
    return t;
  }
  if (!y.is_array() || y.size() != batch) throw InputError("spec: \"y\" must list one class index per row of \"x\"");
  Matrix<double> t = tensor::zeros<double>({batch, 1});
  for (std::size_t i = 0; i < batch; ++i) {
    if (!y[i].is_number_integer() || y[i].get<long long>() < 0 || y[i].get<long long>() >= (long long)outputs) {
      throw InputError("y[" + str(i) + "] must be a class index in [0, " + str(outputs) + ")");
    }
    t(i, 0) = double(y[i].get<long long>());
  }
  return t;
}

}  // namespace

ParsedSpec parse_spec(const json& spec) {
  fields::only_keys(spec, {"layers", "loss", "x", "y", "optimizer", "input_shape"}, "spec");
  ParsedSpec p;
  if (!spec.contains("x")) throw InputError("spec: \"x\" (input rows) is required");
  if (spec["x"].is_array()) at_most(spec["x"].size(), SpecLimits::rows, "x", "rows");
  p.x = matrix_field(spec["x"], "x");
  if (spec.contains("input_shape")) {
    p.input_grid = grid_field(spec);
    if (p.x.shape()[1] != p.input_grid.size()) {
      throw InputError("x: each row must hold the " + tensor::grid_text(p.input_grid) + " input grid (" +
                       str(p.input_grid.size()) + " values, channel by channel, row-major), got " + str(p.x.shape()[1]));
    }
  } else {
    at_most(p.x.shape()[1], SpecLimits::units, "x", "values per row");
  }
  p.layers = parse_layers(spec, p.x.shape()[1], p.input_grid);
  std::size_t fan_in = p.x.shape()[1];
  for (std::size_t l = 0; l < p.layers.size(); ++l) {  // each output value costs its window or its fan-in
    const SpecLayer& layer = p.layers[l];
    const std::size_t per_value = layer.kind == LayerKind::Dense ? fan_in
                                  : layer.kind == LayerKind::Conv2d ? layer.in.channels * layer.kh * layer.kw
                                                                    : layer.kh * layer.kw;
    at_most(p.x.shape()[0] * layer.out_size * per_value, SpecLimits::work, "layers[" + str(l) + "]",
            "multiply-adds over the batch");
    fan_in = layer.out_size;
  }
  const std::string loss_text = fields::text(spec, "loss", "", "spec");
  if (!loss_named(loss_text, p.loss)) throw InputError("spec: \"loss\" must be one of " + name_list(kLosses, loss_name));
  p.targets = targets_field(spec, p.loss, p.x.shape()[0], p.layers.back().out_size);
  if (!spec.contains("optimizer")) throw InputError("spec: \"optimizer\" is required, e.g. {\"type\": \"sgd\", \"lr\": 0.5}");
  p.optimizer = optimizer_from_json(spec["optimizer"]);
  return p;
}

OptimizerConfig optimizer_from_json(const json& spec) {
  const std::string where = "optimizer";
  if (!spec.is_object()) throw InputError("optimizer: expected an object like {\"type\": \"sgd\", \"lr\": 0.1}");
  fields::only_keys(spec, {"type", "lr", "momentum", "beta1", "beta2", "eps"}, where);
  OptimizerConfig c;
  const std::string type = spec.contains("type") && spec["type"].is_string() ? spec["type"].get<std::string>() : "";
  const std::vector<std::string>& names = optimizer_names();
  const auto found = std::find(names.begin(), names.end(), type);
  if (found == names.end()) throw InputError("optimizer: \"type\" must be one of " + name_list(names));
  c.kind = static_cast<OptimizerConfig::Kind>(found - names.begin());
  c.lr = fields::number(spec, "lr", c.kind == OptimizerConfig::Kind::Adam ? 0.001 : 0.1, 0, limits::kMaxLearningRate, where);
  c.momentum = fields::number(spec, "momentum", c.momentum, 0, 1, where);
  c.beta1 = fields::number(spec, "beta1", c.beta1, 0, 0.9999999, where);  // β = 1 would divide by 1 − βᵗ = 0
  c.beta2 = fields::number(spec, "beta2", c.beta2, 0, 0.9999999, where);
  c.eps = fields::number(spec, "eps", c.eps, 1e-30, 1, where);
  return c;
}

json optimizer_to_json(const OptimizerConfig& c) {
  switch (c.kind) {
    case OptimizerConfig::Kind::Sgd: return {{"type", "sgd"}, {"lr", c.lr}};
    case OptimizerConfig::Kind::Momentum: return {{"type", "momentum"}, {"lr", c.lr}, {"momentum", c.momentum}};
    case OptimizerConfig::Kind::Adam:
      return {{"type", "adam"}, {"lr", c.lr}, {"beta1", c.beta1}, {"beta2", c.beta2}, {"eps", c.eps}};
  }
  return nullptr;
}

}  // namespace bp::wire
