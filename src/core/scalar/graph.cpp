// Graph construction, forward pass and reverse-mode backward pass (see graph.hpp).
#include "core/scalar/graph.hpp"

#include "core/error.hpp"

namespace bp::scalar {

NodeId Graph::add(Node node) {
  if (nodes_.size() >= kMaxNodes) {
    throw InputError("the graph would have more than " + std::to_string(kMaxNodes) + " nodes",
                     node.position);
  }
  nodes_.push_back(std::move(node));
  has_value_.push_back(false);
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Graph::constant(double value, std::string text, std::size_t position) {
  Node node;
  node.op = Op::Constant;
  node.name = std::move(text);
  node.position = position;
  node.value = value;
  const NodeId id = add(std::move(node));
  has_value_[id] = true;
  return id;
}

NodeId Graph::variable(const std::string& name, std::size_t position) {
  if (auto found = defined_ids_.find(name); found != defined_ids_.end()) return found->second;
  if (auto found = variable_ids_.find(name); found != variable_ids_.end()) return found->second;
  Node node;
  node.op = Op::Variable;
  node.name = name;
  node.position = position;
  node.needs_grad = true;
  const NodeId id = add(std::move(node));
  variable_ids_.emplace(name, id);
  variables_.push_back(id);
  return id;
}

NodeId Graph::apply(Op op, NodeId a, NodeId b, std::size_t position) {
  const int arity = rule_of(op).arity;
  Node node;
  node.op = op;
  node.inputs = {a, arity == 2 ? b : a};
  node.position = position;
  node.needs_grad = nodes_[a].needs_grad || (arity == 2 && nodes_[b].needs_grad);
  return add(std::move(node));
}

void Graph::define(const std::string& name, NodeId id, std::size_t position) {
  if (function_named(name) != Op::Constant) throw InputError("'" + name + "' is a function and cannot be defined", position);
  if (defined_ids_.count(name)) throw InputError("'" + name + "' is defined twice", position);
  if (variable_ids_.count(name)) throw InputError("'" + name + "' is used before its definition", position);
  defined_ids_.emplace(name, id);
  Node& node = nodes_[id];
  if (rule_of(node.op).arity > 0 && node.name.empty()) node.name = name;
}

void Graph::clear_values() {
  for (NodeId id : variables_) has_value_[id] = false;
}

void Graph::set_value(const std::string& name, double value) {
  const auto found = variable_ids_.find(name);
  if (found == variable_ids_.end()) throw InputError("the formula has no variable '" + name + "'");
  nodes_[found->second].value = value;
  has_value_[found->second] = true;
}

void Graph::forward() {
  for (NodeId id : variables_) {
    if (!has_value_[id]) throw InputError("no value for variable '" + nodes_[id].name + "'", nodes_[id].position);
  }
  for (Node& node : nodes_) {
    const OpRule& rule = rule_of(node.op);
    if (rule.arity == 0) continue;
    node.value = rule.forward(nodes_[node.inputs[0]].value, nodes_[node.inputs[1]].value);
  }
}

void Graph::backward(const std::function<void(const Contribution&)>& observe) {
  for (Node& node : nodes_) node.grad = 0;
  if (nodes_.empty()) return;
  nodes_[output_].grad = 1;  // ∂f/∂f = 1
  for (NodeId id = output_ + 1; id-- > 0;) {
    const Node& node = nodes_[id];
    const OpRule& rule = rule_of(node.op);
    if (rule.arity == 0 || !node.needs_grad) continue;
    const auto local = rule.local(nodes_[node.inputs[0]].value, nodes_[node.inputs[1]].value, node.value);
    for (int k = 0; k < rule.arity; ++k) {
      Node& input = nodes_[node.inputs[k]];
      if (!input.needs_grad) continue;
      const double contribution = node.grad * local[k];
      input.grad += contribution;  // += : a node used by several parents sums every path
      if (observe) observe({id, k, local[k], contribution});
    }
  }
}

}  // namespace bp::scalar
