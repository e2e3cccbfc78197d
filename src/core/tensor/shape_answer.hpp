// Grading a typed shape ("3×4", "3x4", "(3, 4)", "3 4") against the engine's, for the tensor stepper's quiz, so
// pages never compare shapes themselves. A wrong answer names the usual slip: the transpose of the right shape.
#pragma once
#include <string_view>
#include <vector>

namespace bp::tensor {

struct ShapeVerdict {
  bool correct = false;
  std::vector<std::size_t> guess;
  const char* slip = "none";  // wrong answers: "transpose" or "none"
};

// InputError "type a shape such as 3×4" for text that is not a shape.
ShapeVerdict check_shape_answer(std::string_view typed, const std::vector<std::size_t>& shape);

}  // namespace bp::tensor
