// Softmax and cross-entropy without overflow. Shifting every logit by m = max z changes no probability (the factor
// e^{−m} cancels) and puts every exponent at ≤ 0, so e^{z−m} ∈ [0, 1] and the sum S ∈ [1, K]. Differences of
// nearly equal numbers are avoided too: 1 − ŷ_j is summed from the other classes, not subtracted from 1.
#include "core/lesson/softmax.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

namespace bp::lesson {

SoftmaxReport softmax_cross_entropy(const std::vector<double>& logits, std::size_t target) {
  const std::size_t n = logits.size();
  if (n < kMinLogits || n > kMaxLogits) {
    throw InputError("give " + std::to_string(kMinLogits) + " to " + std::to_string(kMaxLogits) + " logits, got " +
                     std::to_string(n));
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(logits[k])) throw InputError("logit z" + std::to_string(k) + " is not a finite number");
  }
  if (target >= n) throw InputError("the target class must be between 0 and " + std::to_string(n - 1));

  SoftmaxReport r;
  r.logits = logits;
  r.target = target;
  r.max_logit = logits[0];
  for (double z : logits) r.max_logit = std::fmax(r.max_logit, z);
  // e_k = e^{z_k − m} ∈ [0, 1] (a difference beyond the double range is −∞, and e^{−∞} = 0 exactly).
  std::vector<double> e(n);
  double sum = 0;
  for (std::size_t k = 0; k < n; ++k) sum += e[k] = std::exp(logits[k] - r.max_logit);
  const double log_sum = std::log(sum);  // S ≥ 1 (the largest logit contributes e^0), so this is ≥ 0 and finite
  r.log_sum_exp = r.max_logit + log_sum;
  // (m − z_t) + log S, not log_sum_exp − z_t: at z_t = m = 1e300 the latter would round log S away.
  r.loss = (r.max_logit - logits[target]) + log_sum;
  if (!std::isfinite(r.loss)) {
    throw InputError("the loss −log ŷ_" + std::to_string(target) +
                     " overflows a double: the logits are more than 1.8e308 apart");
  }

  // rest[j] = Σ_{k≠j} e_k / S = 1 − ŷ_j, summed so that a ŷ_j near 1 keeps its small complement.
  r.probabilities.resize(n);
  std::vector<double> rest(n, 0.0);
  for (std::size_t j = 0; j < n; ++j) {
    r.probabilities[j] = e[j] / sum;
    for (std::size_t k = 0; k < n; ++k) {
      if (k != j) rest[j] += e[k];
    }
    rest[j] /= sum;
  }
  // ∂L/∂z_i = ŷ_i − y_i: ŷ_i for the other classes, −(1 − ŷ_t) for the target.
  r.grads = r.probabilities;
  r.grads[target] = -rest[target];
  // ∂ŷ_j/∂z_i = ŷ_j(δ_ij − ŷ_i): ŷ_j(1 − ŷ_j) on the diagonal, −ŷ_j ŷ_i off it (0 − ŷ_j ŷ_i, so that two
  // probabilities that underflowed give 0, not −0).
  r.jacobian.assign(n, std::vector<double>(n));
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      r.jacobian[j][i] = i == j ? r.probabilities[j] * rest[j] : 0.0 - r.probabilities[j] * r.probabilities[i];
    }
  }
  return r;
}

}  // namespace bp::lesson
