// Embind binding of one forward/backward/update of a small network given in full (core/nn/spec.hpp, the engine
// behind `./tutor mlp`), for the <bp-network> widget. JSON text in, JSON text out; bad input comes back as
// {"error": ...}, never as an exception. It also enforces the widget's size limits (a network small enough to
// draw every weight), each with its own message, before the spec reaches the engine. Not a trainer: one step only.
#include <emscripten/bind.h>

#include <string>

#include "bindings/guard.hpp"
#include "core/error.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/spec.hpp"

namespace {

using nlohmann::json;

// Beyond these a drawing of every weight and its gradient stops being readable (and stays cheap to compute).
constexpr std::size_t kMaxLayers = bp::nn::limits::kMaxDrawnLayers;
constexpr std::size_t kMaxUnits = bp::nn::limits::kMaxDrawnUnits;
constexpr std::size_t kMaxSamples = bp::nn::limits::kMaxDrawnSamples;

// Only sizes are checked here; every other field is the engine's to judge (with its own messages). A grid spec
// ("input_shape": conv and pooling layers, drawn by the tensor stepper, not this widget) has only the engine's limits.
void check_limits(const json& spec) {
  if (!spec.is_object()) throw bp::InputError("network spec: expected a JSON object");
  if (spec.contains("input_shape")) return;
  const std::string limit = std::to_string(kMaxUnits);
  if (spec.contains("layers") && spec["layers"].is_array()) {
    const json& layers = spec["layers"];
    if (layers.size() > kMaxLayers) {
      throw bp::InputError("network: " + std::to_string(layers.size()) + " layers; this widget draws at most " +
                           std::to_string(kMaxLayers));
    }
    for (std::size_t l = 0; l < layers.size(); ++l) {
      const json& w = layers[l].is_object() && layers[l].contains("W") ? layers[l]["W"] : json();
      if (!w.is_array()) continue;
      const std::size_t out = !w.empty() && w[0].is_array() ? w[0].size() : 0;
      if (w.size() > kMaxUnits || out > kMaxUnits) {
        throw bp::InputError("network: layers[" + std::to_string(l) + "].W is " + std::to_string(w.size()) + "×" +
                             std::to_string(out) + "; this widget draws at most " + limit + " units per layer");
      }
    }
  }
  if (spec.contains("x") && spec["x"].is_array() && spec["x"].size() > kMaxSamples) {
    throw bp::InputError("network: " + std::to_string(spec["x"].size()) + " input rows; at most " +
                         std::to_string(kMaxSamples));
  }
}

// The `./tutor mlp` report for `spec_text`, or {"error": {"message", "position"}}.
std::string mlp_step(const std::string& spec_text) {
  return bp::bindings::reply([&] {
    const json spec = bp::bindings::parse_json(spec_text, "network spec");
    check_limits(spec);
    return bp::nn::mlp_step_report(spec);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_network) {
  emscripten::function("mlpStep", &mlp_step);
}
