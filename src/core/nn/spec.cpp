// The `mlp` command's engine side: checks a spec field by field, builds the MLP with the given weights, and runs
// forward → backward → one optimiser step → forward, reporting each stage. Float64 throughout, so worked examples
// (seed 002's 2-2-2 network) come out to every printed digit. The per-layer trace (z, a and their gradients for
// every row) is what the training page's "backprop one point" panel shows, so the two can be compared.
#include "core/nn/spec.hpp"

#include <string>

#include "core/nn/json_fields.hpp"
#include "core/nn/mlp.hpp"
#include "core/nn/optimizer.hpp"

namespace bp::nn {
namespace {

using nlohmann::json;
using tensor::Matrix;

// A list of equal-length rows of finite numbers, e.g. W or x. `cols` 0 means "any, but the same for all rows".
Matrix<double> matrix_field(const json& v, const std::string& place, std::size_t cols = 0) {
  if (!v.is_array() || v.empty()) throw InputError(place + " must be a non-empty list of rows");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_array() || v[i].empty()) throw InputError(place + "[" + std::to_string(i) + "] must be a row (a list of numbers)");
    if (cols == 0) cols = v[i].size();
    if (v[i].size() != cols) {
      throw InputError(place + "[" + std::to_string(i) + "] has " + std::to_string(v[i].size()) + " numbers, expected " +
                       std::to_string(cols));
    }
  }
  Matrix<double> m = tensor::zeros<double>({v.size(), cols});
  for (std::size_t i = 0; i < v.size(); ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      m(i, j) = fields::element(v[i][j], place + "[" + std::to_string(i) + "][" + std::to_string(j) + "]");
    }
  }
  return m;
}

json rows_json(const Matrix<double>& m) {
  json out = json::array();
  for (std::size_t i = 0; i < m.shape()[0]; ++i) {
    out.push_back(std::vector<double>(m.data() + i * m.shape()[1], m.data() + (i + 1) * m.shape()[1]));
  }
  return out;
}

json flat_json(const Matrix<double>& m) { return std::vector<double>(m.data(), m.data() + m.size()); }

struct ParsedLayer {
  Matrix<double> w, b;
  LayerSpec spec;
};

std::vector<ParsedLayer> parse_layers(const json& spec, std::size_t inputs) {
  if (!spec.contains("layers") || !spec["layers"].is_array() || spec["layers"].empty()) {
    throw InputError("spec: \"layers\" must be a non-empty list of {\"W\", \"b\", \"activation\"}");
  }
  std::vector<ParsedLayer> layers;
  std::size_t fan_in = inputs;
  for (std::size_t l = 0; l < spec["layers"].size(); ++l) {
    const std::string place = "layers[" + std::to_string(l) + "]";
    const json& layer = spec["layers"][l];
    fields::only_keys(layer, {"W", "b", "activation"}, place);
    if (!layer.contains("W") || !layer.contains("b")) throw InputError(place + ": needs \"W\" and \"b\"");
    ParsedLayer p;
    p.w = matrix_field(layer["W"], place + ".W");
    if (p.w.shape()[0] != fan_in) {
      throw InputError(place + ".W has shape " + tensor::shape_text(tensor::shape_of(p.w)) + " but its input has " +
                       std::to_string(fan_in) + " values: W must be (" + std::to_string(fan_in) + ", out)");
    }
    const std::size_t out = p.w.shape()[1];
    if (!layer["b"].is_array() || layer["b"].size() != out) {
      throw InputError(place + ".b must be a list of " + std::to_string(out) + " numbers (one per column of W)");
    }
    p.b = tensor::zeros<double>({1, out});
    for (std::size_t j = 0; j < out; ++j) p.b(0, j) = fields::element(layer["b"][j], place + ".b[" + std::to_string(j) + "]");
    const std::string activation = fields::text(layer, "activation", "linear", place);
    if (!tensor::activation_named(activation, p.spec.activation)) {
      throw InputError(place + ": unknown activation \"" + activation + "\" (sigmoid, tanh, relu, leaky_relu, linear)");
    }
    p.spec.units = out;
    layers.push_back(std::move(p));
    fan_in = out;
  }
  return layers;
}

// Class indices (softmax cross-entropy) as a (batch, 1) column, or target rows (batch, outputs).
Matrix<double> targets_field(const json& spec, Loss loss, std::size_t batch, std::size_t outputs) {
  if (!spec.contains("y")) throw InputError("spec: \"y\" (targets) is required");
  const json& y = spec["y"];
  if (loss != Loss::SoftmaxCrossEntropy) {
    Matrix<double> t = matrix_field(y, "y", outputs);
    if (t.shape()[0] != batch) throw InputError("spec: \"y\" has " + std::to_string(t.shape()[0]) + " rows, \"x\" has " + std::to_string(batch));
    return t;
  }
  if (!y.is_array() || y.size() != batch) throw InputError("spec: \"y\" must list one class index per row of \"x\"");
  Matrix<double> t = tensor::zeros<double>({batch, 1});
  for (std::size_t i = 0; i < batch; ++i) {
    if (!y[i].is_number_integer() || y[i].get<long long>() < 0 || y[i].get<long long>() >= (long long)outputs) {
      throw InputError("y[" + std::to_string(i) + "] must be a class index in [0, " + std::to_string(outputs) + ")");
    }
    t(i, 0) = double(y[i].get<long long>());
  }
  return t;
}

}  // namespace

json mlp_step_report(const json& spec) {
  fields::only_keys(spec, {"layers", "loss", "x", "y", "optimizer"}, "spec");
  if (!spec.contains("x")) throw InputError("spec: \"x\" (input rows) is required");
  const Matrix<double> x = matrix_field(spec["x"], "x");
  std::vector<ParsedLayer> parsed = parse_layers(spec, x.shape()[1]);
  Loss loss;
  const std::string loss_text = fields::text(spec, "loss", "", "spec");
  if (!loss_named(loss_text, loss)) throw InputError("spec: \"loss\" must be \"half_sse\", \"mse\" or \"softmax_cross_entropy\"");
  const Matrix<double> targets = targets_field(spec, loss, x.shape()[0], parsed.back().w.shape()[1]);
  if (!spec.contains("optimizer")) throw InputError("spec: \"optimizer\" is required, e.g. {\"type\": \"sgd\", \"lr\": 0.5}");
  const OptimizerConfig optimizer_config = optimizer_from_json(spec["optimizer"]);

  std::vector<LayerSpec> specs;
  for (const ParsedLayer& p : parsed) specs.push_back(p.spec);
  Mlp<double> mlp(x.shape()[1], specs);
  for (std::size_t l = 0; l < parsed.size(); ++l) {
    mlp.weight(l).value = parsed[l].w;
    mlp.bias(l).value = parsed[l].b;
  }
  auto net = mlp.build(x.shape()[0], loss);
  net.graph.value(net.x) = x;
  net.graph.value(net.targets) = targets;
  net.graph.forward();
  net.graph.backward(net.loss);
  json report;
  report["outputs"] = rows_json(net.graph.value(net.a.back()));
  report["loss"] = net.graph.value(net.loss)(0, 0);
  json grads = json::array(), updated = json::array(), trace = json::array();
  for (std::size_t l = 0; l < parsed.size(); ++l) {
    grads.push_back({{"W", rows_json(mlp.weight(l).grad)}, {"b", flat_json(mlp.bias(l).grad)}});
    trace.push_back({{"z", rows_json(net.graph.value(net.z[l]))}, {"a", rows_json(net.graph.value(net.a[l]))},
                     {"dz", rows_json(net.graph.grad(net.z[l]))}, {"da", rows_json(net.graph.grad(net.a[l]))}});
  }
  report["trace"] = trace;
  if (loss == Loss::SoftmaxCrossEntropy) report["probs"] = rows_json(net.graph.probs(net.data_loss));
  Optimizer<double> optimizer(optimizer_config, mlp.params());
  optimizer.step();
  for (std::size_t l = 0; l < parsed.size(); ++l) {
    updated.push_back({{"W", rows_json(mlp.weight(l).value)}, {"b", flat_json(mlp.bias(l).value)}});
  }
  net.graph.forward();
  report["grads"] = grads;
  report["updated"] = updated;
  report["loss_after"] = net.graph.value(net.loss)(0, 0);
  return report;
}

}  // namespace bp::nn
