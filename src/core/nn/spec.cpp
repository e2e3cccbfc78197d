// The `mlp` command's engine side: builds a checked spec's float64 graph (spec_net.cpp) and runs forward →
// backward → one optimiser step → forward, reporting each stage, plus the step trace of the first pass
// (tensor/step_trace.hpp). Float64 throughout, so worked examples (Matt Mazur's 2-2-2 network) come out to
// every printed digit. The per-layer trace (z, a and their gradients for every row) is what the training page's
// "backprop one point" panel shows, so the two can be compared.
#include "core/nn/spec.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/spec_net.hpp"

namespace bp::nn {
namespace {

using tensor::Matrix;

LayerParams layer_params(const SpecNet& net, std::size_t l, bool grads) {
  if (net.first_param[l] < 0) return {};
  const tensor::Parameter<double>& w = net.params[std::size_t(net.first_param[l])];
  const tensor::Parameter<double>& b = net.params[std::size_t(net.first_param[l]) + 1];
  return {true, grads ? w.grad : w.value, grads ? b.grad : b.value};
}

std::optional<double> weight_grad_norm(const SpecNet& net, std::size_t l) {
  if (net.first_param[l] < 0) return std::nullopt;
  const Matrix<double>& dw = net.params[std::size_t(net.first_param[l])].grad;
  double sum = 0;
  for (std::size_t i = 0; i < dw.size(); ++i) sum += dw.data()[i] * dw.data()[i];
  return std::sqrt(sum);
}

}  // namespace

StepReport mlp_step(const ParsedSpec& spec) {
  const std::unique_ptr<SpecNet> net = build_spec_net(spec);
  tensor::Graph<double>& g = net->graph;
  g.forward();
  g.backward(net->loss);
  StepReport report;
  report.outputs = g.value(net->a.back());
  report.loss = g.value(net->loss)(0, 0);
  for (std::size_t l = 0; l < spec.layers.size(); ++l) {
    report.grads.push_back(layer_params(*net, l, true));
    report.grad_norms.push_back(weight_grad_norm(*net, l));
    report.trace.push_back({g.value(net->z[l]), g.value(net->a[l]), g.grad(net->z[l]), g.grad(net->a[l])});
  }
  if (spec.loss == Loss::SoftmaxCrossEntropy) report.probs = g.probs(net->loss);
  report.steps = tensor::trace_steps(g, net->names, net->loss);
  Optimizer<double> optimizer(spec.optimizer, net->params);
  optimizer.step();
  for (std::size_t l = 0; l < spec.layers.size(); ++l) report.updated.push_back(layer_params(*net, l, false));
  g.forward();
  report.loss_after = g.value(net->loss)(0, 0);
  return report;
}

tensor::EntrySum mlp_entry(const ParsedSpec& spec, const std::string& target, std::size_t row, std::size_t col) {
  const std::unique_ptr<SpecNet> net = build_spec_net(spec);
  net->graph.forward();
  net->graph.backward(net->loss);
  const std::optional<tensor::MatrixRule> rule = tensor::find_rule(net->graph, net->names, net->loss, target);
  if (!rule) throw InputError("entry: no step computes \"" + target + "\"");
  return tensor::entry_sum(*rule, row, col);
}

}  // namespace bp::nn
