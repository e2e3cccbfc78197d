// Registry rows of the leaves, the dense ops, the activations and the losses: each row's kernels (the pairs of
// ops.hpp), its shape rule, and its rule in matrix form. The rules name the trace's operands: $0 is what the
// rule computes, a = the first input, b = the second, out = the node. Batch N = rows of the first input.
#include <string>

#include "core/tensor/op_rows.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {
namespace {

using Rules = std::vector<MatrixRule>;

Shape same_as_a(Shape a, Shape, SpatialGeometry&) { return a; }
Shape scalar_out(Shape, Shape, SpatialGeometry&) { return {1, 1}; }
Rules no_rules(const OpView&) { return {}; }
const auto no_forward = [](auto&, const auto&, const auto&) {};
const auto no_backward = [](const auto&, const auto&, const auto&, const auto&, auto*, auto*) {};

// "dL" times the rule when the upstream gradient of a loss is not the seed 1 (a loss inside a bigger sum).
std::optional<Note> upstream_note(const OpView& v) {
  const double g = (*v.out.grad)(0, 0);
  if (g == 1.0) return std::nullopt;
  return Note{NoteKey::Upstream, {{"out", v.out.latex}, {"g", std::to_string(g)}}};
}

// ---- matmul: x (m, k) · w (k, n) -> (m, n) ----
Rules matmul_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = $1 $2", {value_factor(v.out), value_factor(v.a), value_factor(v.b)}, {}}};
}
Rules matmul_backward_latex(const OpView& v) {
  Rules rules;  // dX = dM Wᵀ (m, k) = (m, n)(n, k);  dW = Xᵀ dM (k, n) = (k, m)(m, n)
  if (v.a.grad) rules.push_back({"d" + v.a.name, "$0 = $1 $2", {grad_factor(v.a), grad_factor(v.out), transposed_factor(v.b)}, {}});
  if (v.b.grad) rules.push_back({"d" + v.b.name, "$0 = $1 $2", {grad_factor(v.b), transposed_factor(v.a), grad_factor(v.out)}, {}});
  return rules;
}

// ---- add with broadcasting: a (m, n) + b (m|1, n|1) -> (m, n) ----
Rules add_forward_latex(const OpView& v) {
  const bool broadcast = shape_of(*v.b.value) != shape_of(*v.a.value);
  return {{v.out.name, "$0 = $1 + $2", {value_factor(v.out), value_factor(v.a), value_factor(v.b)},
           broadcast ? std::optional<Note>(Note{NoteKey::AddRows, {{"b", v.b.latex}}}) : std::nullopt}};
}
Rules add_backward_latex(const OpView& v) {
  Rules rules;
  if (v.a.grad) rules.push_back({"d" + v.a.name, "$0 = $1", {grad_factor(v.a), grad_factor(v.out)}, {}});
  if (v.b.grad) {  // db sums dout over the axes b was broadcast along: a product with a column of ones
    const Shape out = shape_of(*v.out.value), b = shape_of(*v.b.value);
    const Factor ones_t = ones_factor("\\mathbf{1}^{\\top}", 1, rows(out));
    const Factor ones = ones_factor("\\mathbf{1}", cols(out), 1);
    const bool down_rows = rows(b) == 1 && rows(out) != 1, down_cols = cols(b) == 1 && cols(out) != 1;
    MatrixRule r{"d" + v.b.name, "$0 = $1", {grad_factor(v.b), grad_factor(v.out)}, {}};
    if (down_rows && down_cols) r = {r.target, "$0 = $1 $2 $3", {grad_factor(v.b), ones_t, grad_factor(v.out), ones}, {}};
    else if (down_rows) r = {r.target, "$0 = $1 $2", {grad_factor(v.b), ones_t, grad_factor(v.out)}, {}};
    else if (down_cols) r = {r.target, "$0 = $1 $2", {grad_factor(v.b), grad_factor(v.out), ones}, {}};
    if (down_rows) r.where = Note{NoteKey::BatchSum, {{"b", v.b.latex}, {"out", v.out.latex}}};
    rules.push_back(r);
  }
  return rules;
}

// ---- activation: a = f(z), element by element ----
Rules activation_forward_latex(const OpView& v) {
  const ActivationRule& f = activation_rule(v.node.activation);
  return {{v.out.name, "$0 = " + std::string(f.symbol) + "($1)", {value_factor(v.out), value_factor(v.a)},
           Note{NoteKey::Activation, {{"f", f.symbol}, {"rule", f.f_latex("z")}}}}};
}
Rules activation_backward_latex(const OpView& v) {
  const ActivationRule& f = activation_rule(v.node.activation);
  Matrix<double> slope = zeros<double>(shape_of(*v.a.value));  // f′(Z) entry by entry
  for (std::size_t i = 0; i < slope.size(); ++i) slope.data()[i] = f.df(v.a.value->data()[i], v.out.value->data()[i]);
  const std::string prime = std::string(f.symbol) + "'";
  return {{"d" + v.a.name, "$0 = $1 \\odot $2",
           {grad_factor(v.a), grad_factor(v.out), matrix_factor(prime + "(" + v.a.latex + ")", slope, v.a.grid)},
           Note{NoteKey::ActivationSlope, {{"f", f.symbol}, {"rule", f.df_latex("z", "a")}}}}};
}

// ---- softmax cross-entropy: logits (N, c), labels (N, 1) -> mean loss (1, 1) ----
Matrix<double> one_hot(const OpView& v) {
  Matrix<double> y = zeros<double>(shape_of(*v.a.value));
  for (std::size_t n = 0; n < y.shape()[0]; ++n) y(n, static_cast<std::size_t>((*v.b.value)(n, 0))) = 1.0;
  return y;
}
Rules softmax_forward_latex(const OpView& v) {
  const double n = double(v.a.value->shape()[0]);
  return {{"P", "$0 = \\operatorname{softmax}($1)", {matrix_factor("P", v.node.aux), value_factor(v.a)},
           Note{NoteKey::Softmax, {{"z", v.a.latex}}}, false},
          {v.out.name, "$0 = -\\frac{1}{$1} \\sum_{n} \\log P_{n, y_n}", {value_factor(v.out), scalar_factor("N", n)}, {}}};
}
Rules softmax_backward_latex(const OpView& v) {
  const double n = double(v.a.value->shape()[0]);
  return {{"d" + v.a.name, "$0 = \\frac{1}{$3}\\left($1 - $2\\right)",
           {grad_factor(v.a), matrix_factor("P", v.node.aux), matrix_factor("Y", one_hot(v)), scalar_factor("N", n)},
           upstream_note(v) ? upstream_note(v) : Note{NoteKey::OneHot, {}}}};
}
void softmax_details(const OpView& v, bool, StepDetails& out) { out.softmax = {v.node.aux, one_hot(v)}; }

// ---- mse and half_sse: predictions (N, k), targets (N, k) -> (1, 1) ----
Rules mse_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = \\frac{1}{$3} \\sum_{n,j} \\left($1 - $2\\right)_{nj}^{2}",
           {value_factor(v.out), value_factor(v.a), value_factor(v.b), scalar_factor("Nk", double(v.a.value->size()))}, {}}};
}
Rules mse_backward_latex(const OpView& v) {
  return {{"d" + v.a.name, "$0 = \\frac{2}{$3}\\left($1 - $2\\right)",
           {grad_factor(v.a), value_factor(v.a), value_factor(v.b), scalar_factor("Nk", double(v.a.value->size()))},
           upstream_note(v)}};
}
Rules half_sse_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = \\tfrac{1}{2} \\sum_{n,j} \\left($1 - $2\\right)_{nj}^{2}",
           {value_factor(v.out), value_factor(v.a), value_factor(v.b)}, {}}};
}
Rules half_sse_backward_latex(const OpView& v) {
  return {{"d" + v.a.name, "$0 = $1 - $2", {grad_factor(v.a), value_factor(v.a), value_factor(v.b)}, upstream_note(v)}};
}

// ---- penalties: w (any) -> (1, 1) ----
Rules l1_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = $2 \\sum |$1|", {value_factor(v.out), value_factor(v.a), scalar_factor("\\lambda", v.node.scalar)}, {}}};
}
Rules l1_backward_latex(const OpView& v) {
  return {{"d" + v.a.name, "$0 = $2 \\operatorname{sign}($1)",
           {grad_factor(v.a), value_factor(v.a), scalar_factor("\\lambda", v.node.scalar)}, upstream_note(v)}};
}
Rules l2_forward_latex(const OpView& v) {
  return {{v.out.name, "$0 = $2 \\sum $1^{\\odot 2}", {value_factor(v.out), value_factor(v.a), scalar_factor("\\lambda", v.node.scalar)}, {}}};
}
Rules l2_backward_latex(const OpView& v) {
  return {{"d" + v.a.name, "$0 = 2 $2 $1", {grad_factor(v.a), value_factor(v.a), scalar_factor("\\lambda", v.node.scalar)},
           upstream_note(v)}};
}

}  // namespace

std::vector<TensorOpRule> dense_rows() {
  return {
      make_row(TensorOp::Input, "input", 0, false, same_as_a, no_forward, no_backward, no_rules, no_rules),
      make_row(TensorOp::Parameter, "parameter", 0, false, same_as_a, no_forward, no_backward, no_rules, no_rules),
      make_row(TensorOp::MatMul, "matmul", 2, false,
               [](Shape x, Shape w, SpatialGeometry&) { return matmul_shape(x, w); },
               [](auto& n, const auto& x, const auto& w) { matmul_forward(x, w, n.value); },
               // d(x·w)/dx = dout · wᵀ;  d(x·w)/dw = xᵀ · dout
               [](const auto&, const auto& x, const auto& w, const auto& g, auto* dx, auto* dw) { matmul_backward(x, w, g, dx, dw); },
               matmul_forward_latex, matmul_backward_latex),
      make_row(TensorOp::Add, "add", 2, true,
               [](Shape a, Shape b, SpatialGeometry&) { return add_shape(a, b); },
               [](auto& n, const auto& a, const auto& b) { add_forward(a, b, n.value); },
               // d(a+b)/da = 1; d(a+b)/db = 1 summed over where b was broadcast
               [](const auto&, const auto&, const auto&, const auto& g, auto* da, auto* db) { add_backward(g, da, db); },
               add_forward_latex, add_backward_latex),
      make_row(TensorOp::Activation, "activation", 1, true, same_as_a,
               [](auto& n, const auto& z, const auto&) { activation_forward(n.activation, z, n.value); },
               // d f(z)/dz = f′(z), element by element
               [](const auto& n, const auto& z, const auto&, const auto& g, auto* dz, auto*) {
                 if (dz) activation_backward(n.activation, z, n.value, g, *dz);
               },
               activation_forward_latex, activation_backward_latex),
      make_row(TensorOp::SoftmaxCrossEntropy, "softmax_cross_entropy", 2, false,
               [](Shape z, Shape y, SpatialGeometry&) { return softmax_cross_entropy_shape(z, y); },
               [](auto& n, const auto& z, const auto& y) { softmax_cross_entropy_forward(z, y, n.aux, n.value); },
               // dL/dz = (p − onehot(y)) / N
               [](const auto& n, const auto&, const auto& y, const auto& g, auto* dz, auto*) {
                 if (dz) softmax_cross_entropy_backward(n.aux, y, g, *dz);
               },
               softmax_forward_latex, softmax_backward_latex, softmax_details),
      make_row(TensorOp::Mse, "mse", 2, false,
               [](Shape y, Shape t, SpatialGeometry&) { return same_shape_loss("mse", y, t); },
               [](auto& n, const auto& y, const auto& t) { mse_forward(y, t, n.value); },
               // d mean((y − t)²)/dy = 2(y − t)/N
               [](const auto&, const auto& y, const auto& t, const auto& g, auto* dy, auto*) { if (dy) mse_backward(y, t, g, *dy); },
               mse_forward_latex, mse_backward_latex),
      make_row(TensorOp::HalfSse, "half_sse", 2, false,
               [](Shape y, Shape t, SpatialGeometry&) { return same_shape_loss("half_sse", y, t); },
               [](auto& n, const auto& y, const auto& t) { half_sse_forward(y, t, n.value); },
               // d Σ½(y − t)²/dy = y − t
               [](const auto&, const auto& y, const auto& t, const auto& g, auto* dy, auto*) { if (dy) half_sse_backward(y, t, g, *dy); },
               half_sse_forward_latex, half_sse_backward_latex),
      make_row(TensorOp::L1, "l1", 1, false, scalar_out,
               [](auto& n, const auto& w, const auto&) { l1_forward(w, n.scalar, n.value); },
               // d λ|w|/dw = λ sign(w)
               [](const auto& n, const auto& w, const auto&, const auto& g, auto* dw, auto*) { if (dw) l1_backward(w, n.scalar, g, *dw); },
               l1_forward_latex, l1_backward_latex),
      make_row(TensorOp::L2, "l2", 1, false, scalar_out,
               [](auto& n, const auto& w, const auto&) { l2_forward(w, n.scalar, n.value); },
               // d λw²/dw = 2λw
               [](const auto& n, const auto& w, const auto&, const auto& g, auto* dw, auto*) { if (dw) l2_backward(w, n.scalar, g, *dw); },
               l2_forward_latex, l2_backward_latex),
  };
}

}  // namespace bp::tensor
