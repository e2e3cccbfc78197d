// `./tutor mlp SPEC.json`: one forward pass, backward pass and update of a network given in full, in float64.
// Spec: {"layers": [{"W": [[..]] (in, out), "b": [..] (out), "activation": "sigmoid|tanh|relu|leaky_relu|linear"}],
//        "loss": "half_sse|mse|softmax_cross_entropy", "x": [[..]], "y": [[..]] or [class, ...],
//        "optimizer": {"type": "sgd", "lr": 0.5}}
// Grid specs add "input_shape": [C, H, W] (each x row is that grid, channel by channel, row-major) and layers
//   {"type": "conv2d", "K": [[[[..]]]] (out, in, kh, kw), "b": [..] (out), "stride": 1, "padding": 0, "activation"},
//   {"type": "max_pool2d" | "avg_pool2d", "size": 2, "stride": size}; dense layers ("type": "dense", the default)
//   may follow and see the grid as a flat row. Limits: nn/spec_data.hpp. The JSON side is wire/mlp.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/nn/spec_data.hpp"
#include "core/tensor/entry_sum.hpp"
#include "core/tensor/step_trace.hpp"

namespace bp::nn {

// A layer's weights or their gradients: W (or K, (Cout, Cin·kh·kw)) and b; none for a pooling layer.
struct LayerParams {
  bool has = false;
  tensor::Matrix<double> w, b;
};

// Per layer, one row per sample, before the update.
struct LayerValues {
  tensor::Matrix<double> z, a, dz, da;
};

struct StepReport {
  tensor::Matrix<double> outputs;
  double loss = 0, loss_after = 0;
  std::vector<LayerParams> grads, updated;
  std::vector<LayerValues> trace;
  std::optional<tensor::Matrix<double>> probs;  // softmax of the outputs (softmax_cross_entropy only)
  std::vector<tensor::TraceStep> steps;         // every forward op, then every backward op
  // Per layer, the Frobenius norm sqrt(Σ dW²) of its weight gradient (dK for conv2d); none for pooling: how
  // strongly each layer learns, for vanishing and exploding gradients.
  std::vector<std::optional<double>> grad_norms;
};

StepReport mlp_step(const ParsedSpec& spec);

// One entry of the step trace's rule for `target` ("dW1", "db2", "M1", "dZ1"), written out as a sum with its
// numbers (tensor/entry_sum.hpp); row and col are 0-based. InputError for an unknown target or entry.
tensor::EntrySum mlp_entry(const ParsedSpec& spec, const std::string& target, std::size_t row, std::size_t col);

}  // namespace bp::nn
