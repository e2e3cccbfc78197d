// Grading a typed shape ("3×4", "3x4", "(3, 4)", "3 4") against the engine's, for the tensor stepper's quiz, so
// pages never compare shapes themselves. A wrong answer names the usual slip: the transpose of the right shape.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace bp::tensor {

// {"correct": bool, "guess": [dims], "slip": "transpose"|"none" (wrong answers only)}, or the error reply
// {"error": {"message"}} for text that is not a shape. Never throws for bad input.
nlohmann::json check_shape_answer(std::string_view typed, const std::vector<std::size_t>& shape);

}  // namespace bp::tensor
