// The training session behind the Trainer interface, for T = float or double. All graphs are built once (the
// grid's again only when its size changes); a step copies its batch rows into the training graph's inputs, runs
// forward, backward and the optimiser, and allocates nothing. With "halt_on_divergence" each step also checks its
// loss and weights (a few hundred comparisons) and stops training at the first that went wrong. One sample
// (inspect, explain) always runs in float64 on a copy of the weights, whatever the training precision: it then
// computes exactly what `./tutor mlp` computes from spec(row), which writes the same weights out.
#include "core/nn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "core/error.hpp"
#include "core/nn/chain_rule.hpp"

namespace bp::nn {
namespace {

using tensor::Matrix;

template <class T>
std::vector<T> row_of(const Matrix<T>& m, std::size_t r) {
  const std::size_t c = m.shape()[1];
  return std::vector<T>(m.data() + r * c, m.data() + (r + 1) * c);
}

template <class T>
std::vector<double> doubles(const Matrix<T>& m) { return std::vector<double>(m.data(), m.data() + m.size()); }

template <class T>
std::size_t argmax_of(const Matrix<T>& m, std::size_t r) {
  const T* row = m.data() + r * m.shape()[1];
  return static_cast<std::size_t>(std::max_element(row, row + m.shape()[1]) - row);
}

template <class T>
nlohmann::json rows_json(const Matrix<T>& m) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t r = 0; r < m.shape()[0]; ++r) {
    const std::vector<T> row = row_of(m, r);
    out.push_back(std::vector<double>(row.begin(), row.end()));
  }
  return out;
}

// The rate a diverged run is offered: at most a tenth of the one that failed and at most the optimiser's usual
// rate, rounded down to the 1-3-10 ladder of the page's rate menu.
double suggested_rate(const OptimizerConfig& o) {
  const std::vector<double>& ladder = learning_rate_ladder();
  const double usual = o.kind == OptimizerConfig::Kind::Adam ? 0.01 : o.kind == OptimizerConfig::Kind::Momentum ? 0.03 : 0.1;
  const double cap = std::min(o.lr / 10, usual);
  double best = ladder[0];
  for (double rate : ladder) {
    if (rate <= cap) best = rate;
  }
  return best;
}

template <class T>
class TrainerImpl final : public Trainer {
 public:
  TrainerImpl(const TrainerConfig& config, Dataset data, std::size_t train_rows)
      : config_(config), data_(std::move(data)), train_n_(train_rows), mlp_(data_.d, layer_specs(config, data_.classes)),
        optimizer_(config.optimizer, mlp_.params()), sample_mlp_(data_.d, layer_specs(config, data_.classes)) {
    batch_ = config.batch_size == 0 ? train_n_ : std::min(config.batch_size, train_n_);
    batches_per_pass_ = train_n_ / batch_;
    x_ = tensor::zeros<T>({data_.n, data_.d});
    labels_ = tensor::zeros<T>({data_.n, 1});
    for (std::size_t i = 0; i < data_.x.size(); ++i) x_.data()[i] = static_cast<T>(data_.x[i]);
    for (std::size_t i = 0; i < data_.n; ++i) labels_.data()[i] = static_cast<T>(data_.y[i]);
    if (config.params.empty()) {
      mlp_.initialize(config.init, config.data_options.seed);
    } else {
      load_params(config.params);
    }
    for (const auto& p : mlp_.params()) initial_.push_back(p.value);
    train_ = mlp_.build(batch_, Loss::SoftmaxCrossEntropy, static_cast<T>(config.l2), true, static_cast<T>(config.l1));
    load_batch(0);
  }

  void step(std::size_t n) override {
    for (std::size_t s = 0; s < n && !divergence_; ++s) {
      if (batches_per_pass_ > 1) load_batch(steps_ % batches_per_pass_);
      train_.graph.forward();
      train_.graph.backward(train_.loss);
      optimizer_.step();
      last_loss_ = static_cast<double>(train_.graph.value(train_.loss)(0, 0));
      ++steps_;
      if (config_.halt_on_divergence) check_divergence();
    }
  }

  void reset() override {
    for (std::size_t k = 0; k < initial_.size(); ++k) {
      mlp_.params()[k].value = initial_[k];
      mlp_.params()[k].grad.fill(T(0));
    }
    optimizer_.reset();
    steps_ = 0;
    last_loss_ = std::numeric_limits<double>::quiet_NaN();
    divergence_.reset();
    load_batch(0);
  }

  std::size_t steps() const override { return steps_; }
  double last_loss() const override { return last_loss_; }
  const Divergence* divergence() const override { return divergence_ ? &*divergence_ : nullptr; }
  bool float32() const override { return std::is_same_v<T, float>; }
  std::size_t layer_count() const override { return mlp_.layers().size(); }
  std::size_t train_rows() const override { return train_n_; }
  const Dataset& data() const override { return data_; }

  Metrics evaluate() override { return metrics(eval_, 0, train_n_); }
  Metrics evaluate_test() override {
    if (train_n_ == data_.n) return {std::numeric_limits<double>::quiet_NaN(), 0};
    return metrics(test_eval_, train_n_, data_.n);
  }

  const std::vector<int>& predictions() override {
    predictions_.resize(data_.n);
    predict_into(eval_, 0, train_n_);
    if (train_n_ < data_.n) predict_into(test_eval_, train_n_, data_.n);
    return predictions_;
  }

  RawArray parameter(std::size_t layer, bool bias, bool grad) override {
    check_layer(layer);
    const tensor::Parameter<T>& p = bias ? mlp_.bias(layer) : mlp_.weight(layer);
    const Matrix<T>& m = grad ? p.grad : p.value;
    return {m.data(), m.size(), m.shape()[0], m.shape()[1]};
  }

  RawArray grid(double x0, double x1, double y0, double y1, std::size_t nx, std::size_t ny) override {
    if (data_.d != 2) throw InputError("grid: the data has " + std::to_string(data_.d) + " features, not 2");
    if (nx < 2 || ny < 2 || nx * ny > 250000) throw InputError("grid: nx and ny must be ≥ 2, nx·ny ≤ 250000");
    if (!grid_ || grid_->graph.value(grid_->x).shape()[0] != nx * ny) {
      grid_ = std::make_unique<typename Mlp<T>::Net>(mlp_.build(nx * ny, Loss::SoftmaxCrossEntropy, T(0), false));
    }
    Matrix<T>& points = grid_->graph.value(grid_->x);
    for (std::size_t j = 0; j < ny; ++j) {
      for (std::size_t i = 0; i < nx; ++i) {
        points(j * nx + i, 0) = static_cast<T>(x0 + (x1 - x0) * double(i) / double(nx - 1));
        points(j * nx + i, 1) = static_cast<T>(y0 + (y1 - y0) * double(j) / double(ny - 1));
      }
    }
    grid_->graph.forward();  // targets stay 0, a valid class: only the probabilities are read
    const Matrix<T>& probs = grid_->graph.probs(grid_->data_loss);
    return {probs.data(), probs.size(), probs.shape()[0], probs.shape()[1]};
  }

  RawArray grid_layer(std::size_t layer) override {
    check_layer(layer);
    if (!grid_) throw InputError("grid_layer: call grid() first");
    const Matrix<T>& a = grid_->graph.value(grid_->a[layer]);
    return {a.data(), a.size(), a.shape()[0], a.shape()[1]};
  }

  nlohmann::json inspect(std::size_t row) override {
    tensor::Graph<double>& g = run_sample(row);
    nlohmann::json layers = nlohmann::json::array();
    for (std::size_t l = 0; l < layer_count(); ++l) {
      layers.push_back({{"activation", tensor::activation_name(mlp_.layers()[l].activation)},
                        {"z", row_of(g.value(sample_->z[l]), 0)}, {"a", row_of(g.value(sample_->a[l]), 0)},
                        {"dz", row_of(g.grad(sample_->z[l]), 0)}, {"da", row_of(g.grad(sample_->a[l]), 0)},
                        {"dW", doubles(g.grad(sample_->w[l]))}, {"db", doubles(g.grad(sample_->b[l]))}});
    }
    const Matrix<double>& probs = g.probs(sample_->data_loss);
    return {{"row", row}, {"x", row_of(x_, row)}, {"label", data_.y[row]}, {"test", row >= train_n_},
            {"loss", g.value(sample_->loss)(0, 0)}, {"probs", row_of(probs, 0)},
            {"prediction", argmax_of(probs, 0)}, {"layers", layers}};
  }

  nlohmann::json explain(std::size_t row, std::size_t layer, std::size_t from, std::size_t to) override {
    check_layer(layer);
    const Matrix<T>& w = mlp_.weight(layer).value;
    const std::size_t in = w.shape()[0], out = w.shape()[1];
    if (from > in || to >= out) {
      throw InputError("explain: layer " + std::to_string(layer) + " has weights W[0.." + std::to_string(in - 1) +
                       "][0.." + std::to_string(out - 1) + "] and biases b[0.." + std::to_string(out - 1) + "]");
    }
    tensor::Graph<double>& g = run_sample(row);
    ChainQuestion q;
    const std::vector<T> x = row_of(x_, row);
    q.x.assign(x.begin(), x.end());
    q.label = static_cast<std::size_t>(data_.y[row]);
    q.probs = doubles(g.probs(sample_->data_loss));
    for (std::size_t l = 0; l < layer_count(); ++l) {
      q.layers.push_back({mlp_.layers()[l].activation, doubles(g.value(sample_->z[l])), doubles(g.value(sample_->a[l])),
                          doubles(g.grad(sample_->z[l])), doubles(g.grad(sample_->a[l]))});
    }
    if (layer + 1 < layer_count()) q.next_w = doubles(mlp_.weight(layer + 1).value);
    q.layer = layer;
    q.from = from;
    q.to = to;
    q.bias = from == in;
    q.parameter = static_cast<double>(q.bias ? mlp_.bias(layer).value(0, to) : w(from, to));
    q.gradient = q.bias ? g.grad(sample_->b[layer])(0, to) : g.grad(sample_->w[layer])(from, to);
    q.slope = slope_of(layer, g.value(sample_->z[layer])(0, to), g.value(sample_->a[layer])(0, to));
    return chain_rule(q);
  }

  nlohmann::json spec(std::size_t row) override {
    check_row(row);
    return rows_spec(row, 1);
  }

  nlohmann::json batch_spec(std::size_t count) override {
    if (count == 0) throw InputError("batch_spec: count must be at least 1");
    const std::size_t first = (batches_per_pass_ > 1 ? steps_ % batches_per_pass_ : 0) * batch_;
    return rows_spec(first, std::min(count, batch_));
  }

  nlohmann::json describe() const override {
    nlohmann::json layers = nlohmann::json::array();
    std::size_t fan_in = data_.d, count = 0;
    for (const LayerSpec& spec : mlp_.layers()) {
      layers.push_back({{"in", fan_in}, {"out", spec.units}, {"activation", tensor::activation_name(spec.activation)}});
      count += (fan_in + 1) * spec.units;
      fan_in = spec.units;
    }
    nlohmann::json config = trainer_config_to_json(config_);
    config["batch_size"] = batch_;
    return {{"config", config}, {"dataset", {{"name", data_.name}, {"n", data_.n}, {"d", data_.d},
                                             {"classes", data_.classes}, {"train_rows", train_n_},
                                             {"test_rows", data_.n - train_n_}}},
            {"layers", layers}, {"parameters", count}, {"loss", "softmax_cross_entropy"}, {"steps", steps_}};
  }

 private:
  // This network and rows [first, first + count) as a `./tutor mlp` spec.
  nlohmann::json rows_spec(std::size_t first, std::size_t count) {
    nlohmann::json layers = nlohmann::json::array(), x = nlohmann::json::array(), y = nlohmann::json::array();
    for (std::size_t l = 0; l < layer_count(); ++l) {
      layers.push_back({{"W", rows_json(mlp_.weight(l).value)}, {"b", row_of(mlp_.bias(l).value, 0)},
                        {"activation", tensor::activation_name(mlp_.layers()[l].activation)}});
    }
    for (std::size_t row = first; row < first + count; ++row) {
      const std::vector<T> values = row_of(x_, row);
      x.push_back(std::vector<double>(values.begin(), values.end()));
      y.push_back(data_.y[row]);
    }
    return {{"layers", layers}, {"loss", "softmax_cross_entropy"}, {"x", x}, {"y", y},
            {"optimizer", optimizer_to_json(config_.optimizer)}};
  }

  static std::vector<LayerSpec> layer_specs(const TrainerConfig& config, std::size_t classes) {
    std::vector<LayerSpec> specs;
    for (std::size_t units : config.hidden) specs.push_back({units, config.activation});
    specs.push_back({classes, Activation::Linear});  // logits
    return specs;
  }

  static std::size_t argmax(const Matrix<T>& m, std::size_t r) { return argmax_of(m, r); }

  void load_params(const std::vector<std::vector<double>>& params) {
    if (params.size() != mlp_.params().size()) {
      throw InputError("trainer config: \"params\" needs " + std::to_string(mlp_.params().size()) +
                       " lists (W0, b0, W1, b1, ...), got " + std::to_string(params.size()));
    }
    for (std::size_t k = 0; k < params.size(); ++k) {
      Matrix<T>& m = mlp_.params()[k].value;
      if (params[k].size() != m.size()) {
        throw InputError("trainer config: params[" + std::to_string(k) + "] needs " + std::to_string(m.size()) +
                         " numbers for shape " + tensor::shape_text(tensor::shape_of(m)) + ", got " +
                         std::to_string(params[k].size()));
      }
      for (std::size_t i = 0; i < m.size(); ++i) m.data()[i] = static_cast<T>(params[k][i]);
    }
  }

  // Rows [b·batch, (b+1)·batch) into the training graph's inputs.
  void load_batch(std::size_t b) {
    std::memcpy(train_.graph.value(train_.x).data(), x_.data() + b * batch_ * data_.d, batch_ * data_.d * sizeof(T));
    std::memcpy(train_.graph.value(train_.targets).data(), labels_.data() + b * batch_, batch_ * sizeof(T));
  }

  void check_layer(std::size_t layer) const {
    if (layer >= layer_count()) {
      throw InputError("layer " + std::to_string(layer) + " does not exist (the network has " +
                       std::to_string(layer_count()) + ")");
    }
  }
  void check_row(std::size_t row) const {
    if (row >= data_.n) throw InputError("row " + std::to_string(row) + " is outside 0.." + std::to_string(data_.n - 1));
  }

  // An evaluation graph over rows [from, to), built on first use with those rows as its fixed inputs.
  typename Mlp<T>::Net& eval_net(std::unique_ptr<typename Mlp<T>::Net>& net, std::size_t from, std::size_t to) {
    if (!net) {
      net = std::make_unique<typename Mlp<T>::Net>(mlp_.build(to - from, Loss::SoftmaxCrossEntropy,
                                                               static_cast<T>(config_.l2), false, static_cast<T>(config_.l1)));
      std::copy_n(x_.data() + from * data_.d, (to - from) * data_.d, net->graph.value(net->x).data());
      std::copy_n(labels_.data() + from, to - from, net->graph.value(net->targets).data());
    }
    net->graph.forward();
    return *net;
  }

  Metrics metrics(std::unique_ptr<typename Mlp<T>::Net>& net, std::size_t from, std::size_t to) {
    const typename Mlp<T>::Net& n = eval_net(net, from, to);
    const Matrix<T>& logits = n.graph.value(n.a.back());
    std::size_t correct = 0;
    for (std::size_t i = from; i < to; ++i) correct += argmax(logits, i - from) == std::size_t(data_.y[i]);
    return {static_cast<double>(n.graph.value(n.loss)(0, 0)), double(correct) / double(to - from)};
  }

  void predict_into(std::unique_ptr<typename Mlp<T>::Net>& net, std::size_t from, std::size_t to) {
    const typename Mlp<T>::Net& n = eval_net(net, from, to);
    const Matrix<T>& logits = n.graph.value(n.a.back());
    for (std::size_t i = from; i < to; ++i) predictions_[i] = static_cast<int>(argmax(logits, i - from));
  }

  // One row forward and backward through the float64 one-sample graph, on today's weights (its gradients stay
  // its own). Widening float to double is exact, so the spec's numbers are the very numbers used here.
  tensor::Graph<double>& run_sample(std::size_t row) {
    check_row(row);
    if (!sample_) sample_ = std::make_unique<Mlp<double>::Net>(sample_mlp_.build(1, Loss::SoftmaxCrossEntropy, 0.0, false));
    for (std::size_t k = 0; k < mlp_.params().size(); ++k) {
      const Matrix<T>& from = mlp_.params()[k].value;
      std::copy_n(from.data(), from.size(), sample_mlp_.params()[k].value.data());
    }
    tensor::Graph<double>& g = sample_->graph;
    std::copy_n(x_.data() + row * data_.d, data_.d, g.value(sample_->x).data());
    g.value(sample_->targets)(0, 0) = static_cast<double>(labels_(row, 0));
    g.forward();
    g.backward(sample_->loss);
    return g;
  }

  // f'(z) of one unit of `layer`, through the activation's own backward rule (da = 1).
  double slope_of(std::size_t layer, double z, double a) const {
    Matrix<double> zm = tensor::zeros<double>({1, 1}), am = zm, ones = zm, dz = zm;
    zm(0, 0) = z;
    am(0, 0) = a;
    ones(0, 0) = 1.0;
    tensor::activation_backward(mlp_.layers()[layer].activation, zm, am, ones, dz);
    return dz(0, 0);
  }

  // The divergence rule of trainer.hpp, after a step; on a hit, the batch's state for the explanation.
  void check_divergence() {
    double max_weight = 0;
    bool finite = true;
    for (std::size_t l = 0; l < layer_count(); ++l) {
      for (const Matrix<T>* m : {&mlp_.weight(l).value, &mlp_.bias(l).value}) {
        for (std::size_t i = 0; i < m->size(); ++i) {
          const double v = std::abs(static_cast<double>(m->data()[i]));
          finite = finite && std::isfinite(v);
          if (m == &mlp_.weight(l).value && v > max_weight) max_weight = v;
        }
      }
    }
    const double guess = std::log(double(data_.classes));
    std::string reason;
    if (!std::isfinite(last_loss_)) reason = "loss_not_finite";
    else if (!finite || (max_weight > 100 && last_loss_ > guess)) reason = "weights_exploded";
    if (reason.empty()) return;
    Divergence d;
    d.step = steps_;
    d.reason = reason;
    d.loss = last_loss_;
    d.guess_loss = guess;
    d.max_weight = finite ? max_weight : std::numeric_limits<double>::infinity();
    d.suggested_lr = suggested_rate(config_.optimizer);
    std::size_t flat = 0, count = 0;
    for (std::size_t l = 0; l + 1 < layer_count(); ++l) {
      const Matrix<T>& z = train_.graph.value(train_.z[l]);
      const Matrix<T>& a = train_.graph.value(train_.a[l]);
      Matrix<T> ones = tensor::zeros<T>(tensor::shape_of(z)), slope = ones;
      ones.fill(T(1));
      tensor::activation_backward(mlp_.layers()[l].activation, z, a, ones, slope);
      for (std::size_t i = 0; i < z.size(); ++i) {
        const double zi = std::abs(static_cast<double>(z.data()[i]));
        if (!(zi <= d.max_preactivation)) d.max_preactivation = zi;  // NaN wins, so it is reported
        flat += !(std::abs(static_cast<double>(slope.data()[i])) >= 0.01);
        ++count;
      }
    }
    d.flat_units = count ? double(flat) / double(count) : 0;
    divergence_ = d;
  }

  TrainerConfig config_;
  Dataset data_;
  std::size_t train_n_;
  Mlp<T> mlp_;
  Optimizer<T> optimizer_;
  Mlp<double> sample_mlp_;  // inspect/explain's float64 copy of mlp_ (weights copied in before each sample)
  std::size_t batch_ = 0, batches_per_pass_ = 1, steps_ = 0;
  double last_loss_ = std::numeric_limits<double>::quiet_NaN();
  std::optional<Divergence> divergence_;
  Matrix<T> x_, labels_;
  std::vector<Matrix<T>> initial_;
  std::vector<int> predictions_;
  typename Mlp<T>::Net train_;
  std::unique_ptr<typename Mlp<T>::Net> eval_, test_eval_, grid_;
  std::unique_ptr<Mlp<double>::Net> sample_;
};

}  // namespace

nlohmann::json divergence_json(const Divergence& d) {
  return {{"step", d.step}, {"reason", d.reason}, {"loss", d.loss}, {"guess_loss", d.guess_loss},
          {"max_weight", d.max_weight}, {"max_preactivation", d.max_preactivation}, {"flat_units", d.flat_units},
          {"suggested_lr", d.suggested_lr}};
}

std::unique_ptr<Trainer> make_trainer(const nlohmann::json& raw_config, const std::string& digits_text) {
  const TrainerConfig config = trainer_config_from_json(raw_config);
  std::size_t train_rows = 0;
  Dataset data = dataset_for(config, raw_config, digits_text, train_rows);
  if (config.float32) return std::make_unique<TrainerImpl<float>>(config, std::move(data), train_rows);
  return std::make_unique<TrainerImpl<double>>(config, std::move(data), train_rows);
}

}  // namespace bp::nn
