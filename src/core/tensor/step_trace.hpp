// The step trace of one forward and backward pass over a float64 graph: every forward op, then every backward op,
// in order, each with its operands' names and shapes, the matrices (values forward, gradients backward), its
// registry row's matrix-form rules (names, shapes, substituted numbers) and the row's details (max-pool routing,
// convolution geometry, softmax's P and Y). It reads the graph and reruns each op's backward into fresh buffers,
// so a step's gradients are that op's own contribution; it never changes the graph. Plain data: wire/tensor.cpp
// writes it as JSON.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/tensor/graph.hpp"
#include "core/tensor/matrix_rule.hpp"

namespace bp::tensor {

struct NodeName {
  std::string name;   // "W1": plain text, the key UIs and tests use
  std::string latex;  // "W^{(1)}"
};

// A matrix the step shows: "W1" or its gradient "dW1", one row per example (grid rows: C·H·W values).
struct TraceMatrix {
  std::string name, latex;
  bool grad = false;
  Grid grid;
  Matrix<double> values;
};

struct TraceOperand {
  std::string name, latex;
  std::vector<std::size_t> shape;  // dims_of: (rows, cols) or (N, C, H, W)
};

// What a UI needs to draw a convolution cell by cell: the padded input and, backward, the kernel turned 180° and
// the upstream gradient dilated by the stride and padded by k − 1 (correlating the two gives dX).
struct ConvDetails {
  std::size_t stride = 1, padding = 0, kh = 0, kw = 0;
  Grid in, out, padded;
  Matrix<double> padded_input;
  bool backward = false;
  Grid flipped;  // (channels, kh, kw)
  Matrix<double> flipped_kernel;
  Grid full;
  Matrix<double> full_upstream;
};

// A registry row's extras for a UI (op_table.hpp `details`); each is set only by the ops it concerns.
struct StepDetails {
  std::optional<std::vector<std::vector<std::size_t>>> routing;  // max pooling: per example, the input index of each output
  std::optional<ConvDetails> conv;
  std::optional<std::pair<Matrix<double>, Matrix<double>>> softmax;  // P and the one-hot Y
};

struct TraceStep {
  const char* phase = "forward";  // "forward" | "backward"
  const char* op = "";            // the registry row's name
  std::string node, latex;
  std::vector<std::size_t> shape;
  Grid grid;
  std::optional<Activation> activation;
  std::vector<TraceOperand> inputs;
  std::vector<TraceMatrix> matrices;
  std::vector<MatrixRule> rules;
  StepDetails details;
};

// `g` has run forward() and backward(loss). `names[id]` names node id (a missing name becomes "n<id>").
std::vector<TraceStep> trace_steps(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss);

// The rule (forward or backward) whose target is `target` ("M1", "dW1"): the first one met in trace order.
std::optional<MatrixRule> find_rule(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss,
                                    const std::string& target);

}  // namespace bp::tensor
