// capabilities() against the code it describes: every op of the registry, every activation the tensor code names
// (and nothing it does not accept), datasets whose sizes match what the generators make, and the named limits.
#include <gtest/gtest.h>

#include <string>

#include "core/lesson/descent.hpp"
#include "core/lesson/softmax.hpp"
#include "core/nn/datasets.hpp"
#include "core/nn/optimizer.hpp"
#include "core/number_format.hpp"
#include "core/scalar/op.hpp"
#include "core/wire/replies.hpp"
#include "core/tensor/ops.hpp"

namespace bp {
namespace {

using nlohmann::json;

const json& caps() {
  static const json c = wire::capabilities();
  return c;
}

const json& named(const json& list, const std::string& name) {
  for (const json& item : list) {
    if (item["name"] == name) return item;
  }
  static const json none;
  ADD_FAILURE() << "no entry named " << name;
  return none;
}

TEST(Capabilities, ScalarOpsComeFromTheRegistry) {
  const json& ops = caps()["scalar_ops"];
  ASSERT_EQ(ops.size(), static_cast<std::size_t>(scalar::Op::Count));
  for (std::size_t k = 0; k < ops.size(); ++k) {
    const scalar::OpRule& rule = scalar::rule_of(static_cast<scalar::Op>(k));
    EXPECT_EQ(ops[k]["name"], rule.name);
    EXPECT_EQ(ops[k]["symbol"], rule.symbol);
    EXPECT_EQ(ops[k]["arity"], rule.arity);
    EXPECT_EQ(ops[k]["rule_latex"].size(), static_cast<std::size_t>(rule.arity));
  }
  EXPECT_EQ(named(ops, "mul")["latex"], "a \\cdot b");
  EXPECT_EQ(named(ops, "mul")["rule_latex"], json({"b", "a"}));
  EXPECT_EQ(named(ops, "sigmoid")["function"], true);
  EXPECT_EQ(named(ops, "add")["function"], false);
  // Every op marked "function" really is callable by name in a formula, and no other op is.
  for (const json& op : ops) {
    const std::string name = op["name"].get<std::string>();
    const std::string call = name + (op["arity"] == 2 ? "(x, 2)" : "(x)");
    EXPECT_EQ(wire::grad_report(call, {{"x", 1}}).contains("error"), op["function"] == false) << call;
    EXPECT_EQ(scalar::function_named(name) != scalar::Op::Constant, op["function"] == true) << name;
  }
}

TEST(Capabilities, ActivationsAreExactlyTheTensorCodes) {
  const json& acts = caps()["activations"];
  std::size_t kinds = 0;
  // Walk the enum until the name function no longer knows the value: a new activation without a row fails here.
  for (int k = 0; std::string(tensor::activation_name(static_cast<tensor::Activation>(k))) != "?"; ++k, ++kinds) {
    const std::string name = tensor::activation_name(static_cast<tensor::Activation>(k));
    EXPECT_FALSE(named(acts, name).is_null()) << name;
  }
  EXPECT_EQ(acts.size(), kinds);
  for (const json& a : acts) {
    tensor::Activation kind;
    EXPECT_TRUE(tensor::activation_named(a["name"], kind)) << a;
    EXPECT_FALSE(a["label"].get<std::string>().empty());
    EXPECT_FALSE(a["latex"].get<std::string>().empty());
  }
  EXPECT_EQ(caps()["leaky_relu_slope"], tensor::kLeakyReluSlope);
  EXPECT_EQ(latex_number(tensor::kLeakyReluSlope), "0.01");  // the chain-rule line writes the slope this way
}

TEST(Capabilities, DatasetsMatchTheirGenerators) {
  const json& sets = caps()["datasets"];
  for (const std::string& name : nn::toy_dataset_names()) {
    const json& row = named(sets, name);
    const nn::Dataset data = nn::toy_dataset(name, nn::DatasetOptions{});
    EXPECT_EQ(row["inputs"], data.d) << name;
    EXPECT_EQ(row["classes"], data.classes) << name;
    EXPECT_EQ(row["source"], "generated");
  }
  EXPECT_EQ(named(sets, "spiral")["classes"], 3);
  EXPECT_EQ(named(sets, "spiral")["max_classes"], 10);
  EXPECT_EQ(named(sets, "digits")["inputs"], 64);
  EXPECT_EQ(named(sets, "digits")["classes"], 10);
  EXPECT_TRUE(named(sets, "custom")["classes"].is_null());
}

TEST(Capabilities, LossesOptimisersLadderAndLimits) {
  const json& c = caps();
  EXPECT_EQ(c["losses"].size(), 3u);
  EXPECT_FALSE(named(c["losses"], "softmax_cross_entropy").is_null());
  EXPECT_EQ(named(c["optimizers"], "adam")["defaults"]["lr"], 0.001);
  EXPECT_EQ(named(c["optimizers"], "sgd")["defaults"], json({{"type", "sgd"}, {"lr", 0.1}}));
  EXPECT_EQ(c["learning_rates"], json(nn::learning_rate_ladder()));
  EXPECT_EQ(c["learning_rates"].front(), 1e-6);
  EXPECT_EQ(c["limits"]["formula"], json({{"length", 10000}, {"depth", 256}, {"nodes", 100000}}));
  EXPECT_EQ(c["limits"]["network"], json({{"layers", 4}, {"units", 8}, {"samples", 32}}));
  EXPECT_EQ(c["limits"]["softmax"], json({{"min_logits", lesson::kMinLogits}, {"max_logits", lesson::kMaxLogits}}));
  EXPECT_EQ(c["limits"]["softmax"]["max_logits"], 10);
  EXPECT_EQ(c["limits"]["descent"], json({{"max_steps", lesson::kMaxDescentSteps}}));
  EXPECT_EQ(c["limits"]["trainer"]["hidden_layers"], 16);
  EXPECT_EQ(c["limits"]["trainer"]["seed"], 4294967295u);
}

}  // namespace
}  // namespace bp
