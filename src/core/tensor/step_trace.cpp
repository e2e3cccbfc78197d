// Builds the step list of step_trace.hpp from the graph and its registry rows. JSON shape of one step:
// {"phase", "op", "node", "latex", "shape", "grid"?, "activation"?, "inputs": [{"name", "latex", "shape"}],
//  "matrices": [{"name", "latex", "kind": "value"|"grad", "shape", "grid"?, "rows"}], "rules": [rule_json],
//  and the row's details ("routing", "conv", "softmax")}.
#include "core/tensor/step_trace.hpp"

#include "core/tensor/op_table.hpp"

namespace bp::tensor {
namespace {

using nlohmann::json;
using Id = std::size_t;

json grid_json(const Grid& g) { return {g.channels, g.height, g.width}; }

OperandView operand(const Graph<double>& g, const std::vector<NodeName>& names, Id id) {
  OperandView o;
  o.name = id < names.size() && !names[id].name.empty() ? names[id].name : "n" + std::to_string(id);
  o.latex = id < names.size() && !names[id].latex.empty() ? names[id].latex : o.name;
  o.grid = g.node(id).grid;
  o.value = &g.value(id);
  return o;
}

json matrix_json(const OperandView& o, const Matrix<double>& m, bool grad) {
  json rows = json::array();
  for (std::size_t i = 0; i < m.shape()[0]; ++i) {
    rows.push_back(std::vector<double>(m.data() + i * m.shape()[1], m.data() + (i + 1) * m.shape()[1]));
  }
  json out = {{"name", (grad ? "d" : "") + o.name}, {"latex", (grad ? "d" : "") + o.latex},
              {"kind", grad ? "grad" : "value"}, {"shape", {m.shape()[0], m.shape()[1]}}};
  if (!o.grid.empty()) out["grid"] = grid_json(o.grid);
  out["rows"] = rows;
  return out;
}

json step_json(const char* phase, const TensorOpRule& rule, const OpView& v) {
  json inputs = json::array();
  for (const OperandView* o : {&v.a, &v.b}) {
    if (o == &v.b && rule.arity < 2) break;
    inputs.push_back({{"name", o->name}, {"latex", o->latex}, {"shape", dims_of(*o->value, o->grid)}});
  }
  json step = {{"phase", phase}, {"op", rule.name}, {"node", v.out.name}, {"latex", v.out.latex},
               {"shape", dims_of(*v.out.value, v.out.grid)}};
  if (!v.out.grid.empty()) step["grid"] = grid_json(v.out.grid);
  if (v.node.op == TensorOp::Activation) step["activation"] = activation_name(v.node.activation);
  step["inputs"] = inputs;
  return step;
}

json rules_json(const std::vector<MatrixRule>& rules) {
  json out = json::array();
  for (const MatrixRule& r : rules) out.push_back(rule_json(r));
  return out;
}

// Calls visit(phase, rule, view) for every forward op, then every backward op from the loss down;
// on the backward pass the view's gradients are this op's own contributions (fresh buffers, alive during visit).
template <class Visit>
void visit_ops(const Graph<double>& g, const std::vector<NodeName>& names, Id loss, Visit visit) {
  for (Id id = 0; id <= loss; ++id) {  // forward: values
    const Node<double>& n = g.node(id);
    const TensorOpRule& rule = rule_of(n.op);
    if (rule.arity == 0) continue;
    OpView v{n, operand(g, names, id), operand(g, names, n.a), operand(g, names, n.b)};
    visit("forward", rule, v);
  }
  for (Id id = loss + 1; id-- > 0;) {  // backward: this op's gradient contributions, from the loss down
    const Node<double>& n = g.node(id);
    const TensorOpRule& rule = rule_of(n.op);
    if (rule.arity == 0 || !n.needs_grad) continue;
    OpView v{n, operand(g, names, id), operand(g, names, n.a), operand(g, names, n.b)};
    const bool to_a = g.has_grad(n.a), to_b = rule.arity == 2 && g.has_grad(n.b);
    Matrix<double> da = zeros<double>(shape_of(*v.a.value)), db = zeros<double>(shape_of(*v.b.value));
    rule.f64.backward(n, *v.a.value, *v.b.value, g.grad(id), to_a ? &da : nullptr, to_b ? &db : nullptr);
    v.out.grad = &g.grad(id);
    v.a.grad = to_a ? &da : nullptr;
    v.b.grad = to_b ? &db : nullptr;
    visit("backward", rule, v);
  }
}

}  // namespace

json trace_steps(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss) {
  json steps = json::array();
  visit_ops(g, names, loss, [&](const char* phase, const TensorOpRule& rule, const OpView& v) {
    json step = step_json(phase, rule, v);
    json matrices = json::array();
    const bool backward = phase[0] == 'b';
    if (backward) {
      matrices.push_back(matrix_json(v.out, *v.out.grad, true));
      if (v.a.grad) matrices.push_back(matrix_json(v.a, *v.a.grad, true));
      if (v.b.grad) matrices.push_back(matrix_json(v.b, *v.b.grad, true));
    }
    matrices.push_back(matrix_json(v.a, *v.a.value, false));
    if (rule.arity == 2) matrices.push_back(matrix_json(v.b, *v.b.value, false));
    matrices.push_back(matrix_json(v.out, *v.out.value, false));
    step["matrices"] = matrices;
    step["rules"] = rules_json(backward ? rule.backward_latex(v) : rule.forward_latex(v));
    if (rule.details) rule.details(v, backward, step);
    steps.push_back(step);
  });
  return steps;
}

std::optional<MatrixRule> find_rule(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss,
                                    const std::string& target) {
  std::optional<MatrixRule> found;
  visit_ops(g, names, loss, [&](const char* phase, const TensorOpRule& rule, const OpView& v) {
    if (found) return;
    for (MatrixRule& r : phase[0] == 'b' ? rule.backward_latex(v) : rule.forward_latex(v)) {
      if (r.target == target) {
        found = std::move(r);
        return;
      }
    }
  });
  return found;
}

}  // namespace bp::tensor
