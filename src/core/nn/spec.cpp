// The `mlp` command's engine side: reads the spec (spec_parse.cpp), builds its float64 graph (spec_net.cpp) and
// runs forward → backward → one optimiser step → forward, reporting each stage, plus the step trace of the first
// pass (tensor/step_trace.hpp). Float64 throughout, so worked examples (Matt Mazur's 2-2-2 network) come out to
// every printed digit. The per-layer trace (z, a and their gradients for every row) is what the training page's
// "backprop one point" panel shows, so the two can be compared.
#include "core/nn/spec.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/nn/spec_net.hpp"
#include "core/tensor/entry_sum.hpp"
#include "core/tensor/step_trace.hpp"

namespace bp::nn {
namespace {

using nlohmann::json;
using tensor::Matrix;

json rows_json(const Matrix<double>& m) {
  json out = json::array();
  for (std::size_t i = 0; i < m.shape()[0]; ++i) {
    out.push_back(std::vector<double>(m.data() + i * m.shape()[1], m.data() + (i + 1) * m.shape()[1]));
  }
  return out;
}

json flat_json(const Matrix<double>& m) { return std::vector<double>(m.data(), m.data() + m.size()); }

// K (Cout, Cin·kh·kw) back into the spec's nesting K[o][c][u][v].
json kernel_json(const Matrix<double>& k, const SpecLayer& layer) {
  json out = json::array();
  for (std::size_t o = 0; o < k.shape()[0]; ++o) {
    json channels = json::array();
    for (std::size_t c = 0; c < layer.in.channels; ++c) {
      json rows = json::array();
      for (std::size_t u = 0; u < layer.kh; ++u) {
        const double* row = k.data() + o * k.shape()[1] + (c * layer.kh + u) * layer.kw;
        rows.push_back(std::vector<double>(row, row + layer.kw));
      }
      channels.push_back(rows);
    }
    out.push_back(channels);
  }
  return out;
}

// A layer's weights (or their gradients) as the spec writes them: {"W", "b"}, {"K", "b"}, or {} for pooling.
json layer_params(const SpecNet& net, const ParsedSpec& spec, std::size_t l, bool grads) {
  if (net.first_param[l] < 0) return json::object();
  const tensor::Parameter<double>& w = net.params[std::size_t(net.first_param[l])];
  const tensor::Parameter<double>& b = net.params[std::size_t(net.first_param[l]) + 1];
  const Matrix<double>& wm = grads ? w.grad : w.value;
  if (spec.layers[l].kind == LayerKind::Conv2d) return {{"K", kernel_json(wm, spec.layers[l])}, {"b", flat_json(grads ? b.grad : b.value)}};
  return {{"W", rows_json(wm)}, {"b", flat_json(grads ? b.grad : b.value)}};
}

// The Frobenius norm of layer l's weight gradient (W or K), or null for a layer without weights (pooling).
json weight_grad_norm(const SpecNet& net, std::size_t l) {
  if (net.first_param[l] < 0) return nullptr;
  const Matrix<double>& dw = net.params[std::size_t(net.first_param[l])].grad;
  double sum = 0;
  for (std::size_t i = 0; i < dw.size(); ++i) sum += dw.data()[i] * dw.data()[i];
  return std::sqrt(sum);
}

}  // namespace

json mlp_step_report(const json& spec_json) {
  const ParsedSpec spec = parse_spec(spec_json);
  const std::unique_ptr<SpecNet> net = build_spec_net(spec);
  tensor::Graph<double>& g = net->graph;
  g.forward();
  g.backward(net->loss);
  json report;
  report["outputs"] = rows_json(g.value(net->a.back()));
  report["loss"] = g.value(net->loss)(0, 0);
  json grads = json::array(), updated = json::array(), trace = json::array(), norms = json::array();
  for (std::size_t l = 0; l < spec.layers.size(); ++l) {
    grads.push_back(layer_params(*net, spec, l, true));
    norms.push_back(weight_grad_norm(*net, l));
    trace.push_back({{"z", rows_json(g.value(net->z[l]))}, {"a", rows_json(g.value(net->a[l]))},
                     {"dz", rows_json(g.grad(net->z[l]))}, {"da", rows_json(g.grad(net->a[l]))}});
  }
  report["trace"] = trace;
  if (spec.loss == Loss::SoftmaxCrossEntropy) report["probs"] = rows_json(g.probs(net->loss));
  report["steps"] = tensor::trace_steps(g, net->names, net->loss);
  Optimizer<double> optimizer(spec.optimizer, net->params);
  optimizer.step();
  for (std::size_t l = 0; l < spec.layers.size(); ++l) updated.push_back(layer_params(*net, spec, l, false));
  g.forward();
  report["grads"] = grads;
  report["grad_norms"] = norms;
  report["updated"] = updated;
  report["loss_after"] = g.value(net->loss)(0, 0);
  return report;
}

json mlp_entry_report(const json& spec_json, const std::string& target, std::size_t row, std::size_t col) {
  const ParsedSpec spec = parse_spec(spec_json);
  const std::unique_ptr<SpecNet> net = build_spec_net(spec);
  net->graph.forward();
  net->graph.backward(net->loss);
  const std::optional<tensor::MatrixRule> rule = tensor::find_rule(net->graph, net->names, net->loss, target);
  if (!rule) throw InputError("entry: no step computes \"" + target + "\"");
  return tensor::entry_json(*rule, row, col);
}

}  // namespace bp::nn
