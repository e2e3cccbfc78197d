// One entry of a matrix rule written out with its numbers, the bridge from the matrix picture to the scalar one.
// A product rule ($0 = $1 $2) becomes its sum over the shared index: over the batch when the left factor is a
// transpose or a row of ones (dW = XᵀdM, db = 1ᵀdZ), over the contraction index otherwise (dX = dM Wᵀ, M = XW).
// An element-wise rule is written at that entry. Grid ops (convolution, pooling) are explained by their routing.
#pragma once
#include <nlohmann/json.hpp>

#include "core/tensor/matrix_rule.hpp"

namespace bp::tensor {

// {"target", "row", "col", "latex", "value", "over": "batch"|"contraction"|"entry", "terms": [[a, b]] (products only),
//  "playground": {"expr", "values": {name: number}, "variable": name|null} | null}. The playground formula is a
// scalar graph whose gradient with respect to `variable` is the entry (or, with no variable, whose value is the
// entry): upstream gradients g₁…g_N as constants times the uses of the one entry, so its fan-out sums the terms.
// InputError for an entry outside the target or a rule with no entry form.
nlohmann::json entry_json(const MatrixRule& rule, std::size_t row, std::size_t col);

}  // namespace bp::tensor
