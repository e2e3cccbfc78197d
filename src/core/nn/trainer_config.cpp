// The trainer's JSON config (fields in trainer.hpp) and the dataset it names: every field is checked here, so
// the trainer itself only sees valid settings.
#include <cmath>
#include <limits>

#include "core/nn/json_fields.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/trainer.hpp"

namespace bp::nn {

using nlohmann::json;
using namespace limits;

TrainerConfig trainer_config_from_json(const json& config) {
  const std::string where = "trainer config";
  fields::only_keys(config, {"dataset", "samples", "noise", "classes", "seed", "layers", "activation", "init",
                             "optimizer", "batch_size", "l2", "l1", "dtype", "data", "params", "test_fraction",
                             "extra", "halt_on_divergence"}, where);
  TrainerConfig c;
  if (!config.contains("dataset")) throw InputError(where + ": \"dataset\" is required");
  c.dataset = fields::text(config, "dataset", "", where);
  c.data_options.samples = fields::whole(config, "samples", 300, kMinSamples, kMaxSamples, where);
  c.data_options.noise = fields::number(config, "noise", c.dataset == "spiral" ? 0.1 : 0.05, 0, kMaxNoise, where);
  c.data_options.classes = fields::whole(config, "classes", 3, kMinClasses, kMaxClasses, where);
  c.data_options.seed = static_cast<std::uint32_t>(fields::whole(config, "seed", 1, 0, kMaxSeed, where));
  if (config.contains("layers")) {
    if (!config["layers"].is_array() || config["layers"].size() > kMaxHiddenLayers) {
      throw InputError(where + ": \"layers\" must be a list of at most " + std::to_string(kMaxHiddenLayers) +
                       " hidden layer sizes, like [16, 16]");
    }
    for (const json& units : config["layers"]) {
      if (!fields::is_whole(units) || units.get<std::size_t>() < 1 || units.get<std::size_t>() > kMaxUnits) {
        throw InputError(where + ": each hidden layer size must be a whole number in [1, " + std::to_string(kMaxUnits) + "]");
      }
      c.hidden.push_back(units.get<std::size_t>());
    }
  } else {
    c.hidden = {16, 16};
  }
  const std::string activation = fields::text(config, "activation", "tanh", where);
  if (!tensor::activation_named(activation, c.activation)) {
    throw InputError(where + ": unknown activation \"" + activation + "\" (sigmoid, tanh, relu, leaky_relu, linear)");
  }
  const std::string init = fields::text(config, "init", "glorot", where);
  if (!init_named(init, c.init)) throw InputError(where + ": unknown init \"" + init + "\" (glorot, he)");
  c.optimizer = config.contains("optimizer") ? optimizer_from_json(config["optimizer"]) : OptimizerConfig{};
  c.batch_size = fields::whole(config, "batch_size", 0, 0, kMaxBatch, where);
  c.l2 = fields::number(config, "l2", 0, 0, kMaxPenalty, where);
  c.l1 = fields::number(config, "l1", 0, 0, kMaxPenalty, where);
  c.test_fraction = fields::number(config, "test_fraction", 0, 0, kMaxTestFraction, where);
  if (config.contains("halt_on_divergence")) {
    if (!config["halt_on_divergence"].is_boolean()) throw InputError(where + ": \"halt_on_divergence\" is true or false");
    c.halt_on_divergence = config["halt_on_divergence"].get<bool>();
  }
  const std::string dtype = fields::text(config, "dtype", "float32", where);
  if (dtype != "float32" && dtype != "float64") throw InputError(where + ": \"dtype\" is float32 or float64");
  c.float32 = dtype == "float32";
  if (config.contains("params")) {
    if (!config["params"].is_array()) throw InputError(where + ": \"params\" must be a list of number lists");
    for (std::size_t k = 0; k < config["params"].size(); ++k) {
      const json& list = config["params"][k];
      if (!list.is_array()) throw InputError(where + ": params[" + std::to_string(k) + "] must be a list");
      std::vector<double> values;
      values.reserve(list.size());
      for (std::size_t i = 0; i < list.size(); ++i) {
        values.push_back(fields::element(list[i], "params[" + std::to_string(k) + "][" + std::to_string(i) + "]"));
      }
      c.params.push_back(std::move(values));
    }
  }
  return c;
}

json trainer_config_to_json(const TrainerConfig& c) {
  json out = {{"dataset", c.dataset}, {"samples", c.data_options.samples}, {"noise", c.data_options.noise},
              {"classes", c.data_options.classes}, {"seed", c.data_options.seed}, {"layers", c.hidden},
              {"activation", tensor::activation_name(c.activation)}, {"init", c.init == Init::Glorot ? "glorot" : "he"},
              {"optimizer", optimizer_to_json(c.optimizer)}, {"batch_size", c.batch_size}, {"l2", c.l2},
              {"dtype", c.float32 ? "float32" : "float64"}};
  // Fields added for the training page appear only when set, so older reports keep their exact shape.
  if (c.l1 != 0) out["l1"] = c.l1;
  if (c.test_fraction != 0) out["test_fraction"] = c.test_fraction;
  if (c.halt_on_divergence) out["halt_on_divergence"] = true;
  return out;
}

namespace {

Dataset custom_dataset(const json& config) {
  const std::string where = "trainer config: \"data\"";
  if (!config.contains("data")) throw InputError("trainer config: dataset \"custom\" needs a \"data\" object");
  const json& data = config["data"];
  fields::only_keys(data, {"x", "y", "d", "classes"}, where);
  Dataset out;
  out.name = "custom";
  out.d = fields::whole(data, "d", 0, 1, 100000, where);
  out.classes = fields::whole(data, "classes", 0, 2, 1000, where);
  if (out.d == 0 || out.classes == 0) throw InputError(where + ": needs \"d\" and \"classes\"");
  if (!data.contains("x") || !data["x"].is_array() || !data.contains("y") || !data["y"].is_array() ||
      data["y"].empty() || data["x"].size() != data["y"].size() * out.d) {
    throw InputError(where + ": \"x\" must hold n·d numbers for the n labels of \"y\"");
  }
  out.n = data["y"].size();
  out.x.reserve(data["x"].size());
  for (std::size_t i = 0; i < data["x"].size(); ++i) {
    out.x.push_back(fields::element(data["x"][i], "data.x[" + std::to_string(i) + "]"));
  }
  for (std::size_t i = 0; i < out.n; ++i) {
    const json& v = data["y"][i];
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() >= (long long)out.classes) {
      throw InputError(where + ": y[" + std::to_string(i) + "] must be a class index in [0, classes)");
    }
    out.y.push_back(v.get<int>());
  }
  return out;
}

// Points clicked onto a page: {"x": [k·d numbers], "y": [k labels]}, labels in [0, classes).
void append_extra(const json& extra, Dataset& data, std::vector<double>& x, std::vector<int>& y) {
  const std::string where = "trainer config: \"extra\"";
  fields::only_keys(extra, {"x", "y"}, where);
  if (!extra.contains("x") || !extra["x"].is_array() || !extra.contains("y") || !extra["y"].is_array() ||
      extra["x"].size() != extra["y"].size() * data.d) {
    throw InputError(where + ": \"x\" must hold k·" + std::to_string(data.d) + " numbers for the k labels of \"y\"");
  }
  if (extra["y"].size() > kMaxExtraPoints) {
    throw InputError(where + ": at most " + std::to_string(kMaxExtraPoints) + " points");
  }
  for (std::size_t i = 0; i < extra["x"].size(); ++i) {
    x.push_back(fields::element(extra["x"][i], "extra.x[" + std::to_string(i) + "]"));
  }
  for (std::size_t i = 0; i < extra["y"].size(); ++i) {
    const json& v = extra["y"][i];
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() >= (long long)data.classes) {
      throw InputError(where + ": y[" + std::to_string(i) + "] must be a class index in [0, " +
                       std::to_string(data.classes) + ")");
    }
    y.push_back(v.get<int>());
  }
}

Dataset source_dataset(const TrainerConfig& c, const json& raw_config, const std::string& digits_text) {
  if (c.dataset == "custom") return custom_dataset(raw_config);
  if (c.dataset == "digits") {
    if (digits_text.empty()) throw InputError("trainer config: dataset \"digits\" needs the digits.json text");
    return digits_dataset(digits_text, c.data_options.seed);
  }
  if (raw_config.contains("data")) throw InputError("trainer config: \"data\" is only for dataset \"custom\"");
  return toy_dataset(c.dataset, c.data_options);
}

}  // namespace

// The source rows are already shuffled (toy and digits data) or in the caller's order (custom): the test rows
// are the last ⌊n·f⌋ of them, and clicked points join the training rows, after the generated ones.
Dataset dataset_for(const TrainerConfig& c, const json& raw_config, const std::string& digits_text,
                    std::size_t& train_rows) {
  Dataset data = source_dataset(c, raw_config, digits_text);
  const std::size_t test = static_cast<std::size_t>(std::floor(double(data.n) * c.test_fraction));
  const std::size_t kept = data.n - test;
  if (kept == 0) throw InputError("trainer config: \"test_fraction\" leaves no training rows");
  std::vector<double> x(data.x.begin(), data.x.begin() + kept * data.d);
  std::vector<int> y(data.y.begin(), data.y.begin() + kept);
  if (raw_config.contains("extra")) append_extra(raw_config["extra"], data, x, y);
  train_rows = y.size();
  x.insert(x.end(), data.x.begin() + kept * data.d, data.x.end());
  y.insert(y.end(), data.y.begin() + kept, data.y.end());
  data.x.swap(x);
  data.y.swap(y);
  data.n = data.y.size();
  return data;
}

}  // namespace bp::nn
