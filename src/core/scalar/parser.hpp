// Formula text -> scalar Graph. Grammar, loosest first:
//   program := (name '=' sum ';')* sum          definitions name nodes: `h = sigmoid(w*x); 2*h + h^2`
//   sum := product (('+' | '-') product)*      product := unary (('*' | '/') unary)*
//   unary := '-' unary | power                 power := atom ('^' unary)?      (right-associative, and tighter
//   atom := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'           than unary minus: -x^2 = -(x^2))
// Nothing is evaluated here. Errors are InputErrors with the 0-based column they point at.
#pragma once
#include <string_view>

#include "core/scalar/graph.hpp"

namespace bp::scalar {

constexpr std::size_t kMaxFormulaLength = 10000;
constexpr int kMaxNestingDepth = 256;

Graph parse_formula(std::string_view text);

}  // namespace bp::scalar
