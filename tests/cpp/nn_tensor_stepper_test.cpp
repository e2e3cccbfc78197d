// The tensor stepper's engine calls: the seeded example spec (deterministic, within its limits, clear errors),
// one entry written out as a sum (its terms add up to the trace's entry, and its playground formula, run through
// the scalar engine, has that entry as its gradient), the shape quiz, and the trainer's "backprop this batch"
// spec (the same rows the next training step uses, so the batch losses agree).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/nn/example_spec.hpp"
#include "core/nn/spec.hpp"
#include "core/nn/trainer.hpp"
#include "inspect_json.hpp"
#include "core/tensor/shape_answer.hpp"

namespace bp::wire {
namespace {

using namespace nn;

using json = Json;

json example(const std::string& choices) { return example_spec(json::parse(choices)); }

std::string error_of(const std::string& choices) {
  try {
    example(choices);
  } catch (const InputError& e) {
    return e.message();
  }
  return "";
}

TEST(ExampleSpec, SameChoicesSameSpecAndTheShapesAsked) {
  const json a = example(R"({"layers": "3-4-3", "batch": 4, "seed": 7})");
  EXPECT_EQ(a, example(R"({"layers": [3, 4, 3], "batch": 4, "seed": 7})"));
  EXPECT_NE(a, example(R"({"layers": "3-4-3", "batch": 4, "seed": 8})"));
  ASSERT_EQ(a["layers"].size(), 2u);
  EXPECT_EQ(a["layers"][0]["W"].size(), 3u);
  EXPECT_EQ(a["layers"][0]["W"][0].size(), 4u);
  EXPECT_EQ(a["layers"][1]["b"].size(), 3u);
  EXPECT_EQ(a["layers"][0]["activation"], "tanh");
  EXPECT_EQ(a["layers"][1]["activation"], "linear");
  EXPECT_EQ(a["x"].size(), 4u);
  for (const json& label : a["y"]) EXPECT_LT(label.get<int>(), 3);
  // Glorot range: |W| ≤ sqrt(6 / (3 + 4)); three significant digits.
  for (const json& row : a["layers"][0]["W"]) {
    for (const json& w : row) {
      EXPECT_LE(std::fabs(w.get<double>()), std::sqrt(6.0 / 7));
      EXPECT_EQ(json(w.get<double>()).dump().find("0000"), std::string::npos) << w.dump();
    }
  }
  // It is a valid spec: the report has a loss and steps.
  const json report = mlp_step_report(a);
  EXPECT_TRUE(std::isfinite(report["loss"].get<double>()));
  EXPECT_FALSE(report["steps"].empty());
}

TEST(ExampleSpec, ScaleShrinksTheWeightsAndMseGetsRealTargets) {
  const json small = example(R"({"layers": "2-3-1", "init_scale": 0.01, "loss": "mse", "activation": "sigmoid"})");
  for (const json& row : small["layers"][0]["W"]) {
    for (const json& w : row) EXPECT_LE(std::fabs(w.get<double>()), 0.01 * std::sqrt(6.0 / 5));
  }
  EXPECT_TRUE(small["y"][0].is_array());
}

TEST(ExampleSpec, BadChoicesNameTheField) {
  EXPECT_NE(error_of(R"({"layers": "3-x"})").find("sizes joined by dashes"), std::string::npos);
  EXPECT_NE(error_of(R"({"layers": "3"})").find("1 sizes; give 2 to 9"), std::string::npos);
  EXPECT_NE(error_of(R"({"layers": "3-65"})").find("[1] is 65; the tensor stepper shows 1 to 64 units"), std::string::npos);
  EXPECT_NE(error_of(R"({"layers": "3-0"})").find("[1] is 0; the tensor stepper shows 1 to 64 units"), std::string::npos);
  // A size far over the limit names the limit, not the format (a long run of digits is still a size).
  EXPECT_NE(error_of(R"({"layers": "3-999999-3"})").find("[1] is 999999; the tensor stepper shows 1 to 64"), std::string::npos);
  EXPECT_NE(error_of(R"({"layers": "3-99999999999999999999"})").find("[1] is too large; the tensor stepper shows 1 to 64"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"batch": 17})").find("\"batch\" must be a whole number in [1, 16]"), std::string::npos);
  EXPECT_NE(error_of(R"({"activation": "swish"})").find("unknown activation"), std::string::npos);
  EXPECT_NE(error_of(R"({"loss": "hinge"})").find("unknown loss"), std::string::npos);
  EXPECT_NE(error_of(R"({"layers": "3-1"})").find("at least 2 output units"), std::string::npos);
  EXPECT_NE(error_of(R"({"init_scale": -1})").find("init_scale"), std::string::npos);
  EXPECT_NE(error_of(R"({"colour": 1})").find("unknown field \"colour\""), std::string::npos);
}

// The gradient of `expr` with respect to `variable` at `values`, or its value when there is no variable.
double scalar_answer(const json& playground) {
  const json report = grad_report(playground["expr"].get<std::string>(), playground["values"]);
  if (playground["variable"].is_null()) return report["value"].get<double>();
  return report["grads"][playground["variable"].get<std::string>()].get<double>();
}

TEST(EntrySum, EveryDenseEntryAddsUpAndItsScalarGraphAgrees) {
  const json spec = example(R"({"layers": "3-4-3", "batch": 4, "seed": 1})");
  const json report = mlp_step_report(spec);
  // target, rows, cols, the report's own number for the entry (when it has one)
  struct Case { std::string target; std::size_t rows, cols; };
  for (const Case& c : {Case{"dW1", 3, 4}, Case{"dW2", 4, 3}, Case{"db1", 1, 4}, Case{"db2", 1, 3}, Case{"M1", 4, 4},
                        Case{"dA1", 4, 4}, Case{"dZ1", 4, 4}, Case{"dZ2", 4, 3}}) {
    for (std::size_t i = 0; i < c.rows; ++i) {
      for (std::size_t j = 0; j < c.cols; ++j) {
        const json entry = mlp_entry_report(spec, c.target, i, j);
        const double value = entry["value"].get<double>();
        if (c.target == "dW1" || c.target == "dW2") {
          EXPECT_NEAR(value, report["grads"][c.target == "dW1" ? 0 : 1]["W"][i][j].get<double>(), 1e-12);
        }
        if (c.target == "db1" || c.target == "db2") {
          EXPECT_NEAR(value, report["grads"][c.target == "db1" ? 0 : 1]["b"][j].get<double>(), 1e-12);
        }
        if (c.target == "dZ1") EXPECT_NEAR(value, report["trace"][0]["dz"][i][j].get<double>(), 1e-12);
        if (entry["over"] != "entry") {
          double sum = 0;
          for (const json& t : entry["terms"]) sum += t[0].get<double>() * t[1].get<double>();
          EXPECT_NEAR(sum, value, 1e-12) << c.target;
          EXPECT_NEAR(scalar_answer(entry["playground"]), value, 1e-12) << entry["playground"].dump();
        }
      }
    }
  }
  const json dw = mlp_entry_report(spec, "dW1", 0, 1);
  EXPECT_EQ(dw["over"], "batch");
  EXPECT_EQ(dw["terms"].size(), 4u);
  EXPECT_EQ(dw["latex"].get<std::string>().rfind("dW^{(1)}_{12} = \\sum_{n=1}^{4} X_{n1}\\, dM^{(1)}_{n2} = ", 0), 0u)
      << dw["latex"];
  EXPECT_EQ(mlp_entry_report(spec, "dA1", 0, 0)["over"], "contraction");
  EXPECT_EQ(mlp_entry_report(spec, "db1", 0, 2)["playground"]["expr"], "g1*b + g2*b + g3*b + g4*b");
  EXPECT_EQ(mlp_entry_report(spec, "dZ1", 1, 2)["over"], "entry");
}

TEST(EntrySum, BadTargetsAndEntriesAreClearErrors) {
  const json spec = example(R"({"layers": "3-4-3", "batch": 2})");
  const auto message = [&](const std::string& target, std::size_t i, std::size_t j) {
    try {
      mlp_entry_report(spec, target, i, j);
    } catch (const InputError& e) {
      return e.message();
    }
    return std::string();
  };
  EXPECT_EQ(message("dQ", 0, 0), "entry: no step computes \"dQ\"");
  EXPECT_EQ(message("dW1", 3, 0), "entry: dW1 is 3×4; there is no entry (4, 1)");
  EXPECT_EQ(message("P", 0, 0), "entry: P is computed row by row, not entry by entry");
}

TEST(ShapeAnswer, ReadsTheUsualWaysOfWritingAShape) {
  for (const char* typed : {"3x4", "3×4", "3 x 4", "(3, 4)", "[3,4]", "3*4", "3 4"}) {
    EXPECT_TRUE(wire::check_shape_answer(typed, {3, 4})["correct"].get<bool>()) << typed;
  }
  const json transposed = wire::check_shape_answer("4x3", {3, 4});
  EXPECT_FALSE(transposed["correct"].get<bool>());
  EXPECT_EQ(transposed["slip"], "transpose");
  EXPECT_EQ(wire::check_shape_answer("3x3", {3, 4})["slip"], "none");
  EXPECT_EQ(wire::check_shape_answer("three by four", {3, 4})["error"]["message"], "type a shape such as 3×4");
  EXPECT_TRUE(wire::check_shape_answer("", {3, 4}).contains("error"));
  EXPECT_TRUE(wire::check_shape_answer(std::string(100, '3'), {3, 4}).contains("error"));
}

TEST(BatchSpec, IsTheBatchTheNextStepTrainsOn) {
  auto trainer = make_trainer(json::parse(
      R"({"dataset": "xor", "samples": 40, "layers": [4], "batch_size": 8, "dtype": "float64", "seed": 3})"));
  trainer->step(3);  // the fourth batch is next
  const json spec = batch_spec(*trainer, 16);
  EXPECT_EQ(spec["x"].size(), 8u);  // no more than the batch
  const double loss = mlp_step_report(spec)["loss"].get<double>();
  trainer->step(1);
  EXPECT_NEAR(trainer->last_loss(), loss, 1e-12);
  EXPECT_EQ(batch_spec(*trainer, 2)["x"].size(), 2u);
}

}  // namespace
}  // namespace bp::wire
