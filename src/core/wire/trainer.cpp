// Training sessions on the wire: the JSON config (fields in nn/trainer.hpp) and the dataset it names, every field
// checked here so the trainer itself only sees valid settings; the digits file; and the replies of a session
// (its description, one sample, a chain rule, a divergence). Names in messages come from their registries.
#include <cmath>
#include <limits>

#include "core/names.hpp"
#include "core/nn/limits.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {

using json = Json;
using namespace nn;
using namespace nn::limits;

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
    throw InputError(where + ": unknown activation \"" + activation + "\" (" + tensor::activation_names_text() + ")");
  }
  const std::string init = fields::text(config, "init", "glorot", where);
  if (!init_named(init, c.init)) {
    throw InputError(where + ": unknown init \"" + init + "\" (" + name_list(kInits, init_name) + ")");
  }
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
              {"activation", tensor::activation_name(c.activation)}, {"init", init_name(c.init)},
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

// Points clicked onto a page: {"x": [k·d numbers], "y": [k labels]}; dataset_for checks them against the data.
ExtraPoints extra_points(const json& extra) {
  const std::string where = "trainer config: \"extra\"";
  fields::only_keys(extra, {"x", "y"}, where);
  if (!extra.contains("x") || !extra["x"].is_array() || !extra.contains("y") || !extra["y"].is_array()) {
    throw InputError(where + ": needs the lists \"x\" (k·d numbers) and \"y\" (k labels)");
  }
  if (extra["y"].size() > kMaxExtraPoints) {
    throw InputError(where + ": at most " + std::to_string(kMaxExtraPoints) + " points");
  }
  ExtraPoints out;
  for (std::size_t i = 0; i < extra["x"].size(); ++i) {
    out.x.push_back(fields::element(extra["x"][i], "extra.x[" + std::to_string(i) + "]"));
  }
  for (const json& v : extra["y"]) out.y.push_back(v.is_number_integer() ? v.get<long long>() : -1);  // -1: not a label
  return out;
}

}  // namespace

Dataset digits_dataset(const std::string& text, std::uint32_t seed) {
  const json src = parse(text, "digits");
  if (!src.is_object()) throw InputError("digits: the data is not a JSON object");
  const auto count = [&](const char* key) {
    if (!src.contains(key) || !fields::is_whole(src[key]) || src[key].get<std::size_t>() == 0) {
      throw InputError(std::string("digits: \"") + key + "\" must be a positive whole number");
    }
    return src[key].get<std::size_t>();
  };
  const std::size_t n = count("n"), d = count("d");
  const double pixel_max = double(count("pixel_max"));
  if (!src.contains("x") || !src["x"].is_array() || !src.contains("y") || !src["y"].is_array()) {
    throw InputError("digits: \"x\" needs n·d numbers and \"y\" n labels");
  }
  std::vector<double> pixels;
  std::vector<int> labels;
  for (const json& v : src["x"]) {
    if (!v.is_number()) throw InputError("digits: \"x\" holds a non-number");
    pixels.push_back(v.get<double>());
  }
  for (const json& v : src["y"]) {
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 9) throw InputError("digits: labels are 0..9");
    labels.push_back(v.get<int>());
  }
  return nn::digits_dataset(n, d, pixel_max, pixels, labels, seed);
}

namespace {

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

std::unique_ptr<Trainer> make_trainer(const json& raw_config, const std::string& digits_text) {
  const TrainerConfig config = trainer_config_from_json(raw_config);
  Dataset source = source_dataset(config, raw_config, digits_text);
  const ExtraPoints extra = raw_config.contains("extra") ? extra_points(raw_config["extra"]) : ExtraPoints{};
  std::size_t train_rows = 0;
  Dataset data = dataset_for(config, std::move(source), extra, train_rows);
  return nn::make_trainer(config, std::move(data), train_rows);
}

json divergence_json(const Divergence& d) {
  return {{"step", d.step}, {"reason", d.reason}, {"loss", d.loss}, {"guess_loss", d.guess_loss},
          {"max_weight", d.max_weight}, {"max_preactivation", d.max_preactivation}, {"flat_units", d.flat_units},
          {"suggested_lr", d.suggested_lr}};
}

json metrics_json(const Metrics& m, std::size_t steps) {
  return {{"loss", number(m.loss)}, {"accuracy", m.accuracy}, {"steps", steps}};
}

json sample_json(const SampleReport& s) {
  json layers = json::array();
  for (const SampleReport::Layer& l : s.layers) {
    layers.push_back({{"activation", tensor::activation_name(l.activation)}, {"z", l.z}, {"a", l.a}, {"dz", l.dz},
                      {"da", l.da}, {"dW", l.dW}, {"db", l.db}});
  }
  return {{"row", s.row}, {"x", s.x}, {"label", s.label}, {"test", s.test}, {"loss", s.loss}, {"probs", s.probs},
          {"prediction", s.prediction}, {"layers", layers}};
}

json chain_json(const ChainExplanation& c) {
  return {{"value", c.value}, {"parameter", c.parameter}, {"latex", c.latex}};
}

json description_json(const Description& d) {
  json layers = json::array();
  for (const Description::Layer& l : d.layers) {
    layers.push_back({{"in", l.in}, {"out", l.out}, {"activation", tensor::activation_name(l.activation)}});
  }
  return {{"config", trainer_config_to_json(d.config)},
          {"dataset", {{"name", d.dataset}, {"n", d.n}, {"d", d.d}, {"classes", d.classes},
                       {"train_rows", d.train_rows}, {"test_rows", d.test_rows}}},
          {"layers", layers}, {"parameters", d.parameters}, {"loss", "softmax_cross_entropy"}, {"steps", d.steps}};
}

}  // namespace bp::wire
