// A multilayer perceptron of dense layers, z = x·W + b and a = f(z), with W of shape (in, out) as in the specs
// and the benchmark files. The network owns its parameters; build() wires a tensor graph over them for a fixed
// batch size, and several graphs (training, evaluation, one sample) can share the same weights.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/tensor/graph.hpp"

namespace bp::nn {

using tensor::Activation;

struct LayerSpec {
  std::size_t units = 0;
  Activation activation = Activation::Linear;
};

enum class Loss { HalfSse, Mse, SoftmaxCrossEntropy };
constexpr Loss kLosses[] = {Loss::HalfSse, Loss::Mse, Loss::SoftmaxCrossEntropy};
const char* loss_name(Loss loss);
bool loss_named(const std::string& name, Loss& loss);  // false for an unknown name

enum class Init { Glorot, He };
constexpr Init kInits[] = {Init::Glorot, Init::He};
const char* init_name(Init init);
bool init_named(const std::string& name, Init& init);  // false for an unknown name

template <class T>
class Mlp {
 public:
  using Id = typename tensor::Graph<T>::Id;

  // One graph over this network: x -> (z, a) per layer -> loss. `targets` holds class indices (b, 1) for softmax
  // cross-entropy, else (b, outputs). `loss` is the data loss plus the L1/L2 penalties when they were asked for.
  // `w` and `b` are the parameter nodes: their grad() is this graph's own gradient even when it keeps it to itself.
  struct Net {
    tensor::Graph<T> graph;
    Id x = 0, targets = 0, data_loss = 0, loss = 0;
    std::vector<Id> z, a, w, b;  // per layer
  };

  Mlp(std::size_t inputs, std::vector<LayerSpec> layers);  // InputError for zero sizes or no layers
  Mlp(const Mlp&) = delete;  // graphs point at params_
  Mlp& operator=(const Mlp&) = delete;

  // Glorot: U(±√(6/(in+out))); He: U(±√(6/in)). Biases 0. One RNG stream, layer by layer, W row-major.
  void initialize(Init init, std::uint32_t seed);
  // `write_grads` false: the graph keeps parameter gradients to itself (see Graph::parameter). The penalties
  // λ₂ Σ W² and λ₁ Σ |W| cover the weights, not the biases.
  Net build(std::size_t batch, Loss loss, T l2 = T(0), bool write_grads = true, T l1 = T(0));

  std::size_t inputs() const { return inputs_; }
  std::size_t outputs() const { return layers_.back().units; }
  const std::vector<LayerSpec>& layers() const { return layers_; }
  tensor::Parameter<T>& weight(std::size_t layer) { return params_[2 * layer]; }  // (in, out)
  tensor::Parameter<T>& bias(std::size_t layer) { return params_[2 * layer + 1]; }  // (1, out)
  std::vector<tensor::Parameter<T>>& params() { return params_; }

 private:
  std::size_t inputs_;
  std::vector<LayerSpec> layers_;
  std::vector<tensor::Parameter<T>> params_;  // W0, b0, W1, b1, ...; never resized after construction
};

}  // namespace bp::nn
