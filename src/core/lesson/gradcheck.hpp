// Gradient checking, the numbers <bp-gradcheck> shows: for each parameter the central difference
// (f(w+h) − f(w−h)) / 2h beside backprop's ∂f/∂w, their relative error |a − n| / max(|a|, |n|) (cs231n's measure),
// what each method cost in evaluations, and the verdict. Plain structs; the JSON is wire/lesson_math.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/lesson/param_formula.hpp"

namespace bp::lesson {

// A relative error below this passes (✓). cs231n's scale: < 1e-7 all is well, > 1e-2 the gradient is likely wrong;
// between, kinks and round-off can account for it, and 1e-4 is where the tutor draws the line.
constexpr double kGradcheckThreshold = 1e-4;

struct GradcheckRow {
  std::string param;
  double numeric = 0;   // n = (f(w+h) − f(w−h)) / 2h
  double analytic = 0;  // a = ∂f/∂w by backprop
  double gap = 0;       // |a − n|
  double relative = 0;  // |a − n| / max(|a|, |n|), and 0 when both are 0
  bool ok = false;      // relative < kGradcheckThreshold
};

struct GradcheckReport {
  std::string formula;
  double h = 0;
  std::vector<GradcheckRow> rows;  // in the order the parameters were given
  std::size_t numeric_evaluations = 0;  // forward passes the central differences took: 2 per parameter
  std::size_t backprop_passes = 1;      // one forward and one backward pass give every analytic gradient
  double threshold = kGradcheckThreshold;
  bool ok = false;  // every row passes
};

// Throws InputError for a bad formula or parameter list, a missing value, or an h that is not a positive number.
GradcheckReport gradient_check(std::string_view formula, const Values& values, std::vector<std::string> params,
                               double h);

}  // namespace bp::lesson
