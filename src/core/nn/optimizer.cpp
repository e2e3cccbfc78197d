// SGD, momentum and Adam (formulas in optimizer.hpp), plus their JSON form shared by specs and configs.
#include "core/nn/optimizer.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/nn/limits.hpp"

namespace bp::nn {
namespace {

double number_field(const nlohmann::json& spec, const char* name, double fallback, double lo, double hi) {
  if (!spec.contains(name)) return fallback;
  const nlohmann::json& v = spec[name];
  if (!v.is_number()) throw InputError(std::string("optimizer: \"") + name + "\" must be a number");
  const double x = v.get<double>();
  if (!(x >= lo && x <= hi)) {
    throw InputError(std::string("optimizer: \"") + name + "\" must be in [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "], got " + std::to_string(x));
  }
  return x;
}

}  // namespace

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = {"sgd", "momentum", "adam"};
  return names;
}

const std::vector<double>& learning_rate_ladder() {
  static const std::vector<double> ladder = {1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};
  return ladder;
}

OptimizerConfig optimizer_from_json(const nlohmann::json& spec) {
  if (!spec.is_object()) throw InputError("optimizer: expected an object like {\"type\": \"sgd\", \"lr\": 0.1}");
  for (const auto& item : spec.items()) {
    static const char* known[] = {"type", "lr", "momentum", "beta1", "beta2", "eps"};
    bool ok = false;
    for (const char* k : known) ok = ok || item.key() == k;
    if (!ok) throw InputError("optimizer: unknown field \"" + item.key() + "\"");
  }
  OptimizerConfig c;
  const std::string type = spec.contains("type") && spec["type"].is_string() ? spec["type"].get<std::string>() : "";
  const std::vector<std::string>& names = optimizer_names();
  const auto found = std::find(names.begin(), names.end(), type);
  if (found == names.end()) throw InputError("optimizer: \"type\" must be \"sgd\", \"momentum\" or \"adam\"");
  c.kind = static_cast<OptimizerConfig::Kind>(found - names.begin());
  c.lr = number_field(spec, "lr", c.kind == OptimizerConfig::Kind::Adam ? 0.001 : 0.1, 0, limits::kMaxLearningRate);
  c.momentum = number_field(spec, "momentum", c.momentum, 0, 1);
  c.beta1 = number_field(spec, "beta1", c.beta1, 0, 0.9999999);  // β = 1 would divide by 1 − βᵗ = 0
  c.beta2 = number_field(spec, "beta2", c.beta2, 0, 0.9999999);
  c.eps = number_field(spec, "eps", c.eps, 1e-30, 1);
  return c;
}

nlohmann::json optimizer_to_json(const OptimizerConfig& c) {
  switch (c.kind) {
    case OptimizerConfig::Kind::Sgd: return {{"type", "sgd"}, {"lr", c.lr}};
    case OptimizerConfig::Kind::Momentum: return {{"type", "momentum"}, {"lr", c.lr}, {"momentum", c.momentum}};
    case OptimizerConfig::Kind::Adam:
      return {{"type", "adam"}, {"lr", c.lr}, {"beta1", c.beta1}, {"beta2", c.beta2}, {"eps", c.eps}};
  }
  return nullptr;
}

template <class T>
Optimizer<T>::Optimizer(OptimizerConfig config, std::vector<tensor::Parameter<T>>& params)
    : config_(config), params_(&params) {
  for (const tensor::Parameter<T>& p : params) {
    m_.push_back(tensor::zeros<T>(tensor::shape_of(p.value)));
    v_.push_back(tensor::zeros<T>(tensor::shape_of(p.value)));
  }
}

template <class T>
void Optimizer<T>::reset() {
  for (auto& m : m_) m.fill(T(0));
  for (auto& v : v_) v.fill(T(0));
  beta1_t_ = beta2_t_ = 1;
}

template <class T>
void Optimizer<T>::step() {
  const T lr = static_cast<T>(config_.lr);
  beta1_t_ *= config_.beta1;
  beta2_t_ *= config_.beta2;
  for (std::size_t k = 0; k < params_->size(); ++k) {
    T* p = (*params_)[k].value.data();
    const T* g = (*params_)[k].grad.data();
    T* m = m_[k].data();
    T* v = v_[k].data();
    const std::size_t n = (*params_)[k].value.size();
    switch (config_.kind) {
      case OptimizerConfig::Kind::Sgd:
        for (std::size_t i = 0; i < n; ++i) p[i] -= lr * g[i];
        break;
      case OptimizerConfig::Kind::Momentum: {
        const T mu = static_cast<T>(config_.momentum);
        for (std::size_t i = 0; i < n; ++i) {
          m[i] = mu * m[i] + g[i];
          p[i] -= lr * m[i];
        }
        break;
      }
      case OptimizerConfig::Kind::Adam: {
        const T b1 = T(config_.beta1), b2 = T(config_.beta2), eps = T(config_.eps);
        const T c1 = T(1 / (1 - beta1_t_)), c2 = T(1 / (1 - beta2_t_));  // bias corrections
        for (std::size_t i = 0; i < n; ++i) {
          m[i] = b1 * m[i] + (T(1) - b1) * g[i];
          v[i] = b2 * v[i] + (T(1) - b2) * g[i] * g[i];
          p[i] -= lr * (m[i] * c1) / (std::sqrt(v[i] * c2) + eps);
        }
        break;
      }
    }
  }
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace bp::nn
