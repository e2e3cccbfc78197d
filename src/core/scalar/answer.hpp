// Grading a learner's typed answer against the engine's own number, so pages never compare numbers in JS.
// The answer is read with the formula grammar (a number, or arithmetic such as `2*1.1` or `-4+1`, no variables)
// and is right when |guess − answer| ≤ max(relative·|answer|, absolute): relative 1e-3 by default, plus a small
// absolute tolerance so that answers near zero (1e-17 vs 0) are not judged by a relative rule that cannot hold.
#pragma once
#include <string_view>

namespace bp::scalar {

struct Tolerance {
  double relative = 1e-3;
  double absolute = 1e-6;
};

struct AnswerVerdict {
  bool correct = false;
  double guess = 0;           // the typed text's value
  const char* slip = "none";  // check_chain_answer only, for a wrong answer
};

// InputError (with its column) for text that is not a constant expression ("", "abc", "2*", "x+1").
AnswerVerdict check_answer(std::string_view guess, double answer, Tolerance tolerance = {});

// The numbers of one backward edge: upstream × local = contribution, added to what earlier paths left (`before`)
// to give the input's gradient so far (`total`).
struct ChainParts {
  double upstream = 0, local = 0, contribution = 0, before = 0, total = 0;
};

// Grades a typed gradient against `parts.total` like check_answer and, when it is wrong, names the usual slip
// it matches: "sign" (−total), "upstream" (the upstream gradient alone), "local" (the local derivative alone),
// "path" (this path's contribution without the earlier paths' sum), or "none".
AnswerVerdict check_chain_answer(std::string_view guess, const ChainParts& parts, Tolerance tolerance = {});

}  // namespace bp::scalar
