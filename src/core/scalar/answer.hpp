// Grading a learner's typed answer against the engine's own number, so pages never compare numbers in JS.
// The answer is read with the formula grammar (a number, or arithmetic such as `2*1.1` or `-4+1`, no variables)
// and is right when |guess − answer| ≤ max(relative·|answer|, absolute): relative 1e-3 by default, plus a small
// absolute tolerance so that answers near zero (1e-17 vs 0) are not judged by a relative rule that cannot hold.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

namespace bp::scalar {

struct Tolerance {
  double relative = 1e-3;
  double absolute = 1e-6;
};

// {"correct": bool, "guess": number} or {"error": {"message", "position"}} for text that is not a constant
// expression ("", "abc", "2*", "x+1"). Never throws for bad input.
nlohmann::json check_answer(std::string_view guess, double answer, Tolerance tolerance = {});

}  // namespace bp::scalar
