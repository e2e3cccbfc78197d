// The step trace of one forward and backward pass over a float64 graph: every forward op, then every backward op,
// in order, each with its operands' names and shapes, the matrices (values forward, gradients backward), its
// registry row's matrix-form rules (names, shapes, substituted numbers) and the row's details (max-pool routing,
// convolution geometry). It reads the graph and reruns each op's backward into fresh buffers, so a step's
// gradients are that op's own contribution; it never changes the graph.
#pragma once
#include <nlohmann/json.hpp>
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

// `g` has run forward() and backward(loss). `names[id]` names node id (a missing name becomes "n<id>").
nlohmann::json trace_steps(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss);

// The rule (forward or backward) whose target is `target` ("M1", "dW1"): the first one met in trace order.
std::optional<MatrixRule> find_rule(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss,
                                    const std::string& target);

}  // namespace bp::tensor
