// A complete `mlp` spec (spec.hpp) made from a few choices, for the tensor stepper and its playground: layer
// sizes "3-4-3", hidden activation, loss, batch size, seed and an initialisation scale. Weights are Glorot-uniform
// times the scale, inputs uniform in [−1, 1], targets seeded; every number is rounded to three significant digits
// so that the spec reads well when shown, pasted or shared, and the same choices always give the same spec.
#pragma once
#include <nlohmann/json.hpp>

namespace bp::nn {

// {"layers": [3, 4, 3] or "3-4-3", "activation": "tanh", "loss": "softmax_cross_entropy", "batch": 4,
//  "seed": 1, "init_scale": 1, "lr": 0.1}: every field optional (these are the defaults). InputError naming the
// field for anything out of range (limits.hpp, kMaxTensor*). The output layer is linear.
nlohmann::json example_spec(const nlohmann::json& request);

}  // namespace bp::nn
