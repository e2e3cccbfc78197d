// A training session for the pages, the CLI and the benchmark: a dataset, an MLP, an optimiser and preallocated
// graphs (training batch, whole-set evaluation, decision-boundary grid, one sample), behind one interface for
// float32 and float64. Bad configs are InputErrors from make_trainer; nothing else throws for valid sessions.
// Training only: looking inside (one sample's backprop, its chain rule, its spec) is the Inspector's job
// (inspector.hpp), and the JSON config is read by wire/trainer.cpp. Not a page or a binding: web/, src/bindings/.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/nn/datasets.hpp"
#include "core/nn/mlp.hpp"
#include "core/nn/optimizer.hpp"

namespace bp::nn {

// What the JSON config holds (every field optional but "dataset"; read by wire/trainer.cpp):
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

// Points added to the training rows ("extra"): k·d inputs and k labels, checked against the data by dataset_for.
struct ExtraPoints {
  std::vector<double> x;
  std::vector<long long> y;
};

// The rows a config trains and tests on, from its source rows (toy, digits or custom, already shuffled or in the
// caller's order): the last ⌊n·f⌋ are test rows, and the extra points join the training rows after the source's.
// Training rows first; `train_rows` says how many. InputError for extra points that do not fit the data.
Dataset dataset_for(const TrainerConfig& config, Dataset source, const ExtraPoints& extra, std::size_t& train_rows);

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
  // Every row's inputs as the network sees them (in T: float32 rounds them), (n, d).
  virtual RawArray inputs() const = 0;
  virtual const Dataset& data() const = 0;
  virtual const TrainerConfig& config() const = 0;
  virtual std::size_t batch_size() const = 0;        // rows per step (all training rows when batch_size is 0)
  virtual std::size_t next_batch_first() const = 0;  // the first row of the batch the next step() trains on
};

// The network's layers for a config on data with `classes` classes: the hidden layers, then the linear logits.
std::vector<LayerSpec> layer_specs(const TrainerConfig& config, std::size_t classes);

// InputError for a bad config or params that do not fit the network.
std::unique_ptr<Trainer> make_trainer(const TrainerConfig& config, Dataset data, std::size_t train_rows);

}  // namespace bp::nn
