// `./tutor mlp SPEC.json`: one forward pass, backward pass and update of a network given in full, in float64.
// Spec: {"layers": [{"W": [[..]] (in, out), "b": [..] (out), "activation": "sigmoid|tanh|relu|leaky_relu|linear"}],
//        "loss": "half_sse|mse|softmax_cross_entropy", "x": [[..]], "y": [[..]] or [class, ...],
//        "optimizer": {"type": "sgd", "lr": 0.5}}
// Report: {"outputs", "loss", "grads": [{"W", "b"}], "updated": [{"W", "b"}], "loss_after",
//          "trace": [{"z", "a", "dz", "da"}] (per layer, one row per sample, before the update),
//          "probs" (softmax of the outputs, softmax_cross_entropy only)}.
#pragma once
#include <nlohmann/json.hpp>

namespace bp::nn {

// The report for a valid spec; InputError (naming the field and the shapes) for anything else.
nlohmann::json mlp_step_report(const nlohmann::json& spec);

}  // namespace bp::nn
