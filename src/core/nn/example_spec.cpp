// Builds the seeded spec of example_spec.hpp. Draw order (fixed, so a seed means one spec everywhere): every
// layer's W row by row then its b, then x row by row, then the targets.
#include "core/nn/example_spec.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/nn/json_fields.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/mlp.hpp"
#include "core/nn/rng.hpp"
#include "core/tensor/activation.hpp"

namespace bp::nn {
namespace {

using nlohmann::json;

// Three significant digits: 0.123, −1.57, 0.00412 (a tiny initialisation scale must not round to zero).
double readable(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  // Dividing by an exact power of ten gives the double nearest the decimal, which prints as that decimal.
  const double digits = 2 - std::floor(std::log10(std::fabs(x)));
  return digits >= 0 ? std::round(x * std::pow(10.0, digits)) / std::pow(10.0, digits)
                     : std::round(x / std::pow(10.0, -digits)) * std::pow(10.0, -digits);
}

// "3-4-3" or [3, 4, 3]: the sizes, inputs first, at least two.
std::vector<std::size_t> layer_sizes(const json& request) {
  using namespace limits;
  std::vector<std::size_t> sizes;
  const json field = request.contains("layers") ? request["layers"] : json("3-4-3");
  const std::string where = "example: \"layers\"";
  if (field.is_string()) {
    const std::string text = field.get<std::string>();
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t dash = std::min(text.find('-', start), text.size());
      const std::string part = text.substr(start, dash - start);
      if (part.empty() || part.size() > 4 || part.find_first_not_of("0123456789") != std::string::npos) {
        throw InputError(where + " must be sizes joined by dashes, such as \"3-4-3\"; got \"" + text + "\"");
      }
      sizes.push_back(std::stoul(part));
      start = dash + 1;
    }
  } else if (field.is_array()) {
    for (const json& size : field) {
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
      throw InputError(where + "[" + std::to_string(i) + "] is " + std::to_string(sizes[i]) + "; sizes run from 1 to " +
                       std::to_string(kMaxTensorUnits));
    }
  }
  return sizes;
}

}  // namespace

json example_spec(const json& request) {
  using namespace limits;
  fields::only_keys(request, {"layers", "activation", "loss", "batch", "seed", "init_scale", "lr"}, "example");
  const std::vector<std::size_t> sizes = layer_sizes(request);
  const std::string activation = fields::text(request, "activation", "tanh", "example");
  tensor::Activation kind;
  if (!tensor::activation_named(activation, kind)) throw InputError("example: unknown activation \"" + activation + "\"");
  const std::string loss_text = fields::text(request, "loss", "softmax_cross_entropy", "example");
  Loss loss;
  if (!loss_named(loss_text, loss)) throw InputError("example: unknown loss \"" + loss_text + "\"");
  const std::size_t batch = fields::whole(request, "batch", 4, 1, kMaxTensorBatch, "example");
  const std::size_t seed = fields::whole(request, "seed", 1, 0, kMaxSeed, "example");
  const double scale = fields::number(request, "init_scale", 1, 0, kMaxInitScale, "example");
  const double lr = fields::number(request, "lr", 0.1, 0, kMaxLearningRate, "example");
  if (loss == Loss::SoftmaxCrossEntropy && sizes.back() < 2) {
    throw InputError("example: softmax cross-entropy needs at least 2 output units, got " + std::to_string(sizes.back()));
  }

  Rng rng(static_cast<std::uint32_t>(seed));
  json layers = json::array();
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const std::size_t in = sizes[l], out = sizes[l + 1];
    const double limit = scale * std::sqrt(6.0 / double(in + out));  // Glorot uniform, times the scale
    json w = json::array(), b = json::array();
    for (std::size_t i = 0; i < in; ++i) {
      json row = json::array();
      for (std::size_t j = 0; j < out; ++j) row.push_back(readable(rng.uniform(-limit, limit)));
      w.push_back(row);
    }
    for (std::size_t j = 0; j < out; ++j) b.push_back(std::round(rng.uniform(-10, 10)) / 100);  // small, so db shows
    const bool last = l + 2 == sizes.size();
    layers.push_back({{"W", w}, {"b", b}, {"activation", last ? "linear" : activation}});
  }
  json x = json::array(), y = json::array();
  for (std::size_t n = 0; n < batch; ++n) {
    json row = json::array();
    for (std::size_t i = 0; i < sizes.front(); ++i) row.push_back(std::round(rng.uniform(-100, 100)) / 100);
    x.push_back(row);
  }
  for (std::size_t n = 0; n < batch; ++n) {
    if (loss == Loss::SoftmaxCrossEntropy) {
      y.push_back(std::size_t(rng.uniform() * double(sizes.back())));
    } else {
      json row = json::array();
      for (std::size_t j = 0; j < sizes.back(); ++j) row.push_back(std::round(rng.uniform(-100, 100)) / 100);
      y.push_back(row);
    }
  }
  return {{"layers", layers}, {"loss", loss_name(loss)}, {"x", x}, {"y", y}, {"optimizer", {{"type", "sgd"}, {"lr", lr}}}};
}

}  // namespace bp::nn
