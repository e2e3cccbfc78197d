// Softmax with cross-entropy for one sample, the numbers lesson 8's <bp-softmax> shows: probabilities, the loss
// −log ŷ_t, its gradient ŷ − y and the Jacobian ∂ŷ_j/∂z_i = ŷ_j(δ_ij − ŷ_i). Computed with the max shift and
// log-sum-exp (lesson 17), so any finite logits give finite numbers. Plain structs; the JSON is wire/lesson_math.cpp.
#pragma once
#include <cstddef>
#include <vector>

namespace bp::lesson {

constexpr std::size_t kMinLogits = 2;   // one class is no choice
constexpr std::size_t kMaxLogits = 10;  // what a widget can lay out (and a Jacobian a reader can take in)

struct SoftmaxReport {
  std::vector<double> logits;
  std::size_t target = 0;                    // the true class t
  double max_logit = 0;                      // m = max_k z_k, the shift
  double log_sum_exp = 0;                    // log Σ_k e^{z_k} = m + log Σ_k e^{z_k − m}
  std::vector<double> probabilities;         // ŷ_j = e^{z_j − m} / Σ_k e^{z_k − m}
  double loss = 0;                           // L = −log ŷ_t = (m − z_t) + log Σ_k e^{z_k − m}
  std::vector<double> grads;                 // ∂L/∂z_i = ŷ_i − y_i, y the one-hot target
  std::vector<std::vector<double>> jacobian;  // jacobian[j][i] = ∂ŷ_j/∂z_i
};

// Throws InputError for fewer than kMinLogits or more than kMaxLogits logits, a non-finite logit, a target that is
// not a class, or logits so far apart that the loss overflows a double (a spread beyond ~1.8e308).
SoftmaxReport softmax_cross_entropy(const std::vector<double>& logits, std::size_t target);

}  // namespace bp::lesson
