// The training session behind the Trainer interface, for T = float or double. All graphs are built once (the
// grid's again only when its size changes); a step copies its batch rows into the training graph's inputs, runs
// forward, backward and the optimiser, and allocates nothing.
#include "core/nn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/error.hpp"

namespace bp::nn {
namespace {

using tensor::Matrix;

template <class T>
std::vector<T> row_of(const Matrix<T>& m, std::size_t r) {
  const std::size_t c = m.shape()[1];
  return std::vector<T>(m.data() + r * c, m.data() + (r + 1) * c);
}

template <class T>
class TrainerImpl final : public Trainer {
 public:
  TrainerImpl(const TrainerConfig& config, Dataset data)
      : config_(config), data_(std::move(data)), mlp_(data_.d, layer_specs(config, data_.classes)),
        optimizer_(config.optimizer, mlp_.params()) {
    batch_ = config.batch_size == 0 ? data_.n : std::min(config.batch_size, data_.n);
    batches_per_pass_ = data_.n / batch_;
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
    train_ = mlp_.build(batch_, Loss::SoftmaxCrossEntropy, static_cast<T>(config.l2));
    load_batch(0);
  }

  void step(std::size_t n) override {
    for (std::size_t s = 0; s < n; ++s) {
      if (batches_per_pass_ > 1) load_batch(steps_ % batches_per_pass_);
      train_.graph.forward();
      train_.graph.backward(train_.loss);
      optimizer_.step();
      last_loss_ = static_cast<double>(train_.graph.value(train_.loss)(0, 0));
      ++steps_;
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
    load_batch(0);
  }

  std::size_t steps() const override { return steps_; }
  double last_loss() const override { return last_loss_; }
  bool float32() const override { return std::is_same_v<T, float>; }
  std::size_t layer_count() const override { return mlp_.layers().size(); }
  const Dataset& data() const override { return data_; }

  Metrics evaluate() override {
    if (!eval_) eval_ = std::make_unique<typename Mlp<T>::Net>(mlp_.build(data_.n, Loss::SoftmaxCrossEntropy,
                                                                          static_cast<T>(config_.l2), false));
    eval_->graph.value(eval_->x) = x_;
    eval_->graph.value(eval_->targets) = labels_;
    eval_->graph.forward();
    const Matrix<T>& logits = eval_->graph.value(eval_->a.back());
    std::size_t correct = 0;
    for (std::size_t i = 0; i < data_.n; ++i) correct += argmax(logits, i) == std::size_t(data_.y[i]);
    return {static_cast<double>(eval_->graph.value(eval_->loss)(0, 0)), double(correct) / double(data_.n)};
  }

  RawArray parameter(std::size_t layer, bool bias, bool grad) override {
    if (layer >= layer_count()) {
      throw InputError("layer " + std::to_string(layer) + " does not exist (the network has " +
                       std::to_string(layer_count()) + ")");
    }
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

  nlohmann::json inspect(std::size_t row) override {
    if (row >= data_.n) throw InputError("inspect: row " + std::to_string(row) + " is outside 0.." +
                                         std::to_string(data_.n - 1));
    if (!sample_) sample_ = std::make_unique<typename Mlp<T>::Net>(mlp_.build(1, Loss::SoftmaxCrossEntropy, T(0), false));
    tensor::Graph<T>& g = sample_->graph;
    std::copy_n(x_.data() + row * data_.d, data_.d, g.value(sample_->x).data());
    g.value(sample_->targets)(0, 0) = labels_(row, 0);
    g.forward();
    g.backward(sample_->loss);
    nlohmann::json layers = nlohmann::json::array();
    for (std::size_t l = 0; l < layer_count(); ++l) {
      layers.push_back({{"activation", tensor::activation_name(mlp_.layers()[l].activation)},
                        {"z", row_of(g.value(sample_->z[l]), 0)}, {"a", row_of(g.value(sample_->a[l]), 0)},
                        {"dz", row_of(g.grad(sample_->z[l]), 0)}, {"da", row_of(g.grad(sample_->a[l]), 0)}});
    }
    const Matrix<T>& probs = g.probs(sample_->data_loss);
    return {{"row", row}, {"x", row_of(x_, row)}, {"label", data_.y[row]},
            {"loss", static_cast<double>(g.value(sample_->loss)(0, 0))}, {"probs", row_of(probs, 0)},
            {"prediction", argmax(probs, 0)}, {"layers", layers}};
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
                                             {"classes", data_.classes}}},
            {"layers", layers}, {"parameters", count}, {"loss", "softmax_cross_entropy"}, {"steps", steps_}};
  }

 private:
  static std::vector<LayerSpec> layer_specs(const TrainerConfig& config, std::size_t classes) {
    std::vector<LayerSpec> specs;
    for (std::size_t units : config.hidden) specs.push_back({units, config.activation});
    specs.push_back({classes, Activation::Linear});  // logits
    return specs;
  }

  static std::size_t argmax(const Matrix<T>& m, std::size_t r) {
    const T* row = m.data() + r * m.shape()[1];
    return static_cast<std::size_t>(std::max_element(row, row + m.shape()[1]) - row);
  }

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

  TrainerConfig config_;
  Dataset data_;
  Mlp<T> mlp_;
  Optimizer<T> optimizer_;
  std::size_t batch_ = 0, batches_per_pass_ = 1, steps_ = 0;
  double last_loss_ = std::numeric_limits<double>::quiet_NaN();
  Matrix<T> x_, labels_;
  std::vector<Matrix<T>> initial_;
  typename Mlp<T>::Net train_;
  std::unique_ptr<typename Mlp<T>::Net> eval_, grid_, sample_;
};

}  // namespace

std::unique_ptr<Trainer> make_trainer(const nlohmann::json& raw_config, const std::string& digits_text) {
  const TrainerConfig config = trainer_config_from_json(raw_config);
  Dataset data = dataset_for(config, raw_config, digits_text);
  if (config.float32) return std::make_unique<TrainerImpl<float>>(config, std::move(data));
  return std::make_unique<TrainerImpl<double>>(config, std::move(data));
}

}  // namespace bp::nn
