// The training session: every toy dataset is learnt (loss falls, accuracy rises), reset() replays the same
// numbers bit for bit, float32 and float64 agree, the grid and per-sample views are consistent with the
// network, and bad configs are InputErrors that name the field.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "core/nn/trainer.hpp"
#include "inspect_json.hpp"

namespace bp::wire {
namespace {

using namespace nn;

using json = Json;

TEST(Trainer, LearnsEveryToyDataset) {
  for (const std::string& name : toy_dataset_names()) {
    SCOPED_TRACE(name);
    auto trainer = make_trainer({{"dataset", name}, {"layers", {16, 16}}, {"seed", 3},
                                 {"optimizer", {{"type", "adam"}, {"lr", 0.02}}}});
    const Metrics before = trainer->evaluate();
    trainer->step(400);
    const Metrics after = trainer->evaluate();
    EXPECT_LT(after.loss, before.loss * 0.6);
    EXPECT_GT(after.accuracy, 0.85);
    EXPECT_EQ(trainer->steps(), 400u);
  }
}

TEST(Trainer, ResetReplaysTheSameRunBitForBit) {
  auto trainer = make_trainer({{"dataset", "spiral"}, {"batch_size", 64}, {"optimizer", {{"type", "momentum"}}}});
  trainer->step(50);
  const double first = trainer->last_loss();
  trainer->reset();
  EXPECT_TRUE(std::isnan(trainer->last_loss()));
  trainer->step(50);
  EXPECT_EQ(trainer->last_loss(), first);
}

TEST(Trainer, Float32AndFloat64Agree) {
  json config = {{"dataset", "moons"}, {"layers", {8}}, {"seed", 5}};
  auto f32 = make_trainer(config);
  config["dtype"] = "float64";
  auto f64 = make_trainer(config);
  EXPECT_TRUE(f32->float32());
  EXPECT_FALSE(f64->float32());
  f32->step(200);
  f64->step(200);
  EXPECT_NEAR(f32->evaluate().loss, f64->evaluate().loss, 1e-4);
}

TEST(Trainer, GridAndInspectAgreeWithTheNetwork) {
  auto trainer = make_trainer({{"dataset", "xor"}, {"layers", {4}}, {"dtype", "float64"}});
  trainer->step(20);
  // A 2×2 grid over exactly the first row's point gives that row's probabilities everywhere.
  const Dataset& data = trainer->data();
  const double x0 = data.x[0], x1 = data.x[1];
  const RawArray grid = trainer->grid(x0, x0, x1, x1, 2, 2);
  ASSERT_EQ(grid.rows, 4u);
  ASSERT_EQ(grid.cols, 2u);
  const json sample = inspect(*trainer, 0);
  const double* probs = static_cast<const double*>(grid.data);
  for (std::size_t r = 0; r < 4; ++r) EXPECT_NEAR(probs[r * 2 + 1], sample["probs"][1].get<double>(), 1e-12);
  // The last layer's delta for one sample is p − onehot(label); its loss is −log p[label].
  const int label = sample["label"];
  const json& out = sample["layers"].back();
  for (int j = 0; j < 2; ++j) {
    EXPECT_NEAR(out["dz"][j].get<double>(), sample["probs"][j].get<double>() - (j == label), 1e-12);
  }
  EXPECT_NEAR(sample["loss"].get<double>(), -std::log(sample["probs"][label].get<double>()), 1e-12);
  // The hidden delta is the output delta pulled back through W1 and tanh': dz0 = (dz1·W1ᵀ)·(1 − a0²).
  const RawArray w1 = trainer->parameter(1, false, false);
  const double* w = static_cast<const double*>(w1.data);
  const json& hidden = sample["layers"][0];
  for (std::size_t i = 0; i < 4; ++i) {
    const double da = out["dz"][0].get<double>() * w[i * 2] + out["dz"][1].get<double>() * w[i * 2 + 1];
    const double a = hidden["a"][i].get<double>();
    EXPECT_NEAR(hidden["dz"][i].get<double>(), da * (1 - a * a), 1e-12);
  }
  // Inspecting does not overwrite the gradients of the last training step.
  const RawArray g = trainer->parameter(0, false, true);
  const double g00 = static_cast<const double*>(g.data)[0];
  inspect(*trainer, 1);
  EXPECT_EQ(static_cast<const double*>(trainer->parameter(0, false, true).data)[0], g00);
}

TEST(Trainer, CustomDataAndInitialParameters) {
  // Two points, one weight layer initialised to zero: the first loss is log 2 (uniform probabilities).
  const json config = {{"dataset", "custom"}, {"layers", json::array()},
                       {"data", {{"x", {0.5, -1, -0.5, 1}}, {"y", {0, 1}}, {"d", 2}, {"classes", 2}}},
                       {"params", {{0, 0, 0, 0}, {0, 0}}}, {"dtype", "float64"}};
  auto trainer = make_trainer(config);
  EXPECT_NEAR(trainer->evaluate().loss, std::log(2.0), 1e-15);
  trainer->step(1);
  EXPECT_NEAR(trainer->last_loss(), std::log(2.0), 1e-15);
  EXPECT_LT(trainer->evaluate().loss, std::log(2.0));
}

TEST(Trainer, BadConfigsNameTheField) {
  const std::pair<json, std::string> cases[] = {
      {json::object(), "\"dataset\" is required"},
      {{{"dataset", "spirals"}}, "unknown \"spirals\""},
      {{{"dataset", "spiral"}, {"layers", {16, 0}}}, "hidden layer size"},
      {{{"dataset", "spiral"}, {"activation", "swish"}}, "unknown activation \"swish\""},
      {{{"dataset", "spiral"}, {"optimizer", {{"type", "rmsprop"}}}}, "\"type\" must be"},
      {{{"dataset", "spiral"}, {"optimizer", {{"type", "sgd"}, {"lr", "fast"}}}}, "\"lr\" must be a number"},
      {{{"dataset", "spiral"}, {"dtype", "int8"}}, "float32 or float64"},
      {{{"dataset", "spiral"}, {"learning_rate", 1}}, "unknown field \"learning_rate\""},
      {{{"dataset", "spiral"}, {"params", {{1, 2}}}}, "\"params\" needs 6 lists"},
      {{{"dataset", "digits"}}, "needs the digits.json text"},
      {{{"dataset", "custom"}}, "needs a \"data\" object"},
      {{{"dataset", "spiral"}, {"samples", -3}}, "\"samples\" must be a whole number"},
  };
  for (const auto& [config, fragment] : cases) {
    try {
      make_trainer(config);
      ADD_FAILURE() << "no error for " << config.dump();
    } catch (const InputError& e) {
      EXPECT_NE(e.message().find(fragment), std::string::npos) << e.message();
    }
  }
  auto trainer = make_trainer({{"dataset", "gauss"}});
  EXPECT_THROW(trainer->parameter(3, false, false), InputError);
  EXPECT_THROW(inspect(*trainer, 100000), InputError);
  EXPECT_THROW(trainer->grid(0, 1, 0, 1, 1, 5), InputError);
}

TEST(Datasets, DigitsFromJsonText) {
  const std::string text = R"({"n": 2, "d": 3, "pixel_max": 16, "x": [0, 8, 16, 16, 0, 4], "y": [3, 7]})";
  const Dataset d = digits_dataset(text, 1);
  EXPECT_EQ(d.n, 2u);
  EXPECT_EQ(d.classes, 10u);
  double sum = 0;
  for (double v : d.x) sum += v;
  EXPECT_DOUBLE_EQ(sum, 44.0 / 16);
  EXPECT_THROW(digits_dataset("{\"n\": 2}", 1), InputError);
  EXPECT_THROW(digits_dataset("not json", 1), InputError);
}

}  // namespace
}  // namespace bp::wire
