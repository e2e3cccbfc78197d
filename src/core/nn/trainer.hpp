// A training session for the pages, the CLI and the benchmark: a dataset, an MLP, an optimiser and preallocated
// graphs (training batch, whole-set evaluation, decision-boundary grid, one sample), behind one interface for
// float32 and float64. Bad configs are InputErrors from make_trainer; nothing else throws for valid sessions.
// Not a page or a binding: those live in web/ and src/bindings/.
#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/nn/datasets.hpp"
#include "core/nn/mlp.hpp"
#include "core/nn/optimizer.hpp"

namespace bp::nn {

// What make_trainer reads from its JSON config (every field optional but "dataset"):
//   {"dataset": "spiral"|"circle"|"xor"|"gauss"|"moons"|"digits"|"custom", "samples": 300, "noise": 0.1,
//    "classes": 3, "seed": 1, "layers": [16, 16], "activation": "tanh", "init": "glorot"|"he",
//    "optimizer": {"type": "sgd", "lr": 0.1}, "batch_size": 0 (= all rows), "l2": 0, "dtype": "float32"|"float64",
//    "data": {"x": [n·d numbers], "y": [n labels], "d": d, "classes": c}          (dataset "custom" only)
//    "params": [[W0 row-major], [b0], [W1], [b1], ...]}                              (initial weights, optional)
// The output layer is linear and the loss softmax cross-entropy (mean over the batch). Minibatches take the rows
// in order, [b·bs, (b+1)·bs) at step s with b = s mod ⌊n/bs⌋ (the benchmark's rule; a last partial batch is
// only evaluated).
struct TrainerConfig {
  DatasetOptions data_options;
  std::string dataset;
  std::vector<std::size_t> hidden;
  Activation activation = Activation::Tanh;
  Init init = Init::Glorot;
  OptimizerConfig optimizer;
  std::size_t batch_size = 0;
  double l2 = 0;
  bool float32 = true;
  std::vector<std::vector<double>> params;  // empty: seeded initialisation
};
TrainerConfig trainer_config_from_json(const nlohmann::json& config);
nlohmann::json trainer_config_to_json(const TrainerConfig& config);
Dataset dataset_for(const TrainerConfig& config, const nlohmann::json& raw_config, const std::string& digits_text);

struct Metrics {
  double loss = 0;
  double accuracy = 0;
};

// A contiguous block of T (float or double) inside the trainer; valid until the next call that changes it.
struct RawArray {
  const void* data = nullptr;
  std::size_t size = 0, rows = 0, cols = 0;
};

class Trainer {
 public:
  virtual ~Trainer() = default;
  virtual void step(std::size_t n) = 0;        // n optimisation steps
  virtual void reset() = 0;                    // initial weights, fresh optimiser, step 0
  virtual std::size_t steps() const = 0;
  virtual double last_loss() const = 0;        // loss of the last step's batch (NaN before the first step)
  virtual Metrics evaluate() = 0;              // loss and accuracy over every row
  virtual bool float32() const = 0;
  virtual std::size_t layer_count() const = 0;
  // W (in, out) or b (1, out) of `layer`, or its gradient from the last step; InputError for a bad layer.
  virtual RawArray parameter(std::size_t layer, bool bias, bool grad) = 0;
  // Class probabilities on an nx × ny grid over [x0, x1] × [y0, y1], point (i, j) at row j·nx + i with
  // x = x0 + (x1 − x0)·i/(nx − 1), y = y0 + (y1 − y0)·j/(ny − 1): (nx·ny, classes). 2-D data only.
  virtual RawArray grid(double x0, double x1, double y0, double y1, std::size_t nx, std::size_t ny) = 0;
  // One row through the network: {"row", "x", "label", "loss", "probs", "prediction",
  //   "layers": [{"z", "a", "dz", "da"}]} where dz = ∂loss/∂z and da = ∂loss/∂a for this sample alone.
  virtual nlohmann::json inspect(std::size_t row) = 0;
  virtual nlohmann::json describe() const = 0;
  virtual const Dataset& data() const = 0;
};

// InputError for a bad config. `digits_text` is digits.json's text (needed only for dataset "digits").
std::unique_ptr<Trainer> make_trainer(const nlohmann::json& config, const std::string& digits_text = "");

}  // namespace bp::nn
