// Grading typed answers: the tolerance rule, arithmetic in answers, and clear errors for what is not a number.
#include <gtest/gtest.h>

#include <limits>

#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using namespace scalar;

bool correct(std::string_view guess, double answer) { return check_answer(guess, answer)["correct"].get<bool>(); }

TEST(Answer, RelativeToleranceOfOneThousandth) {
  EXPECT_TRUE(correct("-4", -4));
  EXPECT_TRUE(correct("-4.003", -4));   // 0.003 ≤ 0.004
  EXPECT_FALSE(correct("-4.005", -4));  // 0.005 > 0.004
  EXPECT_TRUE(correct("0.0903", 0.090306));
  EXPECT_FALSE(correct("0.09", 0.090306));  // off by 3.4e-3 relative
  EXPECT_TRUE(correct("220", 220.00000000000003));
}

TEST(Answer, AbsoluteToleranceNearZero) {
  EXPECT_TRUE(correct("0", 1e-17));
  EXPECT_TRUE(correct("0", -5e-7));
  EXPECT_FALSE(correct("0", 1e-4));
}

TEST(Answer, ArithmeticIsAllowed) {
  EXPECT_TRUE(correct("2*1.1", 2.2));
  EXPECT_TRUE(correct("-4 + 1", -3));
  EXPECT_TRUE(correct("-4*1", -4));
  EXPECT_DOUBLE_EQ(check_answer("1/4", 0.25)["guess"].get<double>(), 0.25);
}

TEST(Answer, NonNumbersAreClearErrors) {
  for (const char* bad : {"", "abc", "2*", "x+1", "1/0", "log(-1)", "(("}) {
    const nlohmann::json reply = check_answer(bad, 1.0);
    ASSERT_TRUE(reply.contains("error")) << bad;
    EXPECT_FALSE(reply["error"]["message"].get<std::string>().empty()) << bad;
  }
  EXPECT_NE(check_answer("x+1", 1.0)["error"]["message"].get<std::string>().find("'x'"), std::string::npos);
}

TEST(Answer, NonFiniteAnswerIsNeverMatched) {
  EXPECT_FALSE(correct("1e308", std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(correct("0", std::numeric_limits<double>::quiet_NaN()));
}

// The stepper's quiz names the usual slips of a chain-rule answer (upstream × local, plus earlier paths).
TEST(Answer, ChainAnswersNameTheirSlip) {
  const ChainParts add{-4, 1, -4, 0, -4};
  const auto slip = [](std::string_view guess, const ChainParts& parts) {
    const nlohmann::json reply = wire::check_chain_answer(guess, parts);
    return reply.contains("slip") ? reply["slip"].get<std::string>() : std::string("(correct)");
  };
  EXPECT_EQ(slip("-4", add), "(correct)");
  EXPECT_EQ(slip("4", add), "sign");
  EXPECT_EQ(slip("7", add), "none");
  const ChainParts mul{2, -3, -6, 0, -6};  // upstream 2 × local −3
  EXPECT_EQ(slip("2", mul), "upstream");
  EXPECT_EQ(slip("-3", mul), "local");
  const ChainParts second_path{1, 3, 3, -2, 1};  // a second path of 3 onto the −2 already there
  EXPECT_EQ(slip("3", second_path), "path");
  EXPECT_EQ(slip("-1", second_path), "sign");
  EXPECT_TRUE(wire::check_chain_answer("x", add).contains("error"));
}

}  // namespace
}  // namespace bp::wire

