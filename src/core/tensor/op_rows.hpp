// Internal to the registry (op_table.cpp): how a row is made from generic kernels, and the two halves of the
// table (op_rows_dense.cpp: leaves, dense, activation, losses; op_rows_spatial.cpp: images and grids).
#pragma once
#include <vector>

#include "core/tensor/op_table.hpp"
#include "core/tensor/step_trace.hpp"

namespace bp::tensor {

using ShapeFn = Shape (*)(Shape, Shape, SpatialGeometry&);
using LatexFn = std::vector<MatrixRule> (*)(const OpView&);
using DetailsFn = void (*)(const OpView&, bool, StepDetails&);

// `fwd` and `bwd` are generic lambdas without captures: each becomes both the float and the double kernel.
template <class Fwd, class Bwd>
TensorOpRule make_row(TensorOp op, const char* name, int arity, bool keeps_grid, ShapeFn shape, Fwd fwd, Bwd bwd,
                      LatexFn forward_latex, LatexFn backward_latex, DetailsFn details = nullptr) {
  return {op, name, arity, keeps_grid, shape, {fwd, bwd}, {fwd, bwd}, forward_latex, backward_latex, details};
}

std::vector<TensorOpRule> dense_rows();    // Input … L2, in TensorOp order
std::vector<TensorOpRule> spatial_rows();  // MaxPool … ChannelBias, in TensorOp order

}  // namespace bp::tensor
