// Gradient descent by hand, the numbers <bp-descent> shows: from a starting point, each step replaces every
// parameter w by w − η ∂f/∂w, and each state records the parameters, the gradient, the loss and the next values.
// Plain structs; the JSON is wire/lesson_math.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/lesson/param_formula.hpp"

namespace bp::lesson {

constexpr std::size_t kMaxDescentSteps = 1000;  // per request: a widget asks for 1 or 10 at a time

// One point of the run, with parameters in the order of DescentRun::params.
struct DescentState {
  std::vector<double> params;  // w
  std::vector<double> grads;   // ∂f/∂w at w
  double loss = 0;             // f at w
  std::vector<double> next;    // w − η ∂f/∂w, the parameters of the following state
};

struct DescentRun {
  std::string formula;
  std::vector<std::string> params;
  double rate = 0;                    // η
  std::vector<DescentState> states;   // states[0] is the start, states[k] the point after k steps
  // True when a step was refused because its loss, gradient or parameters would not be finite (η too large for
  // this loss, or a point outside its domain): the run ends at the last finite state.
  bool diverged = false;
};

// `values` gives every variable, the parameters' starting values included. Throws InputError for a bad formula or
// parameter list, a rate that is not a positive finite number, or more than kMaxDescentSteps steps.
DescentRun descend(std::string_view formula, const Values& values, std::vector<std::string> params, double rate,
                   std::size_t steps);

}  // namespace bp::lesson
