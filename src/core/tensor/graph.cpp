// The tensor graph: construction checks shapes once (clear InputErrors), forward and backward dispatch to the op
// pairs in ops.hpp. A node's gradient buffer exists only if some parameter is upstream of it.
#include "core/tensor/graph.hpp"

#include <string>

#include "core/error.hpp"

namespace bp::tensor {

const char* op_name(TensorOp op) {
  switch (op) {
    case TensorOp::Input: return "input";
    case TensorOp::Parameter: return "parameter";
    case TensorOp::MatMul: return "matmul";
    case TensorOp::Add: return "add";
    case TensorOp::Activation: return "activation";
    case TensorOp::SoftmaxCrossEntropy: return "softmax_cross_entropy";
    case TensorOp::Mse: return "mse";
    case TensorOp::HalfSse: return "half_sse";
    case TensorOp::L1: return "l1";
    case TensorOp::L2: return "l2";
    case TensorOp::MaxPool: return "max_pool";
    case TensorOp::MeanPool: return "mean_pool";
    case TensorOp::Conv2d: return "conv2d";
  }
  return "?";
}

template <class T>
typename Graph<T>::Id Graph<T>::check(Id id) const {
  if (id >= nodes_.size()) throw InputError("graph: no node " + std::to_string(id));
  return id;
}

template <class T>
typename Graph<T>::Id Graph<T>::push(Node node, Shape shape) {
  node.value = zeros<T>(shape);
  if (node.op != TensorOp::Input && node.op != TensorOp::Parameter) {
    node.needs_grad = nodes_[node.a].needs_grad || nodes_[node.b].needs_grad;
  }
  if (node.needs_grad && !node.param_grad) node.grad = zeros<T>(shape);
  nodes_.push_back(std::move(node));
  return nodes_.size() - 1;
}

template <class T>
typename Graph<T>::Id Graph<T>::input(Shape shape) {
  return push(Node{}, shape);
}

template <class T>
typename Graph<T>::Id Graph<T>::parameter(Parameter<T>& p, bool write_grad) {
  Node node;
  node.op = TensorOp::Parameter;
  node.param = &p;
  node.needs_grad = true;
  node.param_grad = write_grad;
  if (write_grad) reset(p.grad, shape_of(p.value));
  return push(std::move(node), shape_of(p.value));
}

template <class T>
typename Graph<T>::Id Graph<T>::matmul(Id x, Id w) {
  Node node;
  node.op = TensorOp::MatMul;
  node.a = check(x);
  node.b = check(w);
  return push(std::move(node), matmul_shape(shape_of(value(x)), shape_of(value(w))));
}

template <class T>
typename Graph<T>::Id Graph<T>::add(Id a, Id b) {
  Node node;
  node.op = TensorOp::Add;
  node.a = check(a);
  node.b = check(b);
  return push(std::move(node), add_shape(shape_of(value(a)), shape_of(value(b))));
}

template <class T>
typename Graph<T>::Id Graph<T>::activation(Activation kind, Id z, T slope) {
  Node node;
  node.op = TensorOp::Activation;
  node.activation = kind;
  node.scalar = slope;
  node.a = node.b = check(z);
  return push(std::move(node), shape_of(value(z)));
}

template <class T>
typename Graph<T>::Id Graph<T>::softmax_cross_entropy(Id logits, Id labels) {
  Node node;
  node.op = TensorOp::SoftmaxCrossEntropy;
  node.a = check(logits);
  node.b = check(labels);
  const Shape shape = softmax_cross_entropy_shape(shape_of(value(logits)), shape_of(value(labels)));
  node.aux = zeros<T>(shape_of(value(logits)));
  return push(std::move(node), shape);
}

template <class T>
typename Graph<T>::Id Graph<T>::mse(Id y, Id t) {
  Node node;
  node.op = TensorOp::Mse;
  node.a = check(y);
  node.b = check(t);
  return push(std::move(node), same_shape_loss("mse", shape_of(value(y)), shape_of(value(t))));
}

template <class T>
typename Graph<T>::Id Graph<T>::half_sse(Id y, Id t) {
  Node node;
  node.op = TensorOp::HalfSse;
  node.a = check(y);
  node.b = check(t);
  return push(std::move(node), same_shape_loss("half_sse", shape_of(value(y)), shape_of(value(t))));
}

template <class T>
typename Graph<T>::Id Graph<T>::l1(Id w, T lambda) {
  Node node;
  node.op = TensorOp::L1;
  node.a = node.b = check(w);
  node.scalar = lambda;
  return push(std::move(node), {1, 1});
}

template <class T>
typename Graph<T>::Id Graph<T>::l2(Id w, T lambda) {
  Node node;
  node.op = TensorOp::L2;
  node.a = node.b = check(w);
  node.scalar = lambda;
  return push(std::move(node), {1, 1});
}

template <class T>
typename Graph<T>::Id Graph<T>::max_pool(Id x, std::size_t s) {
  Node node;
  node.op = TensorOp::MaxPool;
  node.a = node.b = check(x);
  node.window = s;
  return push(std::move(node), pool_shape("max_pool", shape_of(value(x)), s));
}

template <class T>
typename Graph<T>::Id Graph<T>::mean_pool(Id x, std::size_t s) {
  Node node;
  node.op = TensorOp::MeanPool;
  node.a = node.b = check(x);
  node.window = s;
  return push(std::move(node), pool_shape("mean_pool", shape_of(value(x)), s));
}

template <class T>
typename Graph<T>::Id Graph<T>::conv2d(Id x, Id kernel) {
  Node node;
  node.op = TensorOp::Conv2d;
  node.a = check(x);
  node.b = check(kernel);
  return push(std::move(node), conv2d_shape(shape_of(value(x)), shape_of(value(kernel))));
}

template <class T>
Matrix<T>& Graph<T>::value(Id id) {
  Node& node = nodes_[check(id)];
  return node.param ? node.param->value : node.value;
}

template <class T>
const Matrix<T>& Graph<T>::value(Id id) const {
  const Node& node = nodes_[check(id)];
  return node.param ? node.param->value : node.value;
}

template <class T>
Matrix<T>& Graph<T>::grad_of(Id id) {
  Node& node = nodes_[id];
  return node.param_grad ? node.param->grad : node.grad;
}

template <class T>
const Matrix<T>& Graph<T>::grad(Id id) const {
  const Node& node = nodes_[check(id)];
  if (!node.needs_grad) throw InputError(std::string("graph: node ") + std::to_string(id) + " (" +
                                         op_name(node.op) + ") has no gradient: no parameter is upstream of it");
  return node.param_grad ? node.param->grad : node.grad;
}

template <class T>
void Graph<T>::forward() {
  for (Node& n : nodes_) {
    const Matrix<T>& a = value(n.a);
    const Matrix<T>& b = value(n.b);
    switch (n.op) {
      case TensorOp::Input:
      case TensorOp::Parameter: break;
      case TensorOp::MatMul: matmul_forward(a, b, n.value); break;
      case TensorOp::Add: add_forward(a, b, n.value); break;
      case TensorOp::Activation: activation_forward(n.activation, n.scalar, a, n.value); break;
      case TensorOp::SoftmaxCrossEntropy: softmax_cross_entropy_forward(a, b, n.aux, n.value); break;
      case TensorOp::Mse: mse_forward(a, b, n.value); break;
      case TensorOp::HalfSse: half_sse_forward(a, b, n.value); break;
      case TensorOp::L1: l1_forward(a, n.scalar, n.value); break;
      case TensorOp::L2: l2_forward(a, n.scalar, n.value); break;
      case TensorOp::MaxPool: max_pool_forward(a, n.window, n.value, n.argmax); break;
      case TensorOp::MeanPool: mean_pool_forward(a, n.window, n.value); break;
      case TensorOp::Conv2d: conv2d_forward(a, b, n.value); break;
    }
  }
}

template <class T>
void Graph<T>::backward_node(Node& n, const Matrix<T>& g) {
  const Matrix<T>& a = value(n.a);
  const Matrix<T>& b = value(n.b);
  Matrix<T>* da = grad_if_needed(n.a);
  Matrix<T>* db = grad_if_needed(n.b);
  switch (n.op) {
    case TensorOp::Input:
    case TensorOp::Parameter: break;
    case TensorOp::MatMul: matmul_backward(a, b, g, da, db); break;
    case TensorOp::Add: add_backward(g, da, db); break;
    case TensorOp::Activation: if (da) activation_backward(n.activation, n.scalar, a, n.value, g, *da); break;
    case TensorOp::SoftmaxCrossEntropy: if (da) softmax_cross_entropy_backward(n.aux, b, g, *da); break;
    case TensorOp::Mse: if (da) mse_backward(a, b, g, *da); break;
    case TensorOp::HalfSse: if (da) half_sse_backward(a, b, g, *da); break;
    case TensorOp::L1: if (da) l1_backward(a, n.scalar, g, *da); break;
    case TensorOp::L2: if (da) l2_backward(a, n.scalar, g, *da); break;
    case TensorOp::MaxPool: if (da) max_pool_backward(n.argmax, g, *da); break;
    case TensorOp::MeanPool: if (da) mean_pool_backward(n.window, g, *da); break;
    case TensorOp::Conv2d: conv2d_backward(a, b, g, da, db); break;
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
    Node& n = nodes_[id];
    if (n.needs_grad && n.op != TensorOp::Input && n.op != TensorOp::Parameter) backward_node(n, grad_of(id));
  }
}

template class Graph<float>;
template class Graph<double>;

}  // namespace bp::tensor
