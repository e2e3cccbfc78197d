// The registry's lookup: the rows of both halves in TensorOp order, checked once so a row out of place fails
// loudly in the first test rather than running the wrong kernel.
#include "core/tensor/op_table.hpp"

#include <stdexcept>

#include "core/tensor/op_rows.hpp"

namespace bp::tensor {

const TensorOpRule& rule_of(TensorOp op) {
  static const std::vector<TensorOpRule> rows = [] {
    std::vector<TensorOpRule> all = dense_rows();
    for (TensorOpRule& row : spatial_rows()) all.push_back(row);
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (static_cast<std::size_t>(all[i].op) != i) throw std::logic_error("op_table: rows out of TensorOp order");
    }
    return all;
  }();
  return rows.at(static_cast<std::size_t>(op));
}

}  // namespace bp::tensor
