// A scalar computational graph with reverse-mode autodiff, micrograd's design made C++-safe: nodes live in one
// vector and refer to their inputs by index, so there are no owning pointers, no cycles and no recursion.
// Invariant: a node's inputs always have smaller ids, so id order is a topological order; forward walks it up,
// backward walks it down. Not a parser and not a trace: see parser.hpp and trace.hpp.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/scalar/op.hpp"

namespace bp::scalar {

using NodeId = std::uint32_t;

struct Node {
  Op op = Op::Constant;
  std::array<NodeId, 2> inputs{};  // the first rule_of(op).arity entries are used
  std::string name;                // variable name, the constant as written, a defined name, or empty
  std::size_t position = 0;        // 0-based column in the formula where this node's text starts
  double value = 0;
  double grad = 0;
  bool needs_grad = false;         // true iff the node depends on a variable (constants are not differentiated)
};

// Called by backward() once per (node, input) edge, in the order the gradient flows.
struct Contribution {
  NodeId node;          // the node whose gradient is being passed back
  int input;            // which of its inputs (0 or 1)
  double local;         // ∂node/∂input
  double contribution;  // node.grad * local, added to the input's grad
};

class Graph {
 public:
  static constexpr std::size_t kMaxNodes = 100000;

  NodeId constant(double value, std::string text, std::size_t position);
  // The one node of a variable: a name used twice is one node whose gradient sums both uses.
  NodeId variable(const std::string& name, std::size_t position);
  NodeId apply(Op op, NodeId a, NodeId b, std::size_t position);
  // Gives `name` to a node (`h = sigmoid(w*x)`): later uses of the name refer to that one node. A leaf or an
  // already named node keeps its own name and `name` becomes an alias. Throws InputError for a name that is a
  // function, is already defined, or was used as a variable before this definition.
  void define(const std::string& name, NodeId id, std::size_t position);
  void set_output(NodeId id) { output_ = id; }

  // Forgets every variable's value (constants keep theirs), so each evaluation states all of them.
  void clear_values();
  // Sets a variable's value; throws InputError if the formula has no such variable.
  void set_value(const std::string& name, double value);
  // Evaluates every node in id order. Variables must all have values (throws InputError naming the first missing).
  void forward();
  // Seeds the output's grad with 1 and accumulates every node's grad in reverse id order.
  void backward(const std::function<void(const Contribution&)>& observe = nullptr);

  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  NodeId output() const { return output_; }
  // Variable ids in order of first appearance in the formula.
  const std::vector<NodeId>& variables() const { return variables_; }

 private:
  NodeId add(Node node);

  std::vector<Node> nodes_;
  std::vector<NodeId> variables_;
  std::unordered_map<std::string, NodeId> variable_ids_;
  std::unordered_map<std::string, NodeId> defined_ids_;
  std::vector<bool> has_value_;
  NodeId output_ = 0;
};

}  // namespace bp::scalar
