// The chain rule for one parameter of an MLP and one sample, written out as LaTeX lines with the sample's numbers:
// ∂L/∂W = δ·a (or ∂L/∂b = δ), then where δ comes from (p − y at the logits, or ∂L/∂a·f'(z) in a hidden layer, with
// ∂L/∂a = Σₖ W δₖ of the layer above). Every number is handed in by the trainer, computed by its graph in the
// network's own precision; this file only writes them out. Not a renderer: the page typesets the lines with KaTeX.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/tensor/ops.hpp"

namespace bp::nn {

struct SampleLayer {
  tensor::Activation activation = tensor::Activation::Linear;
  std::vector<double> z, a, dz, da;  // this sample's values and gradients, one per unit
};

struct ChainQuestion {
  std::vector<double> x;              // the sample's inputs
  std::size_t label = 0;
  std::vector<double> probs;          // softmax of the logits
  std::vector<SampleLayer> layers;
  std::vector<double> next_w;         // W of layer+1, (units, next units) row-major; empty for the output layer
  std::size_t layer = 0, from = 0, to = 0;  // W[from][to] of `layer`, or its bias b[to] when `bias`
  bool bias = false;
  double parameter = 0;               // the weight's (or bias's) value
  double gradient = 0;                // ∂L/∂parameter for this sample, from the graph's backward pass
  double slope = 1;                   // f'(z) of unit `to` (hidden layers), from the activation's own rule
};

struct ChainExplanation {
  double value = 0;                // ∂L/∂parameter
  double parameter = 0;            // the parameter's value
  std::vector<std::string> latex;  // the lines; layers and units are numbered from 1 in the text
};

ChainExplanation chain_rule(const ChainQuestion& q);

}  // namespace bp::nn
