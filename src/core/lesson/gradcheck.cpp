// gradient_check(): the central difference per parameter, one backward pass for all of them, and the comparison.
#include "core/lesson/gradcheck.hpp"

#include <cmath>

#include "core/error.hpp"

namespace bp::lesson {

GradcheckReport gradient_check(std::string_view formula, const Values& values, std::vector<std::string> params,
                               double h) {
  if (!std::isfinite(h) || h <= 0) throw InputError("h must be a positive number");
  ParamFormula f(formula, std::move(params));
  const Point backprop = f.gradient(values);
  GradcheckReport report{f.text(), h, {}, 0, 1, kGradcheckThreshold, true};
  for (std::size_t k = 0; k < f.params().size(); ++k) {
    const std::string& name = f.params()[k];
    // The nudged points: only `name` moves (gradient() above already required a value for every variable).
    Values plus = values, minus = values;
    plus[name] += h;
    minus[name] -= h;
    const double numeric = (f.value(plus) - f.value(minus)) / (2 * h);
    report.numeric_evaluations += 2;
    GradcheckRow row{name, numeric, backprop.grads[k], std::fabs(backprop.grads[k] - numeric), 0, false};
    // Both exactly 0 would be 0/0: they agree, and the relative error is the (zero) gap.
    const double scale = std::fmax(std::fabs(row.analytic), std::fabs(row.numeric));
    row.relative = scale == 0 ? row.gap : row.gap / scale;
    row.ok = row.relative < kGradcheckThreshold;  // false for NaN too
    report.ok = report.ok && row.ok;
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace bp::lesson
