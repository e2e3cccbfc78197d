// One node of a tensor graph and the parameters graphs share: the data an op's registry row (op_table.hpp) reads
// and writes. Plain data, no behaviour: graph.hpp wires nodes, op_table.cpp says what each op computes.
#pragma once
#include <cstddef>
#include <vector>

#include "core/tensor/activation.hpp"
#include "core/tensor/grid.hpp"
#include "core/tensor/xt.hpp"

namespace bp::tensor {

// The order of the registry's rows (op_table.cpp). MaxPool, MeanPool and Conv2d work on one single-channel image
// (h, w); Conv2dGrid, MaxPool2d, AvgPool2d and ChannelBias on batches of multi-channel grids (grid.hpp).
enum class TensorOp { Input, Parameter, MatMul, Add, Activation, SoftmaxCrossEntropy, Mse, HalfSse, L1, L2,
                      MaxPool, MeanPool, Conv2d, Conv2dGrid, MaxPool2d, AvgPool2d, ChannelBias };

// A trainable tensor and its gradient. Its shape must not change once a graph uses it.
template <class T>
struct Parameter {
  Matrix<T> value;
  Matrix<T> grad;
};

template <class T>
struct Node {
  using Id = std::size_t;
  TensorOp op = TensorOp::Input;
  Id a = 0, b = 0;                  // inputs (smaller ids); a unary op has b = a
  Activation activation = Activation::Linear;
  T scalar = 0;                     // penalty λ
  std::size_t window = 0;           // single-image pooling window
  SpatialGeometry geometry;         // grid ops: input and output grids, window, stride, padding
  Grid grid;                        // the value's rows as grids (empty: a plain matrix)
  bool needs_grad = false;          // depends on a parameter
  Matrix<T> value, grad, aux;       // aux: softmax probabilities
  std::vector<std::size_t> argmax;  // max pooling: index in the input's data() of each output's maximum
  Parameter<T>* param = nullptr;
  bool param_grad = false;          // gradient goes to param->grad
};

}  // namespace bp::tensor
