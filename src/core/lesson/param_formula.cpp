// ParamFormula: the parameter list checked against the formula's variables once, then forward (and backward)
// passes on the one parsed graph.
#include "core/lesson/param_formula.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/scalar/parser.hpp"

namespace bp::lesson {

ParamFormula::ParamFormula(std::string_view formula, std::vector<std::string> params)
    : text_(formula), params_(std::move(params)), graph_(scalar::parse_formula(formula)) {
  if (params_.empty()) throw InputError("name at least one parameter of the formula");
  for (std::size_t k = 0; k < params_.size(); ++k) {
    const std::string& name = params_[k];
    if (std::find(params_.begin(), params_.begin() + k, name) != params_.begin() + k) {
      throw InputError("the parameter '" + name + "' is listed twice");
    }
    const auto& vars = graph_.variables();
    const auto found = std::find_if(vars.begin(), vars.end(), [&](scalar::NodeId id) { return graph_.node(id).name == name; });
    if (found == vars.end()) throw InputError("the parameter '" + name + "' is not a variable of the formula");
    param_ids_.push_back(*found);
  }
}

void ParamFormula::load(const Values& values) {
  graph_.clear_values();
  for (const auto& [name, value] : values) graph_.set_value(name, value);
  graph_.forward();
}

double ParamFormula::value(const Values& values) {
  load(values);
  return graph_.node(graph_.output()).value;
}

Point ParamFormula::gradient(const Values& values) {
  load(values);
  graph_.backward();
  Point point{graph_.node(graph_.output()).value, {}};
  for (scalar::NodeId id : param_ids_) point.grads.push_back(graph_.node(id).grad);
  return point;
}

}  // namespace bp::lesson
