// What the training page asks of the trainer beyond training: a held-out test split, clicked-in points, L1,
// divergence that halts and explains itself, hidden-unit grids, per-sample weight gradients that agree with the
// `mlp` spec report (the CLI's engine side), the chain-rule lines for one weight, and predictions per row.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "core/nn/spec.hpp"
#include "core/nn/trainer.hpp"
#include "inspect_json.hpp"

namespace bp::wire {
namespace {

using namespace nn;

using json = Json;

const double* doubles(const RawArray& a) { return static_cast<const double*>(a.data); }

TEST(TrainPage, TestRowsAreHeldOutAndNeverTrainedOn) {
  const json base = {{"dataset", "moons"}, {"layers", {8}}, {"dtype", "float64"}, {"seed", 4}};
  json split = base;
  split["test_fraction"] = 0.2;
  auto all = make_trainer(base);
  auto held = make_trainer(split);
  ASSERT_EQ(held->data().n, 300u);
  ASSERT_EQ(held->train_rows(), 240u);
  EXPECT_EQ(all->train_rows(), 300u);
  // The same rows in the same order, the last fifth held out.
  EXPECT_EQ(held->data().x, all->data().x);
  // Training on the split equals training on its first 240 rows alone, bit for bit.
  const Dataset& d = all->data();
  json first = base;
  first["dataset"] = "custom";
  first["data"] = {{"x", std::vector<double>(d.x.begin(), d.x.begin() + 480)},
                   {"y", std::vector<int>(d.y.begin(), d.y.begin() + 240)}, {"d", 2}, {"classes", 2}};
  auto only = make_trainer(first);
  held->step(50);
  only->step(50);
  EXPECT_EQ(held->last_loss(), only->last_loss());
  EXPECT_EQ(held->evaluate().loss, only->evaluate().loss);
  const Metrics test = held->evaluate_test();
  EXPECT_TRUE(std::isfinite(test.loss));
  EXPECT_GT(test.accuracy, 0.5);
  EXPECT_TRUE(std::isnan(all->evaluate_test().loss));
  EXPECT_EQ(describe(*held)["dataset"]["test_rows"], 60);
}

TEST(TrainPage, ExtraPointsJoinTheTrainingRows) {
  auto trainer = make_trainer({{"dataset", "xor"}, {"samples", 20}, {"test_fraction", 0.5},
                               {"extra", {{"x", {0.25, -0.5, 0.75, 0.125}}, {"y", {1, 0}}}}});
  ASSERT_EQ(trainer->data().n, 22u);
  EXPECT_EQ(trainer->train_rows(), 12u);
  // After the 10 generated training rows, before the 10 test rows.
  EXPECT_EQ(trainer->data().x[20], 0.25);
  EXPECT_EQ(trainer->data().x[23], 0.125);
  EXPECT_EQ(trainer->data().y[10], 1);
  EXPECT_EQ(trainer->data().y[11], 0);
  EXPECT_EQ(inspect(*trainer, 11)["test"], false);
  EXPECT_EQ(inspect(*trainer, 12)["test"], true);
  const std::pair<json, std::string> bad[] = {
      {{{"x", {0.1}}, {"y", {0}}}, "k·2 numbers"},
      {{{"x", {0.1, 0.2}}, {"y", {2}}}, "class index in [0, 2)"},
      {{{"x", {0.1, "a"}}, {"y", {1}}}, "extra.x[1] must be a number"},
  };
  for (const auto& [extra, fragment] : bad) {
    try {
      make_trainer({{"dataset", "xor"}, {"extra", extra}});
      ADD_FAILURE() << "no error for " << extra.dump();
    } catch (const InputError& e) {
      EXPECT_NE(e.message().find(fragment), std::string::npos) << e.message();
    }
  }
  EXPECT_THROW(make_trainer({{"dataset", "xor"}, {"test_fraction", 0.95}}), InputError);
}

TEST(TrainPage, L1AddsLambdaTimesTheAbsoluteWeights) {
  const json base = {{"dataset", "gauss"}, {"layers", {3}}, {"dtype", "float64"}};
  json penalised = base;
  penalised["l1"] = 0.01;
  auto plain = make_trainer(base);
  auto l1 = make_trainer(penalised);
  double sum = 0;
  for (std::size_t l = 0; l < 2; ++l) {
    const RawArray w = plain->parameter(l, false, false);
    for (std::size_t i = 0; i < w.size; ++i) sum += std::abs(doubles(w)[i]);
  }
  EXPECT_NEAR(l1->evaluate().loss - plain->evaluate().loss, 0.01 * sum, 1e-14);
  // One step: the penalty's gradient λ·sign(w) is added to each weight's data gradient.
  plain->step(1);
  l1->step(1);
  const RawArray w = plain->parameter(0, false, false), g = plain->parameter(0, false, true);
  const RawArray gl1 = l1->parameter(0, false, true);
  for (std::size_t i = 0; i < g.size; ++i) {
    // Both networks started from the same weights; `w` has moved by one step, but not across zero.
    EXPECT_NEAR(doubles(gl1)[i] - doubles(g)[i], doubles(w)[i] > 0 ? 0.01 : -0.01, 1e-12);
  }
}

TEST(TrainPage, TooHighARateHaltsAndSaysWhy) {
  json config = {{"dataset", "spiral"}, {"layers", {16, 16}}, {"activation", "tanh"},
                 {"optimizer", {{"type", "sgd"}, {"lr", 50}}}, {"halt_on_divergence", true}};
  auto trainer = make_trainer(config);
  trainer->step(1000);
  const Divergence* d = trainer->divergence();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->reason, "weights_exploded");
  EXPECT_LT(d->step, 20u);
  EXPECT_EQ(trainer->steps(), d->step);  // nothing after the divergent step
  EXPECT_GT(d->max_weight, 100);
  EXPECT_GT(d->loss, d->guess_loss);
  EXPECT_NEAR(d->guess_loss, std::log(3.0), 1e-15);
  EXPECT_GT(d->max_preactivation, 10);
  EXPECT_GT(d->flat_units, 0.5);  // tanh saturated almost everywhere
  EXPECT_EQ(d->suggested_lr, 0.1);
  trainer->step(5);
  EXPECT_EQ(trainer->steps(), d->step);
  trainer->reset();
  EXPECT_EQ(trainer->divergence(), nullptr);
  // Without the flag (the CLI's way) every step runs.
  config.erase("halt_on_divergence");
  auto cli = make_trainer(config);
  cli->step(100);
  EXPECT_EQ(cli->steps(), 100u);
  EXPECT_EQ(cli->divergence(), nullptr);
}

TEST(TrainPage, NonFiniteLossHalts) {
  // Weights of 1e30 on inputs of 1e10 overflow float32: z = ±inf, and the loss is not a number.
  auto trainer = make_trainer({{"dataset", "custom"}, {"layers", json::array()}, {"halt_on_divergence", true},
                               {"data", {{"x", {1e10, 1e10, -1e10, -1e10}}, {"y", {0, 1}}, {"d", 2}, {"classes", 2}}},
                               {"params", {{1e30, -1e30, 1e30, -1e30}, {0, 0}}},
                               {"optimizer", {{"type", "adam"}, {"lr", 0.001}}}});
  trainer->step(10);
  ASSERT_NE(trainer->divergence(), nullptr);
  EXPECT_EQ(trainer->divergence()->reason, "loss_not_finite");
  EXPECT_EQ(trainer->divergence()->step, 1u);
  EXPECT_EQ(trainer->divergence()->suggested_lr, 1e-4);
  const json j = divergence_json(*trainer->divergence());
  EXPECT_EQ(j["reason"], "loss_not_finite");
}

TEST(TrainPage, HealthyRunsNeverHalt) {
  for (const json& optimizer : {json{{"type", "sgd"}, {"lr", 1}}, json{{"type", "adam"}, {"lr", 0.1}},
                                json{{"type", "momentum"}, {"lr", 0.1}}}) {
    auto trainer = make_trainer({{"dataset", "spiral"}, {"layers", {16, 16}}, {"optimizer", optimizer},
                                 {"halt_on_divergence", true}});
    trainer->step(2000);
    EXPECT_EQ(trainer->divergence(), nullptr) << optimizer.dump();
    EXPECT_GT(trainer->evaluate().accuracy, 0.9) << optimizer.dump();
  }
}

TEST(TrainPage, GridLayerHoldsTheHiddenActivationsAtTheGridPoints) {
  auto trainer = make_trainer({{"dataset", "circle"}, {"layers", {5, 3}}, {"dtype", "float64"}});
  EXPECT_THROW(trainer->grid_layer(0), InputError);
  trainer->step(10);
  const double px = trainer->data().x[14], py = trainer->data().x[15];
  trainer->grid(px, px, py, py, 2, 3);
  const json sample = inspect(*trainer, 7);
  for (std::size_t l = 0; l < 2; ++l) {
    const RawArray a = trainer->grid_layer(l);
    ASSERT_EQ(a.rows, 6u);
    ASSERT_EQ(a.cols, l == 0 ? 5u : 3u);
    for (std::size_t r = 0; r < 6; ++r) {
      for (std::size_t u = 0; u < a.cols; ++u) EXPECT_EQ(doubles(a)[r * a.cols + u], sample["layers"][l]["a"][u]);
    }
  }
  EXPECT_THROW(trainer->grid_layer(3), InputError);
}

TEST(TrainPage, SampleGradientsMatchTheSpecReport) {
  auto trainer = make_trainer({{"dataset", "spiral"}, {"layers", {6, 4}}, {"dtype", "float64"}, {"seed", 9}});
  trainer->step(25);
  const std::size_t row = 17;
  const json sample = inspect(*trainer, row);
  // The trainer writes this network and row as a spec; the `mlp` command's engine redoes the sample from it.
  const json report = mlp_step_report(spec(*trainer, row));
  EXPECT_DOUBLE_EQ(report["loss"].get<double>(), sample["loss"].get<double>());
  for (std::size_t l = 0; l < 3; ++l) {
    SCOPED_TRACE(l);
    const json& mine = sample["layers"][l];
    const json& cli = report["trace"][l];
    for (const char* key : {"z", "a", "dz", "da"}) {
      for (std::size_t u = 0; u < mine[key].size(); ++u) EXPECT_DOUBLE_EQ(mine[key][u].get<double>(), cli[key][0][u].get<double>()) << key;
    }
    const json& grads = report["grads"][l];
    const std::size_t out = mine["db"].size();
    for (std::size_t i = 0; i < mine["dW"].size(); ++i) {
      EXPECT_DOUBLE_EQ(mine["dW"][i].get<double>(), grads["W"][i / out][i % out].get<double>());
    }
    for (std::size_t j = 0; j < out; ++j) EXPECT_DOUBLE_EQ(mine["db"][j].get<double>(), grads["b"][j].get<double>());
  }
  for (std::size_t j = 0; j < 3; ++j) EXPECT_DOUBLE_EQ(report["probs"][0][j].get<double>(), sample["probs"][j].get<double>());
  // A sample's weight gradient is the outer product of the layer's input and its delta.
  const json& first = sample["layers"][0];
  EXPECT_DOUBLE_EQ(first["dW"][1 * 6 + 4].get<double>(), sample["x"][1].get<double>() * first["dz"][4].get<double>());
}

// A float32 session (the page's) still inspects in float64, on its own float weights: the spec's report agrees.
TEST(TrainPage, Float32SessionsInspectInFloat64LikeTheCli) {
  auto trainer = make_trainer({{"dataset", "spiral"}, {"layers", {16, 16}}, {"seed", 3}});
  ASSERT_TRUE(trainer->float32());
  trainer->step(40);
  for (std::size_t row : {0u, 123u, 299u}) {
    SCOPED_TRACE(row);
    const json sample = inspect(*trainer, row);
    const json report = mlp_step_report(spec(*trainer, row));
    EXPECT_DOUBLE_EQ(report["loss"].get<double>(), sample["loss"].get<double>());
    for (std::size_t l = 0; l < 3; ++l) {
      for (const char* key : {"z", "a", "dz", "da"}) {
        const json& mine = sample["layers"][l][key];
        for (std::size_t u = 0; u < mine.size(); ++u) {
          EXPECT_DOUBLE_EQ(mine[u].get<double>(), report["trace"][l][key][0][u].get<double>()) << l << key << u;
        }
      }
    }
    // explain() reads the same float64 pass.
    const json db = explain(*trainer, row, 1, 16, 5);
    EXPECT_EQ(db["value"], sample["layers"][1]["db"][5]);
  }
}

TEST(TrainPage, ChainRuleLinesForOneWeight) {
  auto trainer = make_trainer({{"dataset", "spiral"}, {"layers", {6, 4}}, {"dtype", "float64"}});
  trainer->step(5);
  const json sample = inspect(*trainer, 3);
  // Output layer: δ = p − y, then ∂L/∂W = δ·a.
  const json out = explain(*trainer, 3, 2, 1, 2);
  EXPECT_EQ(out["value"], sample["layers"][2]["dW"][1 * 3 + 2]);
  ASSERT_EQ(out["latex"].size(), 2u);
  EXPECT_NE(out["latex"][0].get<std::string>().find("W^{[3]}_{2,3}"), std::string::npos) << out["latex"][0];
  EXPECT_NE(out["latex"][1].get<std::string>().find("p_{3} - y_{3}"), std::string::npos) << out["latex"][1];
  // Hidden layer: δ = ∂L/∂a · f'(z), ∂L/∂a summed over the 4 units above, tanh' = 1 − a².
  const json hidden = explain(*trainer, 3, 1, 0, 3);
  ASSERT_EQ(hidden["latex"].size(), 4u);
  EXPECT_EQ(hidden["value"], sample["layers"][1]["dW"][0 * 4 + 3]);
  EXPECT_NE(hidden["latex"][2].get<std::string>().find("\\sum_{k}"), std::string::npos);
  EXPECT_NE(hidden["latex"][3].get<std::string>().find("\\tanh'"), std::string::npos);
  // The bias of unit 2 of layer 1 (from == in == 2 inputs).
  const json bias = explain(*trainer, 3, 0, 2, 1);
  EXPECT_EQ(bias["value"], sample["layers"][0]["db"][1]);
  EXPECT_NE(bias["latex"][0].get<std::string>().find("b^{[1]}_{2}"), std::string::npos);
  EXPECT_THROW(explain(*trainer, 3, 0, 3, 0), InputError);
  EXPECT_THROW(explain(*trainer, 3, 0, 0, 6), InputError);
  EXPECT_THROW(explain(*trainer, 3, 5, 0, 0), InputError);
  EXPECT_THROW(explain(*trainer, 300, 0, 0, 0), InputError);
}

TEST(TrainPage, PredictionsAreTheArgmaxOfEachRow) {
  auto trainer = make_trainer({{"dataset", "gauss"}, {"layers", {4}}, {"test_fraction", 0.3}, {"seed", 2}});
  trainer->step(30);
  const std::vector<int> predictions = trainer->predictions();
  ASSERT_EQ(predictions.size(), 300u);
  std::size_t correct = 0;
  for (std::size_t row = 0; row < 300; ++row) {
    EXPECT_EQ(predictions[row], inspect(*trainer, row)["prediction"]) << row;
    if (row < trainer->train_rows()) correct += predictions[row] == trainer->data().y[row];
  }
  EXPECT_DOUBLE_EQ(trainer->evaluate().accuracy, double(correct) / double(trainer->train_rows()));
}

}  // namespace
}  // namespace bp::wire
