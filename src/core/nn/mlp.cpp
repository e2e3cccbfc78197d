// The MLP builder and its seeded initialisation. Weights are drawn in double from the shared RNG and then
// rounded to T, so float and double networks with the same seed start from the same (rounded) numbers.
#include "core/nn/mlp.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/nn/rng.hpp"

namespace bp::nn {

const char* loss_name(Loss loss) {
  switch (loss) {
    case Loss::HalfSse: return "half_sse";
    case Loss::Mse: return "mse";
    case Loss::SoftmaxCrossEntropy: return "softmax_cross_entropy";
  }
  return "?";
}

bool loss_named(const std::string& name, Loss& loss) {
  for (Loss l : kLosses) {
    if (name == loss_name(l)) {
      loss = l;
      return true;
    }
  }
  return false;
}

const char* init_name(Init init) { return init == Init::Glorot ? "glorot" : "he"; }

bool init_named(const std::string& name, Init& init) {
  for (Init i : kInits) {
    if (name == init_name(i)) {
      init = i;
      return true;
    }
  }
  return false;
}

template <class T>
Mlp<T>::Mlp(std::size_t inputs, std::vector<LayerSpec> layers) : inputs_(inputs), layers_(std::move(layers)) {
  if (inputs_ == 0) throw InputError("mlp: the input size must be at least 1");
  if (layers_.empty()) throw InputError("mlp: a network needs at least one layer");
  std::size_t fan_in = inputs_;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    if (layers_[l].units == 0) throw InputError("mlp: layer " + std::to_string(l) + " has no units");
    params_.push_back({tensor::zeros<T>({fan_in, layers_[l].units}), tensor::zeros<T>({fan_in, layers_[l].units})});
    params_.push_back({tensor::zeros<T>({1, layers_[l].units}), tensor::zeros<T>({1, layers_[l].units})});
    fan_in = layers_[l].units;
  }
}

template <class T>
void Mlp<T>::initialize(Init init, std::uint32_t seed) {
  Rng rng(seed);
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    tensor::Matrix<T>& w = weight(l).value;
    const double fan_in = double(w.shape()[0]), fan_out = double(w.shape()[1]);
    const double limit = init == Init::Glorot ? std::sqrt(6 / (fan_in + fan_out)) : std::sqrt(6 / fan_in);
    for (std::size_t i = 0; i < w.size(); ++i) w.data()[i] = static_cast<T>(rng.uniform(-limit, limit));
    bias(l).value.fill(T(0));
  }
}

template <class T>
typename Mlp<T>::Net Mlp<T>::build(std::size_t batch, Loss loss, T l2, bool write_grads, T l1) {
  Net net;
  tensor::Graph<T>& g = net.graph;
  net.x = g.input({batch, inputs_});
  Id a = net.x;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    net.w.push_back(g.parameter(weight(l), write_grads));
    net.b.push_back(g.parameter(bias(l), write_grads));
    // z: (batch, in)·(in, out) + (1, out) -> (batch, out);  a = f(z)
    const Id z = g.add(g.matmul(a, net.w.back()), net.b.back());
    // A linear layer's output is z itself: no copy forward, no identity pass backward.
    a = layers_[l].activation == Activation::Linear ? z : g.activation(layers_[l].activation, z);
    net.z.push_back(z);
    net.a.push_back(a);
  }
  const bool classes = loss == Loss::SoftmaxCrossEntropy;
  net.targets = g.input({batch, classes ? 1 : outputs()});
  switch (loss) {
    case Loss::SoftmaxCrossEntropy: net.data_loss = g.softmax_cross_entropy(a, net.targets); break;
    case Loss::Mse: net.data_loss = g.mse(a, net.targets); break;
    case Loss::HalfSse: net.data_loss = g.half_sse(a, net.targets); break;
  }
  net.loss = net.data_loss;
  // The penalties reuse each layer's weight node, so its gradient is the sum of the data and penalty paths.
  if (l2 != T(0)) {  // λ Σ W² over the weights (not the biases)
    for (std::size_t l = 0; l < layers_.size(); ++l) net.loss = g.add(net.loss, g.l2(net.w[l], l2));
  }
  if (l1 != T(0)) {  // λ Σ |W| over the weights (not the biases)
    for (std::size_t l = 0; l < layers_.size(); ++l) net.loss = g.add(net.loss, g.l1(net.w[l], l1));
  }
  return net;
}

template class Mlp<float>;
template class Mlp<double>;

}  // namespace bp::nn
