// The lesson math on the wire: JSON requests in, JSON replies out (or {"error": ...}), for the CLI and the wasm
// bindings alike. Only reading and writing here; the math is in core/lesson/. Shapes:
//   softmax   {"logits": [z...], "target": t}  ->  {"logits", "target", "max", "log_sum_exp", "probabilities",
//             "loss", "grads", "jacobian"}
//   descent   {"formula", "values": {name: v}, "params": [name...], "rate", "steps"}  ->  {"formula", "params",
//             "rate", "steps": [{"params": {name: w}, "grads": {name: g}, "loss", "next": {name: w'}}], "diverged"}
//   gradcheck {"formula", "values", "params", "h"}  ->  {"formula", "h", "rows": [{"param", "numeric",
//             "analytic", "gap", "relative", "ok"}], "numeric_evaluations", "backprop_passes", "threshold", "ok"}
// Numbers may arrive as JSON numbers or as text ("1e-4"); non-finite ones leave as "NaN"/"Infinity" strings.
#pragma once
#include <nlohmann/json.hpp>

namespace bp::wire {

nlohmann::json softmax_reply(const nlohmann::json& request);
nlohmann::json descent_reply(const nlohmann::json& request);
nlohmann::json gradcheck_reply(const nlohmann::json& request);

}  // namespace bp::wire
