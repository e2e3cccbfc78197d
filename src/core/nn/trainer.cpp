// The training session behind the Trainer interface, for T = float or double. All graphs are built once (the
// grid's again only when its size changes); a step copies its batch rows into the training graph's inputs, runs
// forward, backward and the optimiser, and allocates nothing. With "halt_on_divergence" each step also checks its
// loss and weights (a few hundred comparisons) and stops training at the first that went wrong. Looking at one
// sample is the Inspector's (inspector.cpp), through this interface.
#include "core/nn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "core/error.hpp"

namespace bp::nn {
namespace {

using tensor::Matrix;

template <class T>
std::size_t argmax_of(const Matrix<T>& m, std::size_t r) {
  const T* row = m.data() + r * m.shape()[1];
  return static_cast<std::size_t>(std::max_element(row, row + m.shape()[1]) - row);
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
        optimizer_(config.optimizer, mlp_.params()) {
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
  const TrainerConfig& config() const override { return config_; }
  std::size_t batch_size() const override { return batch_; }
  std::size_t next_batch_first() const override { return (batches_per_pass_ > 1 ? steps_ % batches_per_pass_ : 0) * batch_; }
  RawArray inputs() const override { return {x_.data(), x_.size(), x_.shape()[0], x_.shape()[1]}; }

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

 private:
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
  std::size_t batch_ = 0, batches_per_pass_ = 1, steps_ = 0;
  double last_loss_ = std::numeric_limits<double>::quiet_NaN();
  std::optional<Divergence> divergence_;
  Matrix<T> x_, labels_;
  std::vector<Matrix<T>> initial_;
  std::vector<int> predictions_;
  typename Mlp<T>::Net train_;
  std::unique_ptr<typename Mlp<T>::Net> eval_, test_eval_, grid_;
};

}  // namespace

std::vector<LayerSpec> layer_specs(const TrainerConfig& config, std::size_t classes) {
  std::vector<LayerSpec> specs;
  for (std::size_t units : config.hidden) specs.push_back({units, config.activation});
  specs.push_back({classes, Activation::Linear});  // logits
  return specs;
}

// The source rows are already shuffled (toy and digits data) or in the caller's order (custom): the test rows
// are the last ⌊n·f⌋ of them, and clicked points join the training rows, after the generated ones.
Dataset dataset_for(const TrainerConfig& c, Dataset data, const ExtraPoints& extra, std::size_t& train_rows) {
  const std::size_t test = static_cast<std::size_t>(std::floor(double(data.n) * c.test_fraction));
  const std::size_t kept = data.n - test;
  if (kept == 0) throw InputError("trainer config: \"test_fraction\" leaves no training rows");
  const std::string where = "trainer config: \"extra\"";
  if (extra.x.size() != extra.y.size() * data.d) {
    throw InputError(where + ": \"x\" must hold k·" + std::to_string(data.d) + " numbers for the k labels of \"y\"");
  }
  std::vector<double> x(data.x.begin(), data.x.begin() + kept * data.d);
  std::vector<int> y(data.y.begin(), data.y.begin() + kept);
  x.insert(x.end(), extra.x.begin(), extra.x.end());
  for (std::size_t i = 0; i < extra.y.size(); ++i) {
    if (extra.y[i] < 0 || extra.y[i] >= static_cast<long long>(data.classes)) {
      throw InputError(where + ": y[" + std::to_string(i) + "] must be a class index in [0, " +
                       std::to_string(data.classes) + ")");
    }
    y.push_back(static_cast<int>(extra.y[i]));
  }
  train_rows = y.size();
  x.insert(x.end(), data.x.begin() + kept * data.d, data.x.end());
  y.insert(y.end(), data.y.begin() + kept, data.y.end());
  data.x.swap(x);
  data.y.swap(y);
  data.n = data.y.size();
  return data;
}

std::unique_ptr<Trainer> make_trainer(const TrainerConfig& config, Dataset data, std::size_t train_rows) {
  if (config.float32) return std::make_unique<TrainerImpl<float>>(config, std::move(data), train_rows);
  return std::make_unique<TrainerImpl<double>>(config, std::move(data), train_rows);
}

}  // namespace bp::nn
