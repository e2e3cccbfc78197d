// A tensor computation graph with reverse-mode autodiff, built once and run many times: the scalar engine's
// design (nodes in one vector, inputs by smaller index, forward walks up, backward walks down, no recursion)
// with a preallocated matrix per node, so a training step allocates nothing. Parameters live outside the graph
// (several graphs — training batch, evaluation, one sample — share one set of weights).
#pragma once
#include <cstddef>
#include <vector>

#include "core/tensor/ops.hpp"

namespace bp::tensor {

enum class TensorOp { Input, Parameter, MatMul, Add, Activation, SoftmaxCrossEntropy, Mse, HalfSse, L1, L2,
                      MaxPool, MeanPool, Conv2d };
const char* op_name(TensorOp op);

// A trainable tensor and its gradient. Its shape must not change once a graph uses it.
template <class T>
struct Parameter {
  Matrix<T> value;
  Matrix<T> grad;
};

template <class T>
class Graph {
 public:
  using Id = std::size_t;

  Id input(Shape shape);  // data set from outside through value(id); gets no gradient
  // `write_grad` false keeps this graph's gradient of p to itself (an inspection graph must not overwrite the
  // gradients the optimiser reads).
  Id parameter(Parameter<T>& p, bool write_grad = true);
  Id matmul(Id x, Id w);                                  // (m, k)·(k, n) -> (m, n)
  Id add(Id a, Id b);                                     // (m, n) + broadcast b -> (m, n)
  Id activation(Activation kind, Id z, T slope = T(kLeakyReluSlope));  // same shape
  Id softmax_cross_entropy(Id logits, Id labels);         // (b, c), (b, 1) -> (1, 1)
  Id mse(Id y, Id t);                                     // same shapes -> (1, 1)
  Id half_sse(Id y, Id t);                                // same shapes -> (1, 1)
  Id l1(Id w, T lambda);                                  // any -> (1, 1)
  Id l2(Id w, T lambda);                                  // any -> (1, 1)
  Id max_pool(Id x, std::size_t s);                       // (h, w) -> (h/s, w/s)
  Id mean_pool(Id x, std::size_t s);                      // (h, w) -> (h/s, w/s)
  Id conv2d(Id x, Id kernel);                             // (h, w), (p, q) -> (h-p+1, w-q+1)

  Matrix<T>& value(Id id);
  const Matrix<T>& value(Id id) const;
  const Matrix<T>& grad(Id id) const;
  const Matrix<T>& probs(Id softmax_id) const { return nodes_[softmax_id].aux; }  // softmax of its logits
  TensorOp op(Id id) const { return nodes_[id].op; }
  std::size_t size() const { return nodes_.size(); }

  void forward();
  // Zeroes every gradient, seeds d loss/d loss = 1, and runs each node's backward in reverse order.
  void backward(Id loss);

 private:
  struct Node {
    TensorOp op = TensorOp::Input;
    Id a = 0, b = 0;                 // inputs (smaller ids)
    Activation activation = Activation::Linear;
    T scalar = 0;                    // leaky slope or penalty λ
    std::size_t window = 0;          // pooling window
    bool needs_grad = false;         // depends on a parameter
    Matrix<T> value, grad, aux;      // aux: softmax probabilities
    std::vector<std::size_t> argmax; // max pooling
    Parameter<T>* param = nullptr;
    bool param_grad = false;         // gradient goes to param->grad
  };
  Id push(Node node, Shape shape);
  Id check(Id id) const;
  Matrix<T>& grad_of(Id id);
  Matrix<T>* grad_if_needed(Id id) { return nodes_[id].needs_grad ? &grad_of(id) : nullptr; }
  void backward_node(Node& node, const Matrix<T>& g);

  std::vector<Node> nodes_;
};

}  // namespace bp::tensor
