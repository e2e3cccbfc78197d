// bp_bench: the native side of `./tutor bench`. `bp_bench WORKLOAD.json` trains one benchmark workload
// (../shared/bench/WORKLOADS.md) with the engine's trainer under the shared timing protocol and prints one JSON
// line; `bp_bench gemm M N K` prints the GEMM micro-benchmark. Not a test: numbers only, the harness compares.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.hpp"
#include "core/tensor/gemm_timing.hpp"
#include "core/wire/replies.hpp"

namespace {

using json = bp::wire::Json;
using Clock = std::chrono::steady_clock;

double env_number(const char* name, double fallback) {
  const char* v = std::getenv(name);
  return v ? std::atof(v) : fallback;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The trainer config of a workload file: its data, its initial parameters, full float32 SGD.
json config_of(const json& w) {
  const json& layers = w["model"]["layers"];
  json hidden = json::array();
  for (std::size_t i = 1; i + 1 < layers.size(); ++i) hidden.push_back(layers[i]);
  json params = json::array();
  for (const json& p : w["params"]) params.push_back(p["data"]);
  return {{"dataset", "custom"}, {"layers", hidden}, {"activation", w["model"]["hidden_activation"]},
          {"optimizer", {{"type", "sgd"}, {"lr", w["optimizer"]["lr"]}}},
          {"batch_size", w["batching"]["batch_size"]}, {"dtype", "float32"}, {"params", params},
          {"data", {{"x", w["x"]["data"]}, {"y", w["y"]}, {"d", w["x"]["shape"][1]}, {"classes", layers.back()}}}};
}

int run_workload(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw bp::InputError("cannot read " + path);
  const json w = json::parse(file);
  auto trainer = bp::wire::make_trainer(config_of(w));
  const std::size_t steps = w["batching"]["steps"].get<std::size_t>();
  const std::size_t warm_steps = w["workload"] == "W1" ? 20 : w["workload"] == "W2" ? 28 : 10;
  const double warmup_target = env_number("PEER_BENCH_WARMUP_S", 1.5);
  const auto warm_start = Clock::now();
  while (seconds_since(warm_start) < warmup_target) {
    trainer->step(warm_steps);
    trainer->reset();
  }
  const double warmup = seconds_since(warm_start);
  const int max_repeats = int(env_number("PEER_BENCH_REPEATS", 3));
  const double budget = env_number("PEER_BENCH_REPEAT_BUDGET_S", 5);
  json all = json::array();
  double best = 1e300, total = 0;
  for (int r = 0; r < max_repeats && total < budget; ++r) {
    trainer->reset();
    const auto start = Clock::now();
    trainer->step(steps);
    volatile float read_back = *static_cast<const float*>(trainer->parameter(0, false, false).data);
    (void)read_back;
    const double s = seconds_since(start);
    all.push_back(s);
    total += s;
    best = std::min(best, s);
  }
  const bp::nn::Metrics m = trainer->evaluate();
  const std::string metric = w["metric"];
  const double work = metric == "steps_per_s" ? double(steps) : double(steps * w["batching"]["batch_size"].get<std::size_t>());
  std::cout << json{{"peer", "bp-native"}, {"workload", w["workload"]}, {"metric", metric}, {"value", work / best},
                    {"final_loss", m.loss}, {"accuracy", m.accuracy}, {"seconds", best}, {"steps", steps},
                    {"repeats", all.size()}, {"seconds_all", all}, {"warmup_s", warmup},
                    {"lib", "backprop-tutor native (g++ -O3, SSE2)"}}.dump()
            << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 5 && std::string(argv[1]) == "gemm") {
      const std::size_t m = std::stoul(argv[2]), n = std::stoul(argv[3]), k = std::stoul(argv[4]);
      std::cout << json{{"peer", "bp-native"}, {"kernel", "gemm"}, {"shape", {m, k, n}},
                        {"gflops", bp::tensor::gemm_gflops(m, n, k, 1.0)}}.dump() << "\n";
      return 0;
    }
    if (argc == 2) return run_workload(argv[1]);
    std::cerr << "usage: bp_bench WORKLOAD.json | bp_bench gemm M N K\n";
    return 1;
  } catch (const std::exception& e) {
    std::cout << json{{"peer", "bp-native"}, {"error", e.what()}}.dump() << "\n";
    return 2;
  }
}
