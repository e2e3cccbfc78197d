// The wire's toolkit (core/wire/json.hpp): the exact error reply every caller prints and what each kind of
// exception becomes, the one non-finite policy, the reader's messages for numbers too large, and "unknown X"
// messages written from their registries.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <new>
#include <stdexcept>

#include "core/nn/datasets.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {


using json = Json;

TEST(Wire, ErrorReplyShape) {
  EXPECT_EQ(error_reply("bad").dump(), R"({"error":{"message":"bad","position":null}})");
  EXPECT_EQ(error_reply("unexpected ')'", 7).dump(), R"({"error":{"message":"unexpected ')'","position":7}})");
  EXPECT_TRUE(is_error_reply(error_reply("x")));
  EXPECT_FALSE(is_error_reply(json{{"value", 1}}));
  EXPECT_FALSE(is_error_reply(json::array()));
}

TEST(Wire, GuardPassesRepliesThrough) {
  EXPECT_EQ(guarded_reply([] { return json{{"value", 2}}; }), (json{{"value", 2}}));
}

TEST(Wire, GuardKeepsInputErrorsWithTheirColumn) {
  const json reply = guarded_reply([]() -> json { throw InputError("missing ')'", 4); });
  EXPECT_EQ(reply, error_reply("missing ')'", 4));
  EXPECT_EQ(guarded_reply([]() -> json { throw InputError("no column"); }), error_reply("no column"));
}

TEST(Wire, GuardReportsEverythingElse) {
  EXPECT_EQ(guarded_reply([]() -> json { throw std::bad_alloc(); }), error_reply("out of memory"));
  EXPECT_EQ(guarded_reply([]() -> json { throw std::logic_error("oops"); }), error_reply("internal error: oops"));
}

// One non-finite policy: whatever an encoder puts in a reply, NaN and infinities go out as strings.
TEST(Wire, DumpWritesNonFiniteNumbersAsStrings) {
  const double inf = std::numeric_limits<double>::infinity();
  const json reply = {{"a", std::nan("")}, {"b", {1.5, inf, -inf}}, {"c", {{"d", number(-inf)}}}};
  EXPECT_EQ(dump(reply), R"({"a":"NaN","b":[1.5,"Infinity","-Infinity"],"c":{"d":"-Infinity"}})");
}

std::string parse_error(const std::string& text) {
  try {
    parse(text, "spec");
  } catch (const InputError& e) {
    return e.message();
  }
  return "(parsed)";
}

// nlohmann rejects 1e400 with an out_of_range exception; the reader names the field instead.
TEST(Wire, NumbersTooLargeNameTheirField) {
  EXPECT_EQ(parse_error(R"({"seed": 1e400})"), "spec: \"seed\" is 1e400, too large for a number (at most about 1.8e308)");
  EXPECT_EQ(parse_error(R"({"layers": [{"W": [[1, -2e999]]}]})"),
            "spec: \"layers[0].W[0][1]\" is -2e999, too large for a number (at most about 1.8e308)");
  EXPECT_EQ(parse_error("1e400"), "spec: the number 1e400, too large for a number (at most about 1.8e308)");
  EXPECT_EQ(parse_error(R"({"a": [1, {"b": 2}, 3], "c": 1e500})").find("spec: \"c\" is 1e500"), 0u);
  try {
    parse(R"({"seed": 1e400})", "spec");
  } catch (const InputError& e) {
    EXPECT_EQ(e.position(), 9u);  // where the number starts
  }
  EXPECT_NE(parse_error("{\"a\": }").find("spec is not valid JSON"), std::string::npos);
  EXPECT_EQ(parse(R"({"a": [1.5, {"b": null}]})", "spec"), json::parse(R"({"a": [1.5, {"b": null}]})"));
}

// Each "unknown X" message is written from the registry that defines X, so a new name shows up in it.
std::string config_error(const json& config) {
  try {
    make_trainer(config);
  } catch (const InputError& e) {
    return e.message();
  }
  return "(accepted)";
}

void expect_lists(const std::string& message, const std::vector<std::string>& names) {
  for (const std::string& name : names) EXPECT_NE(message.find(name), std::string::npos) << name << " in " << message;
}

TEST(Wire, UnknownNamesListTheirRegistry) {
  std::vector<std::string> activations, inits, losses, kinds;
  for (const tensor::ActivationRule& rule : tensor::activation_rules()) activations.push_back(rule.name);
  for (nn::Init init : nn::kInits) inits.push_back(nn::init_name(init));
  for (nn::Loss loss : nn::kLosses) losses.push_back(nn::loss_name(loss));
  for (nn::LayerKind kind : nn::kLayerKinds) kinds.push_back(nn::layer_kind_name(kind));
  expect_lists(config_error({{"dataset", "xor"}, {"activation", "swish"}}), activations);
  expect_lists(config_error({{"dataset", "xor"}, {"init", "lecun"}}), inits);
  expect_lists(config_error({{"dataset", "mnist"}}), nn::dataset_names());
  expect_lists(config_error({{"dataset", "xor"}, {"optimizer", {{"type", "rmsprop"}}}}), nn::optimizer_names());
  const auto spec_error = [](const json& spec) {
    try {
      parse_spec(spec);
    } catch (const InputError& e) {
      return e.message();
    }
    return std::string("(accepted)");
  };
  const json base = json::parse(R"({"layers": [{"W": [[1]], "b": [0]}], "loss": "mse", "x": [[1]], "y": [[1]],
    "optimizer": {"type": "sgd"}})");
  json bad_loss = base, bad_kind = base;
  bad_loss["loss"] = "hinge";
  bad_kind["layers"][0]["type"] = "lstm";
  expect_lists(spec_error(bad_loss), losses);
  expect_lists(spec_error(bad_kind), kinds);
}

}  // namespace
}  // namespace bp::wire
