// A complete `mlp` spec (spec.hpp) made from a few choices, for the tensor stepper and its playground: layer
// sizes "3-4-3", hidden activation, loss, batch size, seed and an initialisation scale. Weights are Glorot-uniform
// times the scale, inputs uniform in [−1, 1], targets seeded; every number is rounded to three significant digits
// so that the spec reads well when shown, pasted or shared, and the same choices always give the same spec.
// The JSON request {"layers": "3-4-3", ...} is read (and each field checked) by wire/mlp.cpp.
#pragma once
#include <cstdint>
#include <vector>

#include "core/nn/spec_data.hpp"

namespace bp::nn {

struct ExampleChoices {
  std::vector<std::size_t> sizes = {3, 4, 3};  // inputs, then each layer's units (limits.hpp, kMaxTensor*)
  tensor::Activation activation = tensor::Activation::Tanh;  // hidden layers; the output layer is linear
  Loss loss = Loss::SoftmaxCrossEntropy;
  std::size_t batch = 4;
  std::uint32_t seed = 1;
  double init_scale = 1;
  double lr = 0.1;
};

// InputError for a softmax cross-entropy with fewer than 2 outputs.
ParsedSpec example_spec(const ExampleChoices& choices);

}  // namespace bp::nn
