// The Inspector of inspector.hpp. Before each sample it copies the trainer's weights into its float64 network
// (widening is exact), runs that one row forward and backward, and reads the values off the graph; the
// gradients of that graph stay its own, so training is untouched.
#include "core/nn/inspector.hpp"

#include <algorithm>
#include <cstdint>

#include "core/error.hpp"

namespace bp::nn {
namespace {

using tensor::Matrix;

template <class M>
std::vector<double> doubles(const M& m) { return std::vector<double>(m.data(), m.data() + m.size()); }

// Entries [from, from + count) of a trainer block (float or double), as doubles.
std::vector<double> widened(const RawArray& a, bool float32, std::size_t from = 0, std::size_t count = SIZE_MAX) {
  count = std::min(count, a.size - from);
  if (float32) {
    const float* p = static_cast<const float*>(a.data) + from;
    return std::vector<double>(p, p + count);
  }
  const double* p = static_cast<const double*>(a.data) + from;
  return std::vector<double>(p, p + count);
}

Matrix<double> matrix(const std::vector<double>& values, std::size_t rows, std::size_t cols) {
  Matrix<double> m = tensor::zeros<double>({rows, cols});
  std::copy(values.begin(), values.end(), m.data());
  return m;
}

std::size_t argmax_of(const Matrix<double>& m) {
  const double* row = m.data();
  return static_cast<std::size_t>(std::max_element(row, row + m.shape()[1]) - row);
}

}  // namespace

struct Inspector::Sample {
  explicit Sample(const Trainer& t) : mlp(t.data().d, layer_specs(t.config(), t.data().classes)),
                                      net(mlp.build(1, Loss::SoftmaxCrossEntropy, 0.0, false)) {}
  Mlp<double> mlp;
  Mlp<double>::Net net;
};

Inspector::Inspector(Trainer& trainer) : trainer_(trainer) {}
Inspector::~Inspector() = default;

void Inspector::check_row(std::size_t row) const {
  const std::size_t n = trainer_.data().n;
  if (row >= n) throw InputError("row " + std::to_string(row) + " is outside 0.." + std::to_string(n - 1));
}

std::vector<double> Inspector::input_row(std::size_t row) const {
  const std::size_t d = trainer_.data().d;
  return widened(trainer_.inputs(), trainer_.float32(), row * d, d);
}

std::vector<double> Inspector::weights(std::size_t layer, bool bias) const {
  return widened(trainer_.parameter(layer, bias, false), trainer_.float32());
}

tensor::Graph<double>& Inspector::run_sample(std::size_t row) {
  check_row(row);
  if (!sample_) sample_ = std::make_unique<Sample>(trainer_);
  for (std::size_t l = 0; l < trainer_.layer_count(); ++l) {
    for (bool bias : {false, true}) {
      const std::vector<double> w = weights(l, bias);
      std::copy(w.begin(), w.end(), (bias ? sample_->mlp.bias(l) : sample_->mlp.weight(l)).value.data());
    }
  }
  tensor::Graph<double>& g = sample_->net.graph;
  const std::vector<double> x = input_row(row);
  std::copy(x.begin(), x.end(), g.value(sample_->net.x).data());
  g.value(sample_->net.targets)(0, 0) = static_cast<double>(trainer_.data().y[row]);
  g.forward();
  g.backward(sample_->net.loss);
  return g;
}

// f'(z) of one unit of `layer`, through the activation's own backward rule (da = 1).
double Inspector::slope_of(std::size_t layer, double z, double a) const {
  Matrix<double> zm = tensor::zeros<double>({1, 1}), am = zm, ones = zm, dz = zm;
  zm(0, 0) = z;
  am(0, 0) = a;
  ones(0, 0) = 1.0;
  tensor::activation_backward(sample_->mlp.layers()[layer].activation, zm, am, ones, dz);
  return dz(0, 0);
}

SampleReport Inspector::inspect(std::size_t row) {
  tensor::Graph<double>& g = run_sample(row);
  const Mlp<double>::Net& net = sample_->net;
  SampleReport out;
  for (std::size_t l = 0; l < trainer_.layer_count(); ++l) {
    out.layers.push_back({sample_->mlp.layers()[l].activation, doubles(g.value(net.z[l])), doubles(g.value(net.a[l])),
                          doubles(g.grad(net.z[l])), doubles(g.grad(net.a[l])), doubles(g.grad(net.w[l])),
                          doubles(g.grad(net.b[l]))});
  }
  const Matrix<double>& probs = g.probs(net.data_loss);
  out.row = row;
  out.x = input_row(row);
  out.label = trainer_.data().y[row];
  out.test = row >= trainer_.train_rows();
  out.loss = g.value(net.loss)(0, 0);
  out.probs = doubles(probs);
  out.prediction = argmax_of(probs);
  return out;
}

ChainExplanation Inspector::explain(std::size_t row, std::size_t layer, std::size_t from, std::size_t to) {
  const RawArray w = trainer_.parameter(layer, false, false);  // InputError for a bad layer
  const std::size_t in = w.rows, out = w.cols;
  if (from > in || to >= out) {
    throw InputError("explain: layer " + std::to_string(layer) + " has weights W[0.." + std::to_string(in - 1) +
                     "][0.." + std::to_string(out - 1) + "] and biases b[0.." + std::to_string(out - 1) + "]");
  }
  tensor::Graph<double>& g = run_sample(row);
  const Mlp<double>::Net& net = sample_->net;
  ChainQuestion q;
  q.x = input_row(row);
  q.label = static_cast<std::size_t>(trainer_.data().y[row]);
  q.probs = doubles(g.probs(net.data_loss));
  for (std::size_t l = 0; l < trainer_.layer_count(); ++l) {
    q.layers.push_back({sample_->mlp.layers()[l].activation, doubles(g.value(net.z[l])), doubles(g.value(net.a[l])),
                        doubles(g.grad(net.z[l])), doubles(g.grad(net.a[l]))});
  }
  if (layer + 1 < trainer_.layer_count()) q.next_w = weights(layer + 1, false);
  q.layer = layer;
  q.from = from;
  q.to = to;
  q.bias = from == in;
  q.parameter = q.bias ? weights(layer, true)[to] : weights(layer, false)[from * out + to];
  q.gradient = q.bias ? g.grad(net.b[layer])(0, to) : g.grad(net.w[layer])(from, to);
  q.slope = slope_of(layer, g.value(net.z[layer])(0, to), g.value(net.a[layer])(0, to));
  return chain_rule(q);
}

ParsedSpec Inspector::spec(std::size_t row) {
  check_row(row);
  return rows_spec(row, 1);
}

ParsedSpec Inspector::batch_spec(std::size_t count) {
  if (count == 0) throw InputError("batch_spec: count must be at least 1");
  return rows_spec(trainer_.next_batch_first(), std::min(count, trainer_.batch_size()));
}

// This network and rows [first, first + count) as a `./tutor mlp` spec.
ParsedSpec Inspector::rows_spec(std::size_t first, std::size_t count) const {
  ParsedSpec spec;
  const std::vector<LayerSpec> layers = layer_specs(trainer_.config(), trainer_.data().classes);
  std::size_t fan_in = trainer_.data().d;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    SpecLayer layer;
    layer.w = matrix(weights(l, false), fan_in, layers[l].units);
    layer.b = matrix(weights(l, true), 1, layers[l].units);
    layer.activation = layers[l].activation;
    layer.out_size = layers[l].units;
    spec.layers.push_back(std::move(layer));
    fan_in = layers[l].units;
  }
  const std::size_t d = trainer_.data().d;
  spec.x = tensor::zeros<double>({count, d});
  spec.targets = tensor::zeros<double>({count, 1});
  for (std::size_t r = 0; r < count; ++r) {
    const std::vector<double> x = input_row(first + r);
    std::copy(x.begin(), x.end(), spec.x.data() + r * d);
    spec.targets(r, 0) = trainer_.data().y[first + r];
  }
  spec.loss = Loss::SoftmaxCrossEntropy;
  spec.optimizer = trainer_.config().optimizer;
  return spec;
}

Description Inspector::describe() const {
  Description out;
  const Dataset& data = trainer_.data();
  std::size_t fan_in = data.d;
  for (const LayerSpec& spec : layer_specs(trainer_.config(), data.classes)) {
    out.layers.push_back({fan_in, spec.units, spec.activation});
    out.parameters += (fan_in + 1) * spec.units;
    fan_in = spec.units;
  }
  out.config = trainer_.config();
  out.config.batch_size = trainer_.batch_size();
  out.dataset = data.name;
  out.n = data.n;
  out.d = data.d;
  out.classes = data.classes;
  out.train_rows = trainer_.train_rows();
  out.test_rows = data.n - trainer_.train_rows();
  out.steps = trainer_.steps();
  return out;
}

}  // namespace bp::nn
