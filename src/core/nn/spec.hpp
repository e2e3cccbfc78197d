// `./tutor mlp SPEC.json`: one forward pass, backward pass and update of a network given in full, in float64.
// Spec: {"layers": [{"W": [[..]] (in, out), "b": [..] (out), "activation": "sigmoid|tanh|relu|leaky_relu|linear"}],
//        "loss": "half_sse|mse|softmax_cross_entropy", "x": [[..]], "y": [[..]] or [class, ...],
//        "optimizer": {"type": "sgd", "lr": 0.5}}
// Grid specs add "input_shape": [C, H, W] (each x row is that grid, channel by channel, row-major) and layers
//   {"type": "conv2d", "K": [[[[..]]]] (out, in, kh, kw), "b": [..] (out), "stride": 1, "padding": 0, "activation"},
//   {"type": "max_pool2d" | "avg_pool2d", "size": 2, "stride": size}; dense layers ("type": "dense", the default)
//   may follow and see the grid as a flat row. Limits: nn/spec_parse.hpp.
// Report: {"outputs", "loss", "grads": [{"W", "b"} | {"K", "b"} | {}], "updated": (same), "loss_after",
//          "trace": [{"z", "a", "dz", "da"}] (per layer, one row per sample, before the update),
//          "probs" (softmax of the outputs, softmax_cross_entropy only),
//          "steps" (every forward op, then every backward op: tensor/step_trace.hpp),
//          "grad_norms" (per layer, the Frobenius norm sqrt(Σ dW²) of its weight gradient, dK for a conv2d layer;
//          null for a pooling layer, which has no weights: how strongly each layer learns, for vanishing and
//          exploding gradients)}.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace bp::nn {

// The report for a valid spec; InputError (naming the field and the shapes) for anything else.
nlohmann::json mlp_step_report(const nlohmann::json& spec);

// One entry of the step trace's rule for `target` ("dW1", "db2", "M1", "dZ1"), written out as a sum with its
// numbers (tensor/entry_sum.hpp); row and col are 0-based. InputError for an unknown target or entry.
nlohmann::json mlp_entry_report(const nlohmann::json& spec, const std::string& target, std::size_t row, std::size_t col);

}  // namespace bp::nn
