// One entry of a matrix rule written out with its numbers, the bridge from the matrix picture to the scalar one.
// A product rule ($0 = $1 $2) becomes its sum over the shared index: over the batch when the left factor is a
// transpose or a row of ones (dW = XᵀdM, db = 1ᵀdZ), over the contraction index otherwise (dX = dM Wᵀ, M = XW).
// An element-wise rule is written at that entry. Grid ops (convolution, pooling) are explained by their routing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/tensor/matrix_rule.hpp"

namespace bp::tensor {

// A scalar graph whose gradient with respect to `variable` is the entry (or, with no variable, whose value is the
// entry): upstream gradients g₁…g_N as constants times the uses of the one entry, so its fan-out sums the terms.
struct Playground {
  std::string expr;
  std::map<std::string, double> values;
  std::optional<std::string> variable;
};

struct EntrySum {
  std::string target;
  std::size_t row = 0, col = 0;
  std::string latex;
  double value = 0;
  const char* over = "entry";                    // "batch" | "contraction" | "entry"
  std::vector<std::pair<double, double>> terms;  // the products' factors (products only)
  std::optional<Playground> playground;          // products only
};

// InputError for an entry outside the target or a rule with no entry form.
EntrySum entry_sum(const MatrixRule& rule, std::size_t row, std::size_t col);

}  // namespace bp::tensor
