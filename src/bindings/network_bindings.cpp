// Embind binding of one forward/backward/update of a small network given in full (core/nn/spec.hpp, the engine
// behind `./tutor mlp`), for the <bp-network> widget. JSON text in, JSON text out; bad input comes back as
// {"error": ...}, never as an exception. It also enforces the widget's size limits (a network small enough to
// draw every weight), each with its own message, before the spec reaches the engine. Not a trainer: one step only.
// The tensor stepper's calls live here too: its seeded example spec, the step trace under its own limits (every
// matrix a heat map), one entry written out as a sum, and its shape quiz.
#include <emscripten/bind.h>

#include <string>

#include "bindings/guard.hpp"
#include "core/error.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/example_spec.hpp"
#include "core/nn/spec.hpp"
#include "core/tensor/shape_answer.hpp"

namespace {

using nlohmann::json;

// Beyond these a drawing of every weight and its gradient stops being readable (and stays cheap to compute).
constexpr std::size_t kMaxLayers = bp::nn::limits::kMaxDrawnLayers;
constexpr std::size_t kMaxUnits = bp::nn::limits::kMaxDrawnUnits;
constexpr std::size_t kMaxSamples = bp::nn::limits::kMaxDrawnSamples;

// At most `max_layers` layers and, unless `units` is false, at most `max_units` units in and out of each W; `who`
// says which view has the limit ("this widget draws", "the tensor stepper shows").
void check_layer_sizes(const json& spec, std::size_t max_layers, std::size_t max_units, bool units, const std::string& who) {
  if (!spec.contains("layers") || !spec["layers"].is_array()) return;
  const json& layers = spec["layers"];
  if (layers.size() > max_layers) {
    throw bp::InputError("network: " + std::to_string(layers.size()) + " layers; " + who + " at most " + std::to_string(max_layers));
  }
  for (std::size_t l = 0; units && l < layers.size(); ++l) {
    const json& w = layers[l].is_object() && layers[l].contains("W") ? layers[l]["W"] : json();
    const std::size_t out = w.is_array() && !w.empty() && w[0].is_array() ? w[0].size() : 0;
    if (w.is_array() && (w.size() > max_units || out > max_units)) {
      throw bp::InputError("network: layers[" + std::to_string(l) + "].W is " + std::to_string(w.size()) + "×" +
                           std::to_string(out) + "; " + who + " at most " + std::to_string(max_units) + " units per layer");
    }
  }
}

// Only sizes are checked here; every other field is the engine's to judge (with its own messages). A grid spec
// ("input_shape": conv and pooling layers, drawn by the tensor stepper, not this widget) has only the engine's limits.
void check_limits(const json& spec) {
  if (!spec.is_object()) throw bp::InputError("network spec: expected a JSON object");
  if (spec.contains("input_shape")) return;
  check_layer_sizes(spec, kMaxLayers, kMaxUnits, true, "this widget draws");
  if (spec.contains("x") && spec["x"].is_array() && spec["x"].size() > kMaxSamples) {
    throw bp::InputError("network: " + std::to_string(spec["x"].size()) + " input rows; at most " +
                         std::to_string(kMaxSamples));
  }
}

// The tensor stepper's limits: a batch of at most kMaxTensorBatch rows, each matrix small enough for a heat map
// (a grid spec's layers only by count: its images have the engine's own limits).
void check_tensor_limits(const json& spec) {
  using namespace bp::nn::limits;
  if (!spec.is_object()) throw bp::InputError("network spec: expected a JSON object");
  if (spec.contains("x") && spec["x"].is_array() && spec["x"].size() > kMaxTensorBatch) {
    throw bp::InputError("network: a batch of " + std::to_string(spec["x"].size()) + " rows; the tensor stepper shows at most " +
                         std::to_string(kMaxTensorBatch));
  }
  check_layer_sizes(spec, kMaxTensorLayers, kMaxTensorUnits, !spec.contains("input_shape"), "the tensor stepper shows");
}

// The `./tutor mlp` report for `spec_text`, or {"error": {"message", "position"}}.
std::string mlp_step(const std::string& spec_text) {
  return bp::bindings::reply([&] {
    const json spec = bp::bindings::parse_json(spec_text, "network spec");
    check_limits(spec);
    return bp::nn::mlp_step_report(spec);
  });
}

// The same report under the tensor stepper's limits.
std::string tensor_step(const std::string& spec_text) {
  return bp::bindings::reply([&] {
    const json spec = bp::bindings::parse_json(spec_text, "network spec");
    check_tensor_limits(spec);
    return bp::nn::mlp_step_report(spec);
  });
}

// `./tutor example CHOICES`: the seeded spec for {"layers": "3-4-3", "activation", "loss", "batch", "seed", ...}.
std::string tensor_example(const std::string& choices_text) {
  return bp::bindings::reply([&] { return bp::nn::example_spec(bp::bindings::parse_json(choices_text, "choices")); });
}

// One entry (0-based row, col) of the rule computing `target` ("dW1"), written out as a sum with its numbers.
std::string tensor_entry(const std::string& spec_text, const std::string& target, int row, int col) {
  return bp::bindings::reply([&] {
    const json spec = bp::bindings::parse_json(spec_text, "network spec");
    check_tensor_limits(spec);
    if (row < 0 || col < 0) throw bp::InputError("entry: row and column must not be negative");
    return bp::nn::mlp_entry_report(spec, target, std::size_t(row), std::size_t(col));
  });
}

// {"correct", "guess", "slip"} for a typed shape against `shape_json` ([3, 4]).
std::string check_shape_answer(const std::string& typed, const std::string& shape_json) {
  return bp::bindings::reply([&] {
    const json shape = bp::bindings::parse_json(shape_json, "shape");
    if (!shape.is_array()) throw bp::InputError("shape: expected an array of sizes");
    std::vector<std::size_t> dims;
    for (const json& d : shape) {
      if (!d.is_number_unsigned()) throw bp::InputError("shape: expected whole numbers, got " + d.dump());
      dims.push_back(d.get<std::size_t>());
    }
    return bp::tensor::check_shape_answer(typed, dims);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_network) {
  emscripten::function("mlpStep", &mlp_step);
  emscripten::function("tensorStep", &tensor_step);
  emscripten::function("tensorExample", &tensor_example);
  emscripten::function("tensorEntry", &tensor_entry);
  emscripten::function("checkShapeAnswer", &check_shape_answer);
}
