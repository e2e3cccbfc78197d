// An `mlp` spec (spec.hpp) as checked data, and its limits: dense layers, and conv2d, max_pool2d and avg_pool2d
// layers over grid inputs (`input_shape`). wire/spec_read.cpp reads the JSON into this, checking every field,
// shape and limit with an InputError that names the place (`layers[1].W: expected 4×3, got 3×4`); the trainer
// and the example maker write one. Not the network: spec_net.hpp builds the graph from this.
#pragma once
#include <string>
#include <vector>

#include "core/nn/mlp.hpp"
#include "core/nn/optimizer.hpp"

namespace bp::nn {

// The limits of a spec, each with its own message.
struct SpecLimits {
  static constexpr std::size_t rows = 64;           // rows of x (examples in the batch)
  static constexpr std::size_t layers = 16;
  static constexpr std::size_t units = 1024;        // values per row entering or leaving a dense layer
  static constexpr std::size_t channels = 16;       // grid channels, in or out
  static constexpr std::size_t side = 64;           // grid height and width
  static constexpr std::size_t grid_values = 4096;  // C·H·W of any grid
  static constexpr std::size_t kernel = 9;          // kernel and pooling window side
  static constexpr std::size_t stride = 4;
  static constexpr std::size_t padding = 4;
  static constexpr std::size_t work = 50'000'000;  // multiply-adds of one layer over the batch
};

enum class LayerKind { Dense, Conv2d, MaxPool2d, AvgPool2d };
constexpr LayerKind kLayerKinds[] = {LayerKind::Dense, LayerKind::Conv2d, LayerKind::MaxPool2d, LayerKind::AvgPool2d};
const char* layer_kind_name(LayerKind kind);  // "dense", "conv2d", ...: the spec's "type"

struct SpecLayer {
  LayerKind kind = LayerKind::Dense;
  tensor::Activation activation = tensor::Activation::Linear;
  tensor::Matrix<double> w, b;  // dense: W (in, out), b (1, out); conv2d: K (Cout, Cin·kh·kw), b (1, Cout)
  std::size_t kh = 0, kw = 0, stride = 1, pad = 0;  // conv2d kernel / pooling window
  tensor::Grid in, out;         // grids around a conv2d or pooling layer (empty for dense)
  std::size_t out_size = 0;     // values per row after the layer
};

struct ParsedSpec {
  tensor::Matrix<double> x, targets;  // x (N, inputs); targets (N, outputs) or class indices (N, 1)
  tensor::Grid input_grid;            // from "input_shape" (empty: plain rows)
  std::vector<SpecLayer> layers;
  Loss loss = Loss::HalfSse;
  OptimizerConfig optimizer;
};

}  // namespace bp::nn
