// Reads a typed answer with the formula parser and compares it with the engine's value (see answer.hpp).
#include "core/scalar/answer.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/scalar/parser.hpp"

namespace bp::scalar {

AnswerVerdict check_answer(std::string_view guess, double answer, Tolerance tolerance) {
  Graph graph = parse_formula(guess);
  if (!graph.variables().empty()) {
    // A name in the answer means the learner typed a formula, not a number: say which name.
    throw InputError("type a number, not a formula with '" + graph.node(graph.variables().front()).name + "' in it");
  }
  graph.forward();
  const double typed = graph.node(graph.output()).value;
  if (!std::isfinite(typed)) throw InputError("the answer is not a finite number");
  const double allowed = std::max(tolerance.relative * std::fabs(answer), tolerance.absolute);
  // Non-finite answers (a formula at log(0)) match only the same non-finite value.
  const bool correct = std::isfinite(answer) ? std::fabs(typed - answer) <= allowed : false;
  return {correct, typed};
}

AnswerVerdict check_chain_answer(std::string_view guess, const ChainParts& parts, Tolerance tolerance) {
  AnswerVerdict verdict = check_answer(guess, parts.total, tolerance);
  if (verdict.correct) return verdict;
  const double typed = verdict.guess;
  const auto near = [&](double want) {
    return std::isfinite(want) && std::fabs(typed - want) <= std::max(tolerance.relative * std::fabs(want), tolerance.absolute);
  };
  // Checked in this order: the most specific slip first (a sign flip of the total also flips a lone contribution).
  verdict.slip = near(-parts.total) ? "sign"
                 : parts.before != 0 && near(parts.contribution) ? "path"
                 : near(parts.upstream) && parts.local != 1 ? "upstream"
                 : near(parts.local) && parts.upstream != 1 ? "local"
                                                            : "none";
  return verdict;
}

}  // namespace bp::scalar
