// Looking inside a training session: one row's forward and backward pass, the chain rule for one parameter on
// it, and the network with some rows as a `./tutor mlp` spec. Always float64, on the trainer's weights widened
// exactly (float to double loses nothing), so inspect(row) equals `./tutor mlp` on spec(row). It reads the
// trainer through its interface and never changes it; its float64 copy of the network is its own.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/nn/chain_rule.hpp"
#include "core/nn/spec_data.hpp"
#include "core/nn/trainer.hpp"

namespace bp::nn {

// One row through the network. Per layer dz = ∂loss/∂z, da = ∂loss/∂a, and dW (in·out, row-major), db =
// ∂loss/∂W, ∂loss/∂b for this sample alone (no penalty terms).
struct SampleReport {
  struct Layer {
    Activation activation = Activation::Linear;
    std::vector<double> z, a, dz, da, dW, db;
  };
  std::size_t row = 0;
  std::vector<double> x;
  int label = 0;
  bool test = false;  // a held-out row
  double loss = 0;
  std::vector<double> probs;
  std::size_t prediction = 0;
  std::vector<Layer> layers;
};

// The session as the pages describe it: its config (batch_size the rows per step), data and layers.
struct Description {
  struct Layer {
    std::size_t in = 0, out = 0;
    Activation activation = Activation::Linear;
  };
  TrainerConfig config;
  std::string dataset;
  std::size_t n = 0, d = 0, classes = 0, train_rows = 0, test_rows = 0;
  std::vector<Layer> layers;
  std::size_t parameters = 0, steps = 0;
};

class Inspector {
 public:
  explicit Inspector(Trainer& trainer);  // the trainer must outlive the inspector
  ~Inspector();
  Inspector(const Inspector&) = delete;
  Inspector& operator=(const Inspector&) = delete;

  SampleReport inspect(std::size_t row);
  // W[from][to] of `layer`, or its bias b[to] when from == in (see chain_rule.hpp).
  ChainExplanation explain(std::size_t row, std::size_t layer, std::size_t from, std::size_t to);
  ParsedSpec spec(std::size_t row);
  // The first `count` rows of the minibatch the next step() trains on (fewer if the batch is smaller), for the
  // tensor stepper's "backprop this batch". Penalty terms (l1, l2) are not part of a spec.
  ParsedSpec batch_spec(std::size_t count);
  Description describe() const;

 private:
  struct Sample;  // the float64 network and its one-row graph
  tensor::Graph<double>& run_sample(std::size_t row);
  std::vector<double> input_row(std::size_t row) const;
  std::vector<double> weights(std::size_t layer, bool bias) const;
  ParsedSpec rows_spec(std::size_t first, std::size_t count) const;
  double slope_of(std::size_t layer, double z, double a) const;
  void check_row(std::size_t row) const;

  Trainer& trainer_;
  std::unique_ptr<Sample> sample_;
};

}  // namespace bp::nn
