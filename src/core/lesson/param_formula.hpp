// A formula with some of its variables singled out as parameters, parsed once and then evaluated at many points:
// the shared base of a descent run (descent.hpp) and a gradient check (gradcheck.hpp). Plain values in, plain
// numbers out; the same forward and backward passes as the formula report (wire/formula.cpp), without its trace.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/scalar/graph.hpp"

namespace bp::lesson {

using Values = std::map<std::string, double>;  // a value for every variable of the formula

// f at a point and ∂f/∂p for each parameter p, in the order of ParamFormula::params().
struct Point {
  double value = 0;
  std::vector<double> grads;
};

class ParamFormula {
 public:
  // Throws InputError for a bad formula, no parameters, or a parameter that is listed twice or is not a variable.
  ParamFormula(std::string_view formula, std::vector<std::string> params);

  // f alone (one forward pass). Throws InputError for a missing value or a name the formula does not have.
  double value(const Values& values);
  // f and its gradient (one forward and one backward pass).
  Point gradient(const Values& values);

  const std::string& text() const { return text_; }
  const std::vector<std::string>& params() const { return params_; }

 private:
  void load(const Values& values);

  std::string text_;
  std::vector<std::string> params_;
  std::vector<scalar::NodeId> param_ids_;
  scalar::Graph graph_;
};

}  // namespace bp::lesson
