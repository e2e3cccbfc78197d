// A tensor computation graph with reverse-mode autodiff, built once and run many times: the scalar engine's
// design (nodes in one vector, inputs by smaller index, forward walks up, backward walks down, no recursion)
// with a preallocated matrix per node, so a training step allocates nothing. Each op runs through its registry
// row (op_table.hpp). Parameters live outside the graph (several graphs — training batch, evaluation, one
// sample — share one set of weights).
#pragma once
#include <cstddef>
#include <vector>

#include "core/tensor/node.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {

const char* op_name(TensorOp op);

template <class T>
class Graph {
 public:
  using Id = std::size_t;

  // Data set from outside through value(id); gets no gradient. `grid` says its rows are images (grid.hpp).
  Id input(Shape shape, Grid grid = {});
  // `write_grad` false keeps this graph's gradient of p to itself (an inspection graph must not overwrite the
  // gradients the optimiser reads). `grid`: each row of p is a grid (a convolution's kernels: Cin×kh×kw).
  Id parameter(Parameter<T>& p, bool write_grad = true, Grid grid = {});
  Id matmul(Id x, Id w);                                  // (m, k)·(k, n) -> (m, n)
  Id add(Id a, Id b);                                     // (m, n) + broadcast b -> (m, n)
  Id activation(Activation kind, Id z);                   // same shape
  Id softmax_cross_entropy(Id logits, Id labels);         // (b, c), (b, 1) -> (1, 1)
  Id mse(Id y, Id t);                                     // same shapes -> (1, 1)
  Id half_sse(Id y, Id t);                                // same shapes -> (1, 1)
  Id l1(Id w, T lambda);                                  // any -> (1, 1)
  Id l2(Id w, T lambda);                                  // any -> (1, 1)
  Id max_pool(Id x, std::size_t s);                       // one image (h, w) -> (h/s, w/s)
  Id mean_pool(Id x, std::size_t s);                      // one image (h, w) -> (h/s, w/s)
  Id conv2d(Id x, Id kernel);                             // one image (h, w), (p, q) -> (h-p+1, w-q+1)
  // Grid rows (N, C·H·W) with x's grid `in`:
  // kernel: (Cout, Cin·kh·kw) -> (N, Cout·OH·OW), OH = (H + 2·pad − kh)/stride + 1
  Id conv2d(Id x, Id kernel, Grid in, std::size_t kh, std::size_t kw, std::size_t stride, std::size_t pad);
  Id max_pool2d(Id x, Grid in, std::size_t window, std::size_t stride);  // -> (N, C·OH·OW)
  Id avg_pool2d(Id x, Grid in, std::size_t window, std::size_t stride);  // -> (N, C·OH·OW)
  Id channel_bias(Id x, Id b, Grid grid);                 // (N, C·H·W) + (1, C) per channel -> (N, C·H·W)

  Matrix<T>& value(Id id);
  const Matrix<T>& value(Id id) const;
  const Matrix<T>& grad(Id id) const;
  bool has_grad(Id id) const { return nodes_[check(id)].needs_grad; }
  const Matrix<T>& probs(Id softmax_id) const { return nodes_[softmax_id].aux; }  // softmax of its logits
  TensorOp op(Id id) const { return nodes_[id].op; }
  const Node<T>& node(Id id) const { return nodes_[check(id)]; }
  std::size_t size() const { return nodes_.size(); }

  void forward();
  // Zeroes every gradient, seeds d loss/d loss = 1, and runs each node's backward in reverse order.
  void backward(Id loss);

 private:
  Id push(Node<T> node, Shape shape);
  Id push_op(TensorOp op, Id a, Id b, Node<T> node = {});
  Id check(Id id) const;
  Matrix<T>& grad_of(Id id);
  Matrix<T>* grad_if_needed(Id id) { return nodes_[id].needs_grad ? &grad_of(id) : nullptr; }

  std::vector<Node<T>> nodes_;
};

}  // namespace bp::tensor
