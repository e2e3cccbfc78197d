// `./tutor mlp` and the tensor stepper on the wire: the step report and one entry as JSON (nn/spec.hpp), the
// seeded example's request and spec (nn/example_spec.hpp), the writer of the specs the engine makes, and the size
// limits of the two widgets that draw a spec (limits.hpp), each with its own message, checked before the spec
// reaches the engine (a network small enough to draw every weight; every matrix a heat map).
#include <algorithm>
#include <cstdint>
#include <string>

#include "core/names.hpp"
#include "core/nn/example_spec.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/spec.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using namespace nn;
using tensor::Matrix;

// K (Cout, Cin·kh·kw) back into the spec's nesting K[o][c][u][v].
Json kernel_json(const Matrix<double>& k, const SpecLayer& layer) {
  Json out = Json::array();
  for (std::size_t o = 0; o < k.shape()[0]; ++o) {
    Json channels = Json::array();
    for (std::size_t c = 0; c < layer.in.channels; ++c) {
      channels.push_back(rows(k.data() + o * k.shape()[1] + c * layer.kh * layer.kw, layer.kh, layer.kw));
    }
    out.push_back(channels);
  }
  return out;
}

// A layer's weights (or their gradients) as the spec writes them: {"W", "b"}, {"K", "b"}, or {} for pooling.
Json layer_params(const LayerParams& p, const SpecLayer& layer) {
  if (!p.has) return Json::object();
  if (layer.kind == LayerKind::Conv2d) return {{"K", kernel_json(p.w, layer)}, {"b", flat(p.b)}};
  return {{"W", rows(p.w)}, {"b", flat(p.b)}};
}

Json targets_json(const ParsedSpec& spec) {
  if (spec.loss != Loss::SoftmaxCrossEntropy) return rows(spec.targets);
  Json classes = Json::array();
  for (std::size_t i = 0; i < spec.targets.shape()[0]; ++i) classes.push_back(static_cast<long long>(spec.targets(i, 0)));
  return classes;
}

// ---- the widgets' limits: only sizes are checked here; every other field is the engine's to judge ----

// At most `max_layers` layers and, unless `units` is false, at most `max_units` units in and out of each W; `who`
// says which view has the limit ("this widget draws", "the tensor stepper shows").
void check_layer_sizes(const Json& spec, std::size_t max_layers, std::size_t max_units, bool units, const std::string& who) {
  if (!spec.contains("layers") || !spec["layers"].is_array()) return;
  const Json& layers = spec["layers"];
  if (layers.size() > max_layers) {
    throw InputError("network: " + std::to_string(layers.size()) + " layers; " + who + " at most " + std::to_string(max_layers));
  }
  for (std::size_t l = 0; units && l < layers.size(); ++l) {
    const Json& w = layers[l].is_object() && layers[l].contains("W") ? layers[l]["W"] : Json();
    const std::size_t out = w.is_array() && !w.empty() && w[0].is_array() ? w[0].size() : 0;
    if (w.is_array() && (w.size() > max_units || out > max_units)) {
      throw InputError("network: layers[" + std::to_string(l) + "].W is " + std::to_string(w.size()) + "×" +
                       std::to_string(out) + "; " + who + " at most " + std::to_string(max_units) + " units per layer");
    }
  }
}

// A grid spec ("input_shape": conv and pooling layers, drawn by the tensor stepper, not <bp-network>) has only
// the engine's limits there; the tensor stepper counts a grid spec's layers only (its images have the engine's).
void check_view(const Json& spec, View view) {
  using namespace limits;
  if (view == View::Engine) return;
  if (!spec.is_object()) throw InputError("network spec: expected a JSON object");
  const std::size_t rows_n = spec.contains("x") && spec["x"].is_array() ? spec["x"].size() : 0;
  if (view == View::Network) {
    if (spec.contains("input_shape")) return;
    check_layer_sizes(spec, kMaxDrawnLayers, kMaxDrawnUnits, true, "this widget draws");
    if (rows_n > kMaxDrawnSamples) {
      throw InputError("network: " + std::to_string(rows_n) + " input rows; at most " + std::to_string(kMaxDrawnSamples));
    }
    return;
  }
  if (rows_n > kMaxTensorBatch) {
    throw InputError("network: a batch of " + std::to_string(rows_n) + " rows; the tensor stepper shows at most " +
                     std::to_string(kMaxTensorBatch));
  }
  check_layer_sizes(spec, kMaxTensorLayers, kMaxTensorUnits, !spec.contains("input_shape"), "the tensor stepper shows");
}

// "3-4-3" or [3, 4, 3]: the sizes, inputs first, each checked against the tensor stepper's limits.
std::vector<std::size_t> layer_sizes(const Json& request) {
  using namespace limits;
  std::vector<std::size_t> sizes;
  const Json field = request.contains("layers") ? request["layers"] : Json("3-4-3");
  const std::string where = "example: \"layers\"";
  if (field.is_string()) {
    const std::string text = field.get<std::string>();
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t dash = std::min(text.find('-', start), text.size());
      const std::string part = text.substr(start, dash - start);
      if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) {
        throw InputError(where + " must be sizes joined by dashes, such as \"3-4-3\"; got \"" + text + "\"");
      }
      // Any run of digits is a size; one too long to be a number is simply over the limit below.
      sizes.push_back(part.size() > 9 ? SIZE_MAX : std::stoul(part));
      start = dash + 1;
    }
  } else if (field.is_array()) {
    for (const Json& size : field) {
      if (!fields::is_whole(size)) throw InputError(where + " must hold whole numbers, got " + size.dump());
      sizes.push_back(size.get<std::size_t>());
    }
  } else {
    throw InputError(where + " must be a string such as \"3-4-3\" or an array of sizes");
  }
  if (sizes.size() < 2 || sizes.size() > kMaxTensorLayers + 1) {
    throw InputError(where + ": " + std::to_string(sizes.size()) + " sizes; give 2 to " +
                     std::to_string(kMaxTensorLayers + 1) + " (inputs, then each layer's units)");
  }
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] < 1 || sizes[i] > kMaxTensorUnits) {
      const std::string size = sizes[i] == SIZE_MAX ? "too large" : std::to_string(sizes[i]);
      throw InputError(where + "[" + std::to_string(i) + "] is " + size + "; the tensor stepper shows 1 to " +
                       std::to_string(kMaxTensorUnits) + " units per layer");
    }
  }
  return sizes;
}

}  // namespace

Json spec_json(const ParsedSpec& spec) {
  Json layers = Json::array();
  for (const SpecLayer& l : spec.layers) {
    layers.push_back({{"W", rows(l.w)}, {"b", flat(l.b)}, {"activation", tensor::activation_name(l.activation)}});
  }
  return {{"layers", layers}, {"loss", loss_name(spec.loss)}, {"x", rows(spec.x)}, {"y", targets_json(spec)},
          {"optimizer", optimizer_to_json(spec.optimizer)}};
}

Json mlp_step_report(const Json& spec_json, View view) {
  check_view(spec_json, view);
  const ParsedSpec spec = parse_spec(spec_json);
  const StepReport r = mlp_step(spec);
  Json grads = Json::array(), updated = Json::array(), trace = Json::array(), norms = Json::array();
  for (std::size_t l = 0; l < spec.layers.size(); ++l) {
    grads.push_back(layer_params(r.grads[l], spec.layers[l]));
    updated.push_back(layer_params(r.updated[l], spec.layers[l]));
    norms.push_back(r.grad_norms[l] ? Json(*r.grad_norms[l]) : Json(nullptr));
    const LayerValues& t = r.trace[l];
    trace.push_back({{"z", rows(t.z)}, {"a", rows(t.a)}, {"dz", rows(t.dz)}, {"da", rows(t.da)}});
  }
  Json report = {{"outputs", rows(r.outputs)}, {"loss", r.loss}, {"grads", grads}, {"updated", updated},
                 {"loss_after", r.loss_after}, {"trace", trace}, {"steps", steps_json(r.steps)}, {"grad_norms", norms}};
  if (r.probs) report["probs"] = rows(*r.probs);
  return report;
}

Json mlp_entry_report(const Json& spec, const std::string& target, std::size_t row, std::size_t col, View view) {
  check_view(spec, view);
  return entry_json(mlp_entry(parse_spec(spec), target, row, col));
}

Json example_spec(const Json& request) {
  using namespace limits;
  fields::only_keys(request, {"layers", "activation", "loss", "batch", "seed", "init_scale", "lr"}, "example");
  ExampleChoices c;
  c.sizes = layer_sizes(request);
  const std::string activation = fields::text(request, "activation", "tanh", "example");
  if (!tensor::activation_named(activation, c.activation)) {
    throw InputError("example: unknown activation \"" + activation + "\" (" + tensor::activation_names_text() + ")");
  }
  const std::string loss = fields::text(request, "loss", "softmax_cross_entropy", "example");
  if (!loss_named(loss, c.loss)) {
    throw InputError("example: unknown loss \"" + loss + "\" (" + name_list(kLosses, loss_name) + ")");
  }
  c.batch = fields::whole(request, "batch", 4, 1, kMaxTensorBatch, "example");
  c.seed = static_cast<std::uint32_t>(fields::whole(request, "seed", 1, 0, kMaxSeed, "example"));
  c.init_scale = fields::number(request, "init_scale", 1, 0, kMaxInitScale, "example");
  c.lr = fields::number(request, "lr", 0.1, 0, kMaxLearningRate, "example");
  return spec_json(nn::example_spec(c));
}

}  // namespace bp::wire
