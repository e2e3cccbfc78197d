// The engine on the wire: every JSON reply the CLI prints and the bindings return, and every JSON request they
// read (formulas' values, `mlp` specs, example choices, trainer configs, typed answers), in one list. The compute
// core returns plain structs; these functions read and write them, so the shapes below are the whole protocol.
// tests/schema/wire.schema.json describes the replies (the gtests validate real replies against it, and
// tests/node/wire-schema.test.mjs checks the JSDoc typedefs of web/src/engine against it). Bad input is an
// InputError naming the field; wrap a call in guarded_reply (json.hpp) for the error reply.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/nn/inspector.hpp"
#include "core/nn/spec_data.hpp"
#include "core/nn/trainer.hpp"
#include "core/scalar/answer.hpp"
#include "core/scalar/graph.hpp"
#include "core/tensor/entry_sum.hpp"
#include "core/tensor/step_trace.hpp"
#include "core/wire/json.hpp"

namespace bp::wire {

// ---- formulas (formula.cpp) ----
// {"formula", "value", "grads": {name: number}, "output", "nodes": [...], "forward": [...], "backward": [...],
//  "warnings": [...]}, or the error reply. Nothing here throws for bad input.
class Formula {
 public:
  // {"variables": [names in order of appearance]} or the error reply.
  Json parse(std::string_view text);
  // The full report for `values` ({"x": -2, "y": "5"}: numbers, or numbers written as text), or the error reply.
  Json evaluate(const Json& values);

 private:
  std::string text_;
  scalar::Graph graph_;
  bool parsed_ = false;
};
Json grad_report(std::string_view formula, const Json& values);  // parse and evaluate in one call
// {"correct", "guess"} (and "slip" for the chain quiz) or the error reply.
Json check_answer(std::string_view guess, double answer);
Json check_chain_answer(std::string_view guess, const scalar::ChainParts& parts);

// ---- the tensor step trace (tensor.cpp) ----
// A step: {"phase", "op", "node", "latex", "shape", "grid"?, "activation"?, "inputs": [{"name", "latex", "shape"}],
//  "matrices": [{"name", "latex", "kind": "value"|"grad", "shape", "grid"?, "rows"}], "rules": [rule], and the
//  details "routing", "conv", "softmax" where the op has them}.
Json steps_json(const std::vector<tensor::TraceStep>& steps);
// {"target", "latex", "factors": [{"latex", "shape"}], "shapes_latex", "shapes_under", "substituted" (or null),
//  "where"? (English LaTeX), "note"? {"key", "params": {name: LaTeX}} (the same note, keyed: tensor/note.hpp)}
Json rule_json(const tensor::MatrixRule& rule);
// {"target", "row", "col", "latex", "value", "over", "terms": [[a, b]], "playground": {"expr", "values",
//  "variable"} | null}
Json entry_json(const tensor::EntrySum& entry);
// {"correct", "guess": [dims], "slip"? (wrong answers)} for `typed` against `shape` ([3, 4]), or the error reply.
Json check_shape_answer(std::string_view typed, const Json& shape);

// ---- `mlp` specs (spec_read.cpp reads them; mlp.cpp runs and writes them) ----
nn::OptimizerConfig optimizer_from_json(const Json& spec);  // {"type": "sgd", "lr": 0.1, ...}
Json optimizer_to_json(const nn::OptimizerConfig& config);
nn::ParsedSpec parse_spec(const Json& spec);
// A spec the engine wrote (dense layers: the trainer's rows, the seeded examples) as `./tutor mlp` reads it.
Json spec_json(const nn::ParsedSpec& spec);
// Whose size limits a spec must meet besides the engine's: the drawn network's (<bp-network>: every weight
// drawn) or the tensor stepper's (every matrix a heat map); limits.hpp names them.
enum class View { Engine, Network, Tensor };
// {"outputs", "loss", "grads", "updated", "loss_after", "trace", "probs"?, "steps", "grad_norms"} (nn/spec.hpp)
Json mlp_step_report(const Json& spec, View view = View::Engine);
Json mlp_entry_report(const Json& spec, const std::string& target, std::size_t row, std::size_t col,
                      View view = View::Engine);
// The seeded spec for {"layers": [3, 4, 3] or "3-4-3", "activation", "loss", "batch", "seed", "init_scale",
// "lr"}, every field optional (nn/example_spec.hpp).
Json example_spec(const Json& request);

// ---- training sessions (trainer.cpp) ----
nn::TrainerConfig trainer_config_from_json(const Json& config);
Json trainer_config_to_json(const nn::TrainerConfig& config);
// digits.json as scikit-learn exports it ({"n", "d", "pixel_max", "x", "y"}), rows shuffled with `seed`.
nn::Dataset digits_dataset(const std::string& json_text, std::uint32_t seed);
// The config's trainer on its data (toy, digits from `digits_text`, or the config's own "data").
std::unique_ptr<nn::Trainer> make_trainer(const Json& config, const std::string& digits_text = "");
Json divergence_json(const nn::Divergence& d);
Json metrics_json(const nn::Metrics& m, std::size_t steps);  // {"loss", "accuracy", "steps"}
// {"row", "x", "label", "loss", "probs", "prediction", "test", "layers": [{"activation", "z", "a", "dz", "da",
//  "dW", "db"}]}
Json sample_json(const nn::SampleReport& sample);
Json chain_json(const nn::ChainExplanation& chain);  // {"value", "parameter", "latex": [lines]}
// {"config", "dataset": {"name", "n", "d", "classes", "train_rows", "test_rows"}, "layers": [{"in", "out",
//  "activation"}], "parameters", "loss", "steps"}
Json description_json(const nn::Description& d);

// ---- the lesson widgets' math (lesson_math.cpp, the core in core/lesson/) ----
// Numbers may arrive as JSON numbers or as text ("1e-4").
// {"logits": [z...], "target": t} -> {"logits", "target", "max", "log_sum_exp", "probabilities", "loss", "grads"
//  (ŷ − y), "jacobian" ([j][i] = ∂ŷ_j/∂z_i)}
Json softmax_reply(const Json& request);
// {"formula", "values": {name: v}, "params": [name...], "rate", "steps"?} -> {"formula", "params", "rate",
//  "steps": [{"params": {name: w}, "grads": {name: g}, "loss", "next": {name: w − η g}}] (steps[0] the start),
//  "diverged"}
Json descent_reply(const Json& request);
// {"formula", "values", "params", "h"} -> {"formula", "h", "rows": [{"param", "numeric", "analytic", "gap",
//  "relative", "ok"}], "numeric_evaluations", "backprop_passes", "threshold", "ok"}
Json gradcheck_reply(const Json& request);

// ---- what the engine offers (capabilities.cpp) ----
Json capabilities();

}  // namespace bp::wire
