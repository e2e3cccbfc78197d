// The lesson math on the wire (core/wire/replies.hpp, lesson_math.cpp): the reply shapes the widgets and the CLI read,
// numbers given as text, non-finite numbers as strings, and a message naming the field for every bad request.
#include <gtest/gtest.h>

#include <string>

#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using json = Json;

std::string message_of(const json& reply) {
  return is_error_reply(reply) ? reply["error"]["message"].get<std::string>() : "(no error)";
}

TEST(LessonMathWire, SoftmaxReplyShape) {
  const json r = softmax_reply({{"logits", {"800", 801, "8.02e2"}}, {"target", 1}});
  ASSERT_FALSE(is_error_reply(r)) << r;
  EXPECT_EQ(r["logits"], json({800, 801, 802}));
  EXPECT_EQ(r["target"], 1);
  EXPECT_EQ(r["max"], 802);
  for (const char* key : {"probabilities", "grads"}) EXPECT_EQ(r[key].size(), 3u) << key;
  EXPECT_EQ(r["jacobian"].size(), 3u);
  EXPECT_EQ(r["jacobian"][0].size(), 3u);
  EXPECT_TRUE(r["loss"].is_number() && r["log_sum_exp"].is_number());
  EXPECT_EQ(softmax_reply({{"logits", {0, 1e300}}, {"target", "0"}})["loss"], 1e300);
}

TEST(LessonMathWire, SoftmaxErrorsNameTheField) {
  EXPECT_EQ(message_of(softmax_reply(json::array())), "the request must be a JSON object");
  EXPECT_EQ(message_of(softmax_reply({{"target", 0}})), "missing field \"logits\"");
  EXPECT_EQ(message_of(softmax_reply({{"logits", "1, 2"}, {"target", 0}})), "\"logits\" must be a list of numbers");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {"1", "x"}}, {"target", 0}})), "logit z1 is not a number: 'x'");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {"1", "1e999"}}, {"target", 0}})), "logit z1 is 1e999, too large for a number (at most about 1.8e308)");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {1, nullptr}}, {"target", 0}})), "logit z1 is not a number");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {1, 2}}})), "missing field \"target\"");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {1, 2}}, {"target", 0.5}})), "the target class must be a whole number ≥ 0");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {1, 2}}, {"target", -1}})), "the target class must be a whole number ≥ 0");
  EXPECT_EQ(message_of(softmax_reply({{"logits", {1, 2}}, {"target", 2}})), "the target class must be between 0 and 1");
  EXPECT_EQ(message_of(softmax_reply({{"logits", json(std::vector<int>(11, 1))}, {"target", 0}})),
            "give 2 to 10 logits, got 11");
}

TEST(LessonMathWire, DescentReplyShape) {
  const json request = {{"formula", "0.5*(w*x - y)^2"}, {"values", {{"w", "0.5"}, {"x", 2}, {"y", 3}}},
                        {"params", {"w"}}, {"rate", "0.1"}, {"steps", "2"}};
  const json r = descent_reply(request);
  ASSERT_FALSE(is_error_reply(r)) << r;
  EXPECT_EQ(r["formula"], "0.5*(w*x - y)^2");
  EXPECT_EQ(r["params"], json({"w"}));
  EXPECT_EQ(r["rate"], 0.1);
  EXPECT_EQ(r["diverged"], false);
  ASSERT_EQ(r["steps"].size(), 3u);
  EXPECT_EQ(r["steps"][0]["params"], json({{"w", 0.5}}));
  EXPECT_EQ(r["steps"][0]["grads"]["w"], -4);
  EXPECT_EQ(r["steps"][0]["loss"], 2);
  EXPECT_EQ(r["steps"][1]["params"], r["steps"][0]["next"]);
  json start = request;
  start.erase("steps");
  EXPECT_EQ(descent_reply(start)["steps"].size(), 1u);  // no steps asked: the start alone
  // A loss outside its domain is reported as JSON can carry it.
  EXPECT_EQ(descent_reply({{"formula", "log(w)"}, {"values", {{"w", -1}}}, {"params", {"w"}}, {"rate", 1}})["steps"][0]["loss"],
            "NaN");
}

TEST(LessonMathWire, DescentErrorsNameTheField) {
  const json ok = {{"formula", "w^2"}, {"values", {{"w", 1}}}, {"params", {"w"}}, {"rate", 0.1}, {"steps", 1}};
  const auto with = [&](const char* key, const json& value) {
    json r = ok;
    r[key] = value;
    return message_of(descent_reply(r));
  };
  EXPECT_EQ(with("formula", 3), "the formula must be text");
  EXPECT_EQ(with("values", json::array()), "\"values\" must be an object such as {\"x\": -2}");
  EXPECT_EQ(with("values", {{"w", "abc"}}), "the value of 'w' is not a number: 'abc'");
  EXPECT_EQ(with("params", "w"), "\"params\" must be a list of names such as [\"w\", \"b\"]");
  EXPECT_EQ(with("params", {1}), "each parameter must be text");
  EXPECT_EQ(with("rate", "fast"), "the learning rate is not a number: 'fast'");
  EXPECT_EQ(with("rate", "-1"), "the learning rate must be a positive number");
  EXPECT_EQ(with("steps", 1.5), "steps must be a whole number ≥ 0");
  EXPECT_EQ(with("steps", 1e300), "steps is far too large: 1e+300");
  EXPECT_EQ(with("steps", 5000), "at most 1000 steps at a time, got 5000");
  json missing = ok;
  missing.erase("rate");
  EXPECT_EQ(message_of(descent_reply(missing)), "missing field \"rate\"");
}

TEST(LessonMathWire, GradcheckReplyShapeAndErrors) {
  const json r = gradcheck_reply({{"formula", "a*b"}, {"values", {{"a", 2}, {"b", "3"}}}, {"params", {"b", "a"}}, {"h", "1e-4"}});
  ASSERT_FALSE(is_error_reply(r)) << r;
  EXPECT_EQ(r["h"], 1e-4);
  EXPECT_EQ(r["rows"][0]["param"], "b");
  EXPECT_EQ(r["rows"][0]["analytic"], 2);
  EXPECT_EQ(r["rows"][1]["analytic"], 3);
  EXPECT_EQ(r["numeric_evaluations"], 4);
  EXPECT_EQ(r["backprop_passes"], 1);
  EXPECT_EQ(r["threshold"], 1e-4);
  EXPECT_EQ(r["ok"], true);
  for (const char* key : {"numeric", "gap", "relative", "ok"}) EXPECT_TRUE(r["rows"][0].contains(key)) << key;
  EXPECT_EQ(message_of(gradcheck_reply({{"formula", "a"}, {"values", {{"a", 1}}}, {"params", {"a"}}, {"h", "0"}})),
            "h must be a positive number");
  EXPECT_EQ(message_of(gradcheck_reply({{"formula", "a"}, {"values", {{"a", 1}}}, {"params", {"a"}}})),
            "missing field \"h\"");
}

}  // namespace
}  // namespace bp::wire
