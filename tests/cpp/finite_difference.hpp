// Central finite differences for the gradient checks: df/dx ≈ (f(x+h) - f(x-h)) / 2h, the oracle every op's
// analytic gradient is compared with. A test helper, not part of the engine.
#pragma once
#include <functional>

namespace bp::testing {

inline double central_difference(const std::function<double(double)>& f, double x, double h = 1e-6) {
  return (f(x + h) - f(x - h)) / (2 * h);
}

}  // namespace bp::testing
