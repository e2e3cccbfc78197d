// The tensor graph: construction checks shapes once through each op's registry row (clear InputErrors), forward
// and backward run the rows' kernels. A node's gradient buffer exists only if some parameter is upstream of it.
#include "core/tensor/graph.hpp"

#include <string>

#include "core/error.hpp"
#include "core/tensor/op_table.hpp"

namespace bp::tensor {

const char* op_name(TensorOp op) { return rule_of(op).name; }

template <class T>
typename Graph<T>::Id Graph<T>::check(Id id) const {
  if (id >= nodes_.size()) throw InputError("graph: no node " + std::to_string(id));
  return id;
}

template <class T>
typename Graph<T>::Id Graph<T>::push(Node<T> node, Shape shape) {
  node.value = zeros<T>(shape);
  if (node.op != TensorOp::Input && node.op != TensorOp::Parameter) {
    node.needs_grad = nodes_[node.a].needs_grad || nodes_[node.b].needs_grad;
  }
  if (node.needs_grad && !node.param_grad) node.grad = zeros<T>(shape);
  nodes_.push_back(std::move(node));
  return nodes_.size() - 1;
}

// Every computed node: the row checks the shapes (and works out a grid op's output grid), then it is pushed.
template <class T>
typename Graph<T>::Id Graph<T>::push_op(TensorOp op, Id a, Id b, Node<T> node) {
  const TensorOpRule& rule = rule_of(op);
  node.op = op;
  node.a = check(a);
  node.b = check(b);
  const Shape shape = rule.shape(shape_of(value(a)), shape_of(value(b)), node.geometry);
  if (rule.keeps_grid) node.grid = nodes_[a].grid;
  if (!node.geometry.out.empty()) node.grid = node.geometry.out;
  if (op == TensorOp::SoftmaxCrossEntropy) node.aux = zeros<T>(shape_of(value(a)));
  return push(std::move(node), shape);
}

template <class T>
typename Graph<T>::Id Graph<T>::input(Shape shape, Grid grid) {
  Node<T> node;
  node.grid = grid;
  return push(std::move(node), shape);
}

template <class T>
typename Graph<T>::Id Graph<T>::parameter(Parameter<T>& p, bool write_grad, Grid grid) {
  Node<T> node;
  node.op = TensorOp::Parameter;
  node.param = &p;
  node.needs_grad = true;
  node.param_grad = write_grad;
  node.grid = grid;
  if (write_grad) reset(p.grad, shape_of(p.value));
  return push(std::move(node), shape_of(p.value));
}

template <class T>
typename Graph<T>::Id Graph<T>::matmul(Id x, Id w) { return push_op(TensorOp::MatMul, x, w); }

template <class T>
typename Graph<T>::Id Graph<T>::add(Id a, Id b) { return push_op(TensorOp::Add, a, b); }

template <class T>
typename Graph<T>::Id Graph<T>::activation(Activation kind, Id z) {
  Node<T> node;
  node.activation = kind;
  return push_op(TensorOp::Activation, z, z, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::softmax_cross_entropy(Id logits, Id labels) {
  return push_op(TensorOp::SoftmaxCrossEntropy, logits, labels);
}

template <class T>
typename Graph<T>::Id Graph<T>::mse(Id y, Id t) { return push_op(TensorOp::Mse, y, t); }

template <class T>
typename Graph<T>::Id Graph<T>::half_sse(Id y, Id t) { return push_op(TensorOp::HalfSse, y, t); }

template <class T>
typename Graph<T>::Id Graph<T>::l1(Id w, T lambda) {
  Node<T> node;
  node.scalar = lambda;
  return push_op(TensorOp::L1, w, w, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::l2(Id w, T lambda) {
  Node<T> node;
  node.scalar = lambda;
  return push_op(TensorOp::L2, w, w, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::max_pool(Id x, std::size_t s) {
  Node<T> node;
  node.window = node.geometry.kh = s;  // the shape rule reads the window from the geometry
  return push_op(TensorOp::MaxPool, x, x, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::mean_pool(Id x, std::size_t s) {
  Node<T> node;
  node.window = node.geometry.kh = s;
  return push_op(TensorOp::MeanPool, x, x, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::conv2d(Id x, Id kernel) { return push_op(TensorOp::Conv2d, x, kernel); }

template <class T>
typename Graph<T>::Id Graph<T>::conv2d(Id x, Id kernel, Grid in, std::size_t kh, std::size_t kw, std::size_t stride,
                                       std::size_t pad) {
  Node<T> node;
  node.geometry.in = in;
  node.geometry.kh = kh;
  node.geometry.kw = kw;
  node.geometry.stride = stride;
  node.geometry.pad = pad;
  return push_op(TensorOp::Conv2dGrid, x, kernel, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::max_pool2d(Id x, Grid in, std::size_t window, std::size_t stride) {
  Node<T> node;
  node.geometry.in = in;
  node.geometry.kh = node.geometry.kw = window;
  node.geometry.stride = stride;
  return push_op(TensorOp::MaxPool2d, x, x, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::avg_pool2d(Id x, Grid in, std::size_t window, std::size_t stride) {
  Node<T> node;
  node.geometry.in = in;
  node.geometry.kh = node.geometry.kw = window;
  node.geometry.stride = stride;
  return push_op(TensorOp::AvgPool2d, x, x, std::move(node));
}

template <class T>
typename Graph<T>::Id Graph<T>::channel_bias(Id x, Id b, Grid grid) {
  Node<T> node;
  node.geometry.in = grid;  // read by the shape rule; the output grid is x's (keeps_grid)
  return push_op(TensorOp::ChannelBias, x, b, std::move(node));
}

template <class T>
Matrix<T>& Graph<T>::value(Id id) {
  Node<T>& node = nodes_[check(id)];
  return node.param ? node.param->value : node.value;
}

template <class T>
const Matrix<T>& Graph<T>::value(Id id) const {
  const Node<T>& node = nodes_[check(id)];
  return node.param ? node.param->value : node.value;
}

template <class T>
Matrix<T>& Graph<T>::grad_of(Id id) {
  Node<T>& node = nodes_[id];
  return node.param_grad ? node.param->grad : node.grad;
}

template <class T>
const Matrix<T>& Graph<T>::grad(Id id) const {
  const Node<T>& node = nodes_[check(id)];
  if (!node.needs_grad) throw InputError(std::string("graph: node ") + std::to_string(id) + " (" +
                                         op_name(node.op) + ") has no gradient: no parameter is upstream of it");
  return node.param_grad ? node.param->grad : node.grad;
}

template <class T>
void Graph<T>::forward() {
  for (Node<T>& n : nodes_) {
    if (n.op == TensorOp::Input || n.op == TensorOp::Parameter) continue;
    rule_of(n.op).template kernels<T>().forward(n, value(n.a), value(n.b));
  }
}

template <class T>
void Graph<T>::backward(Id loss) {
  check(loss);
  if (shape_of(value(loss)) != Shape{1, 1}) {
    throw InputError("backward: the loss must be (1,1), got " + shape_text(shape_of(value(loss))));
  }
  if (!nodes_[loss].needs_grad) throw InputError("backward: no parameter is upstream of the loss");
  for (Id id = 0; id <= loss; ++id) {
    if (nodes_[id].needs_grad) grad_of(id).fill(T(0));
  }
  grad_of(loss)(0, 0) = T(1);  // dL/dL = 1
  for (Id id = loss + 1; id-- > 0;) {
    Node<T>& n = nodes_[id];
    if (!n.needs_grad || n.op == TensorOp::Input || n.op == TensorOp::Parameter) continue;
    rule_of(n.op).template kernels<T>().backward(n, value(n.a), value(n.b), grad_of(id), grad_if_needed(n.a),
                                                 grad_if_needed(n.b));
  }
}

template class Graph<float>;
template class Graph<double>;

}  // namespace bp::tensor
