// The update rules, applied to every parameter with the gradients of the last backward pass:
//   sgd       p -= lr·g
//   momentum  v = μ·v + g;  p -= lr·v                                  (TensorFlow's and PyTorch's form)
//   adam      m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  p -= lr·m̂ / (√v̂ + ε), m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ)
#pragma once
#include <string>
#include <vector>

#include "core/tensor/graph.hpp"

namespace bp::nn {

struct OptimizerConfig {
  enum class Kind { Sgd, Momentum, Adam } kind = Kind::Sgd;
  double lr = 0.1;
  double momentum = 0.9;
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
};

// The "type" names, in the order of OptimizerConfig::Kind (read and written by wire/spec_read.cpp).
const std::vector<std::string>& optimizer_names();
// The learning rates the pages offer, a 1-3-10 ladder from 1e-6 to 3 (increasing); a diverged run's suggested
// restart rate is always one of them.
const std::vector<double>& learning_rate_ladder();

template <class T>
class Optimizer {
 public:
  Optimizer(OptimizerConfig config, std::vector<tensor::Parameter<T>>& params);
  void step();
  void reset();  // forget velocities and moments (a fresh start)

 private:
  OptimizerConfig config_;
  std::vector<tensor::Parameter<T>>* params_;
  std::vector<tensor::Matrix<T>> m_, v_;  // velocity (momentum) or first/second moments (adam)
  double beta1_t_ = 1, beta2_t_ = 1;      // β1ᵗ and β2ᵗ as running products (no pow: same bits everywhere)
};

}  // namespace bp::nn
