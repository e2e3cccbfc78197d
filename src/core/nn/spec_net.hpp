// The network of a parsed `mlp` spec as a float64 tensor graph: per layer X·W + b and f (dense) or K ⋆ X + b and
// f (conv2d), or a pooling node, then the loss. Every node gets a trace name (X, W1, M1, Z1, A1, K1, C1, Y, L),
// so the step trace (tensor/step_trace.hpp) can label it. A dense-only spec gives exactly Mlp::build's graph.
#pragma once
#include <memory>
#include <vector>

#include "core/nn/spec_data.hpp"
#include "core/tensor/step_trace.hpp"

namespace bp::nn {

struct SpecNet {
  using Id = tensor::Graph<double>::Id;
  std::vector<tensor::Parameter<double>> params;  // per layer with weights: W (or K), then b; never resized
  std::vector<int> first_param;                   // per layer: index of its W/K in params, or -1 (pooling)
  tensor::Graph<double> graph;
  Id x = 0, targets = 0, loss = 0;
  std::vector<Id> z, a;                           // per layer (a pooling layer has z = a)
  std::vector<tensor::NodeName> names;            // per node id

  SpecNet() = default;
  SpecNet(const SpecNet&) = delete;  // the graph points at params
  SpecNet& operator=(const SpecNet&) = delete;
};

std::unique_ptr<SpecNet> build_spec_net(const ParsedSpec& spec);

}  // namespace bp::nn
