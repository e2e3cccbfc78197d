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
//    "optimizer": {"type": "sgd", "lr": 0.1}, "batch_size": 0 (= all rows), "l2": 0, "l1": 0,
//    "dtype": "float32"|"float64",
//    "test_fraction": 0 (the last ⌊n·f⌋ rows of the shuffled data are held out: evaluated, never trained on),
//    "extra": {"x": [k·d numbers], "y": [k labels]}   (points added to the training rows, e.g. clicked on a page)
//    "halt_on_divergence": false (true: step() stops at the first step that diverges, see Divergence),
//    "data": {"x": [n·d numbers], "y": [n labels], "d": d, "classes": c}          (dataset "custom" only)
//    "params": [[W0 row-major], [b0], [W1], [b1], ...]}                              (initial weights, optional)
// The output layer is linear and the loss softmax cross-entropy (mean over the batch). Minibatches take the
// training rows in order, [b·bs, (b+1)·bs) at step s with b = s mod ⌊n/bs⌋ (the benchmark's rule; a last partial
// batch is only evaluated). Rows are stored training rows first (generated, then extra), then the test rows.
struct TrainerConfig {
  DatasetOptions data_options;
  std::string dataset;
  std::vector<std::size_t> hidden;
  Activation activation = Activation::Tanh;
  Init init = Init::Glorot;
  OptimizerConfig optimizer;
  std::size_t batch_size = 0;
  double l2 = 0;
  double l1 = 0;
  double test_fraction = 0;
  bool halt_on_divergence = false;
  bool float32 = true;
  std::vector<std::vector<double>> params;  // empty: seeded initialisation
};
TrainerConfig trainer_config_from_json(const nlohmann::json& config);
nlohmann::json trainer_config_to_json(const TrainerConfig& config);
// The rows a config trains and tests on (training rows first), and how many of them are training rows.
Dataset dataset_for(const TrainerConfig& config, const nlohmann::json& raw_config, const std::string& digits_text,
                    std::size_t& train_rows);

struct Metrics {
  double loss = 0;
  double accuracy = 0;
};

// Why training stopped (config "halt_on_divergence"). A step diverges when its batch loss is NaN or infinite, or
// when a weight is not finite or has grown past 100 (they start below 1) while the loss is worse than a blind
// guess (ln classes): in every setting we tried, such a network never recovers. The rest describes the training
// batch at that step, for the explanation: its largest |pre-activation| and the share of hidden units whose slope
// f'(z) is under 0.01 (saturated tanh/sigmoid, dead ReLU), where gradients can no longer flow back.
struct Divergence {
  std::size_t step = 0;                  // 1-based: the step whose loss or update went wrong
  std::string reason;                    // "loss_not_finite" or "weights_exploded"
  double loss = 0, guess_loss = 0;       // the batch loss, and ln(classes)
  double max_weight = 0;                 // largest |w| after the update
  double max_preactivation = 0;          // largest |z| of any hidden unit on the batch
  double flat_units = 0;                 // share of hidden unit·row pairs with f'(z) < 0.01, in [0, 1]
  double suggested_lr = 0;               // a rate to restart with: ≤ lr/10 and ≤ the optimiser's usual rate
};
nlohmann::json divergence_json(const Divergence& d);

// A contiguous block of T (float or double) inside the trainer; valid until the next call that changes it.
struct RawArray {
  const void* data = nullptr;
  std::size_t size = 0, rows = 0, cols = 0;
};

class Trainer {
 public:
  virtual ~Trainer() = default;
  virtual void step(std::size_t n) = 0;        // n optimisation steps (fewer if training diverges and halts)
  virtual void reset() = 0;                    // initial weights, fresh optimiser, step 0
  virtual std::size_t steps() const = 0;
  virtual double last_loss() const = 0;        // loss of the last step's batch (NaN before the first step)
  virtual const Divergence* divergence() const = 0;  // set once a halting trainer diverged; reset() clears it
  virtual Metrics evaluate() = 0;              // loss and accuracy over every training row
  virtual Metrics evaluate_test() = 0;         // the same over the test rows (NaN loss, 0 accuracy if none)
  virtual std::size_t train_rows() const = 0;  // rows [0, train_rows) train; the rest are test rows
  virtual const std::vector<int>& predictions() = 0;  // the predicted class of every row, with today's weights
  virtual bool float32() const = 0;
  virtual std::size_t layer_count() const = 0;
  // W (in, out) or b (1, out) of `layer`, or its gradient from the last step; InputError for a bad layer.
  virtual RawArray parameter(std::size_t layer, bool bias, bool grad) = 0;
  // Class probabilities on an nx × ny grid over [x0, x1] × [y0, y1], point (i, j) at row j·nx + i with
  // x = x0 + (x1 − x0)·i/(nx − 1), y = y0 + (y1 − y0)·j/(ny − 1): (nx·ny, classes). 2-D data only.
  virtual RawArray grid(double x0, double x1, double y0, double y1, std::size_t nx, std::size_t ny) = 0;
  // The activations a of hidden `layer` on the points of the last grid() call: (nx·ny, units).
  virtual RawArray grid_layer(std::size_t layer) = 0;
  // One row through the network: {"row", "x", "label", "loss", "probs", "prediction", "test",
  //   "layers": [{"activation", "z", "a", "dz", "da", "dW", "db"}]} where dz = ∂loss/∂z, da = ∂loss/∂a and
  //   dW (in·out, row-major), db = ∂loss/∂W, ∂loss/∂b for this sample alone (no penalty terms).
  //   Always in float64 (on the float weights widened exactly), so it equals `./tutor mlp` on spec(row).
  virtual nlohmann::json inspect(std::size_t row) = 0;
  // The chain rule for one parameter and one row: W[from][to] of `layer`, or its bias b[to] when from == in.
  // {"value": ∂loss/∂parameter, "parameter": its value, "latex": [lines]} (see chain_rule.hpp).
  virtual nlohmann::json explain(std::size_t row, std::size_t layer, std::size_t from, std::size_t to) = 0;
  // This network and one row as a `./tutor mlp` spec (spec.hpp), so the CLI can redo the sample's backprop.
  virtual nlohmann::json spec(std::size_t row) = 0;
  // The same for the first `count` rows of the minibatch the next step() trains on (fewer if the batch is
  // smaller), for the tensor stepper's "backprop this batch". Penalty terms (l1, l2) are not part of a spec.
  virtual nlohmann::json batch_spec(std::size_t count) = 0;
  virtual nlohmann::json describe() const = 0;
  virtual const Dataset& data() const = 0;
};

// InputError for a bad config. `digits_text` is digits.json's text (needed only for dataset "digits").
std::unique_ptr<Trainer> make_trainer(const nlohmann::json& config, const std::string& digits_text = "");

}  // namespace bp::nn
