// Builds the step list of step_trace.hpp from the graph and its registry rows: per step the output and its operands,
// the matrices (backward: the upstream gradient and this op's contributions first), the rules and the details.
#include "core/tensor/step_trace.hpp"

#include "core/tensor/op_table.hpp"

namespace bp::tensor {
namespace {

using Id = std::size_t;

OperandView operand(const Graph<double>& g, const std::vector<NodeName>& names, Id id) {
  OperandView o;
  o.name = id < names.size() && !names[id].name.empty() ? names[id].name : "n" + std::to_string(id);
  o.latex = id < names.size() && !names[id].latex.empty() ? names[id].latex : o.name;
  o.grid = g.node(id).grid;
  o.value = &g.value(id);
  return o;
}

TraceMatrix matrix_of(const OperandView& o, const Matrix<double>& m, bool grad) {
  return {(grad ? "d" : "") + o.name, (grad ? "d" : "") + o.latex, grad, o.grid, m};
}

TraceStep step_of(const char* phase, const TensorOpRule& rule, const OpView& v) {
  TraceStep step;
  step.phase = phase;
  step.op = rule.name;
  step.node = v.out.name;
  step.latex = v.out.latex;
  step.shape = dims_of(*v.out.value, v.out.grid);
  step.grid = v.out.grid;
  if (v.node.op == TensorOp::Activation) step.activation = v.node.activation;
  for (const OperandView* o : {&v.a, &v.b}) {
    if (o == &v.b && rule.arity < 2) break;
    step.inputs.push_back({o->name, o->latex, dims_of(*o->value, o->grid)});
  }
  return step;
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

std::vector<TraceStep> trace_steps(const Graph<double>& g, const std::vector<NodeName>& names, std::size_t loss) {
  std::vector<TraceStep> steps;
  visit_ops(g, names, loss, [&](const char* phase, const TensorOpRule& rule, const OpView& v) {
    TraceStep step = step_of(phase, rule, v);
    const bool backward = phase[0] == 'b';
    if (backward) {
      step.matrices.push_back(matrix_of(v.out, *v.out.grad, true));
      if (v.a.grad) step.matrices.push_back(matrix_of(v.a, *v.a.grad, true));
      if (v.b.grad) step.matrices.push_back(matrix_of(v.b, *v.b.grad, true));
    }
    step.matrices.push_back(matrix_of(v.a, *v.a.value, false));
    if (rule.arity == 2) step.matrices.push_back(matrix_of(v.b, *v.b.value, false));
    step.matrices.push_back(matrix_of(v.out, *v.out.value, false));
    step.rules = backward ? rule.backward_latex(v) : rule.forward_latex(v);
    if (rule.details) rule.details(v, backward, step.details);
    steps.push_back(std::move(step));
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
