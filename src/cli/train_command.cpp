// `train --dataset spiral --layers 16,16 --activation tanh --lr 0.1 --steps 2000 [--seed N] ...`: trains an MLP
// with a progress bar on stderr and prints {"config", "steps", "loss", "accuracy", "seconds"} as JSON (loss and
// accuracy over the whole dataset at the end). Exit 2 with {"error": ...} for bad flags or values.
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/nn/inspector.hpp"
#include "core/number_format.hpp"
#include "core/wire/replies.hpp"

#ifndef BP_DIGITS_JSON
#define BP_DIGITS_JSON ""
#endif

namespace bp::cli {
namespace {

using json = wire::Json;
using wire::is_error_reply;

const char* const kUsage =
    "usage: train --dataset circle|xor|gauss|spiral|moons|digits [--layers 16,16] [--activation tanh] [--lr 0.1]\n"
    "             [--steps 2000] [--seed N] [--optimizer sgd|momentum|adam] [--batch N] [--samples N]\n"
    "             [--noise X] [--l2 X] [--dtype float32|float64] [--data digits.json] [--quiet]";

// A flag's value as JSON: a number when it reads as one, else the text (the config check names bad values).
// A number beyond the double range (1e400) is named here: as text it would only be "not a number".
json value_of(const std::string& flag, const std::string& text) {
  const json number = json::parse(text, nullptr, false);
  if (number.is_number()) return number;
  if (is_number_literal(text)) {
    throw InputError(flag + ": " + text + " is too large for a number (at most about 1.8e308)");
  }
  return json(text);
}

json layers_of(const std::string& text) {
  json layers = json::array();
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) layers.push_back(value_of("--layers", item));
  return layers;
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError("cannot read the digits file '" + path + "' (pass --data PATH)");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void progress(std::size_t done, std::size_t total, double loss) {
  const int width = 30, filled = total ? int(width * done / total) : width;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done << "/" << total
            << " loss " << loss << std::flush;
}

json run(int argc, char** argv, bool& quiet) {
  json config = json::object(), optimizer = {{"type", "sgd"}, {"lr", 0.1}};
  std::size_t steps = 2000;
  std::string data_path = BP_DIGITS_JSON;
  for (int i = 0; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--quiet") { quiet = true; continue; }
    if (i + 1 >= argc || std::strncmp(flag.c_str(), "--", 2) != 0) throw InputError(std::string("bad argument '") + flag + "'\n" + kUsage);
    const std::string value = argv[++i];
    if (flag == "--layers") config["layers"] = layers_of(value);
    else if (flag == "--lr") optimizer["lr"] = value_of(flag, value);
    else if (flag == "--optimizer") optimizer["type"] = value;
    else if (flag == "--batch") config["batch_size"] = value_of(flag, value);
    else if (flag == "--data") data_path = value;
    else if (flag == "--steps") {
      const json n = value_of(flag, value);
      if (!n.is_number_integer() || n.get<long long>() < 0 || n.get<long long>() > 100000000) throw InputError("--steps must be a whole number ≤ 1e8");
      steps = n.get<std::size_t>();
    } else if (flag == "--dataset" || flag == "--activation" || flag == "--dtype") config[flag.substr(2)] = value;
    else if (flag == "--seed" || flag == "--samples" || flag == "--noise" || flag == "--l2") config[flag.substr(2)] = value_of(flag, value);
    else throw InputError("unknown flag '" + flag + "'\n" + kUsage);
  }
  if (!config.contains("dataset")) throw InputError(std::string("--dataset is required\n") + kUsage);
  config["optimizer"] = optimizer;
  const std::string digits = config["dataset"] == "digits" ? read_file(data_path) : "";
  std::unique_ptr<nn::Trainer> trainer = wire::make_trainer(config, digits);
  const auto start = std::chrono::steady_clock::now();
  const std::size_t chunk = steps / 50 + 1;
  for (std::size_t done = 0; done < steps;) {
    const std::size_t n = std::min(chunk, steps - done);
    trainer->step(n);
    done += n;
    if (!quiet) progress(done, steps, trainer->last_loss());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!quiet && steps > 0) std::cerr << "\n";
  const nn::Metrics metrics = trainer->evaluate();
  const json described = wire::description_json(nn::Inspector(*trainer).describe())["config"];
  return {{"config", described}, {"steps", steps}, {"loss", metrics.loss}, {"accuracy", metrics.accuracy},
          {"seconds", seconds}};
}

}  // namespace

int train_command(int argc, char** argv) {
  bool quiet = false;
  const json report = wire::guarded_reply([&] { return run(argc, argv, quiet); });
  std::cout << wire::dump(report) << "\n";
  return is_error_reply(report) ? 2 : 0;
}

}  // namespace bp::cli
