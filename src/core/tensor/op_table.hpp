// The registry of tensor ops, one row per op in the pattern of core/scalar/op.cpp: its name, its shape rule, its
// forward and backward kernels (float and double, the pairs of ops.hpp) and its matrix-form LaTeX for the step
// trace (step_trace.hpp). The graph runs ops only through these rows; the trace explains them through the same.
#pragma once
#include <string>
#include <type_traits>
#include <vector>

#include "core/tensor/matrix_rule.hpp"
#include "core/tensor/node.hpp"

namespace bp::tensor {

struct StepDetails;  // step_trace.hpp

template <class T>
struct OpKernels {
  void (*forward)(Node<T>& n, const Matrix<T>& a, const Matrix<T>& b);  // writes n.value (and n.aux, n.argmax)
  // Adds this op's contribution to the inputs' gradients; a null pointer skips that input.
  void (*backward)(const Node<T>& n, const Matrix<T>& a, const Matrix<T>& b, const Matrix<T>& dout, Matrix<T>* da,
                   Matrix<T>* db);
};

struct TensorOpRule {
  TensorOp op;
  const char* name;  // "matmul": the trace's `op`
  int arity;         // 0 for leaves, 1 (a) or 2 (a, b)
  bool keeps_grid;   // the output's rows are grids when input a's are (activation, bias)
  // The output's shape from the inputs' (InputError naming the op and the shapes); fills g.out for grid ops.
  Shape (*shape)(Shape a, Shape b, SpatialGeometry& g);
  OpKernels<float> f32;
  OpKernels<double> f64;
  std::vector<MatrixRule> (*forward_latex)(const OpView& v);   // how the value is computed
  std::vector<MatrixRule> (*backward_latex)(const OpView& v);  // one rule per input that gets a gradient
  void (*details)(const OpView& v, bool backward, StepDetails& out);  // extras for a UI, or nullptr

  template <class T>
  const OpKernels<T>& kernels() const {
    if constexpr (std::is_same_v<T, float>) return f32; else return f64;
  }
};

const TensorOpRule& rule_of(TensorOp op);

}  // namespace bp::tensor
