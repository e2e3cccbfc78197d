// Reads a typed answer with the formula parser and compares it with the engine's value (see answer.hpp).
#include "core/scalar/answer.hpp"

#include <algorithm>
#include <cmath>

#include "core/scalar/report.hpp"
#include "core/wire.hpp"

namespace bp::scalar {

nlohmann::json check_answer(std::string_view guess, double answer, Tolerance tolerance) {
  nlohmann::json report = grad_report(guess, nlohmann::json::object());
  if (is_error_reply(report)) return report;
  if (!report["grads"].empty()) {
    // A name in the answer means the learner typed a formula, not a number: say which name.
    const std::string name = report["grads"].begin().key();
    return error_reply("type a number, not a formula with '" + name + "' in it");
  }
  const nlohmann::json& value = report["value"];
  if (!value.is_number()) {
    return error_reply("the answer is not a finite number");
  }
  const double typed = value.get<double>();
  const double allowed = std::max(tolerance.relative * std::fabs(answer), tolerance.absolute);
  // Non-finite answers (a formula at log(0)) match only the same non-finite value.
  const bool correct = std::isfinite(answer) ? std::fabs(typed - answer) <= allowed : false;
  return {{"correct", correct}, {"guess", typed}};
}

}  // namespace bp::scalar
