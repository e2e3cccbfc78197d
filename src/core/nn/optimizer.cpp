// SGD, momentum and Adam (formulas in optimizer.hpp), their names and the learning-rate ladder.
#include "core/nn/optimizer.hpp"

#include <cmath>

namespace bp::nn {

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = {"sgd", "momentum", "adam"};
  return names;
}

const std::vector<double>& learning_rate_ladder() {
  static const std::vector<double> ladder = {1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};
  return ladder;
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
