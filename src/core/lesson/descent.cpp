// descend(): plain gradient descent, w ← w − η ∂f/∂w for every parameter at once, on one parsed formula.
#include "core/lesson/descent.hpp"

#include <cmath>

#include "core/error.hpp"

namespace bp::lesson {
namespace {

bool finite(const std::vector<double>& numbers) {
  for (double x : numbers) {
    if (!std::isfinite(x)) return false;
  }
  return true;
}

// The state at the parameters `at` (the other variables as in `values`).
DescentState state_at(ParamFormula& f, Values& values, const std::vector<double>& at, double rate) {
  for (std::size_t k = 0; k < at.size(); ++k) values[f.params()[k]] = at[k];
  const Point point = f.gradient(values);
  DescentState state{at, point.grads, point.value, {}};
  for (std::size_t k = 0; k < at.size(); ++k) state.next.push_back(at[k] - rate * point.grads[k]);
  return state;
}

bool finite(const DescentState& s) { return std::isfinite(s.loss) && finite(s.params) && finite(s.grads); }

}  // namespace

DescentRun descend(std::string_view formula, const Values& values, std::vector<std::string> params, double rate,
                   std::size_t steps) {
  if (!std::isfinite(rate) || rate <= 0) throw InputError("the learning rate must be a positive number");
  if (steps > kMaxDescentSteps) {
    throw InputError("at most " + std::to_string(kMaxDescentSteps) + " steps at a time, got " + std::to_string(steps));
  }
  ParamFormula f(formula, std::move(params));
  Values point = values;
  std::vector<double> start;
  for (const std::string& name : f.params()) {
    const auto found = values.find(name);
    if (found == values.end()) throw InputError("no value for the parameter '" + name + "'");
    start.push_back(found->second);
  }
  DescentRun run{f.text(), f.params(), rate, {state_at(f, point, start, rate)}, false};
  for (std::size_t k = 0; k < steps; ++k) {
    DescentState next = state_at(f, point, run.states.back().next, rate);
    if (!finite(next)) {
      run.diverged = true;
      break;
    }
    run.states.push_back(std::move(next));
  }
  return run;
}

}  // namespace bp::lesson
