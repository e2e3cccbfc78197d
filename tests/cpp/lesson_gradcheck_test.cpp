// Gradient checking (core/lesson/gradcheck.hpp): central differences worked by hand (exact for a product, a
// visible gap for a cubic at a large h, a kink that fails), the relative error's definition, the evaluation count,
// the 1e-4 verdict, and bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/lesson/gradcheck.hpp"

namespace bp::lesson {
namespace {

std::string error_of(const std::string& formula, const Values& values, std::vector<std::string> params, double h) {
  try {
    gradient_check(formula, values, std::move(params), h);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(LessonGradcheck, AProductAgrees) {
  const GradcheckReport r = gradient_check("a*b", {{"a", 2}, {"b", 3}}, {"a", "b"}, 1e-4);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].param, "a");
  EXPECT_EQ(r.rows[0].analytic, 3);
  EXPECT_EQ(r.rows[1].analytic, 2);
  EXPECT_NEAR(r.rows[0].numeric, 3, 1e-10);  // ((a+h)b − (a−h)b) / 2h = b, up to rounding
  EXPECT_NEAR(r.rows[1].numeric, 2, 1e-10);
  EXPECT_EQ(r.numeric_evaluations, 4u);
  EXPECT_EQ(r.backprop_passes, 1u);
  EXPECT_EQ(r.threshold, 1e-4);
  EXPECT_TRUE(r.ok && r.rows[0].ok && r.rows[1].ok);
  EXPECT_EQ(r.h, 1e-4);
  EXPECT_EQ(r.formula, "a*b");
}

TEST(LessonGradcheck, ALargeStepShowsItsGap) {
  // f = a³ at a = 1, h = 0.5: n = (1.5³ − 0.5³) / 1 = 3.375 − 0.125 = 3.25, a = 3a² = 3, gap 0.25.
  const GradcheckRow row = gradient_check("a^3", {{"a", 1}}, {"a"}, 0.5).rows[0];
  EXPECT_DOUBLE_EQ(row.numeric, 3.25);
  EXPECT_DOUBLE_EQ(row.analytic, 3);
  EXPECT_DOUBLE_EQ(row.gap, 0.25);
  EXPECT_DOUBLE_EQ(row.relative, 0.25 / 3.25);  // |a − n| / max(|a|, |n|)
  EXPECT_FALSE(row.ok);
}

TEST(LessonGradcheck, AKinkFailsAndZeroAgreesWithZero) {
  // relu at its kink: n = (h − 0) / 2h = 0.5, backprop's convention says 0: relative error 1.
  GradcheckReport r = gradient_check("relu(a) * b", {{"a", 0}, {"b", 1}}, {"a", "b"}, 1e-4);
  EXPECT_DOUBLE_EQ(r.rows[0].numeric, 0.5);
  EXPECT_EQ(r.rows[0].analytic, 0);
  EXPECT_DOUBLE_EQ(r.rows[0].relative, 1);
  EXPECT_FALSE(r.rows[0].ok);
  EXPECT_TRUE(r.rows[1].ok);
  EXPECT_FALSE(r.ok);
  // Both gradients exactly 0: no 0/0, they agree.
  r = gradient_check("a*0 + b", {{"a", 5}, {"b", 1}}, {"a"}, 1e-4);
  EXPECT_EQ(r.rows[0].relative, 0);
  EXPECT_TRUE(r.ok);
}

TEST(LessonGradcheck, RoundOffGrowsAtATinyStep) {
  const Values at = {{"a", 0.5}, {"b", -1.5}};
  const double fine = gradient_check("a*b + sigmoid(a)", at, {"a"}, 1e-4).rows[0].relative;
  const double tiny = gradient_check("a*b + sigmoid(a)", at, {"a"}, 1e-13).rows[0].relative;
  EXPECT_LT(fine, 1e-7);
  EXPECT_GT(tiny, 100 * fine);
}

TEST(LessonGradcheck, BadInputIsNamed) {
  const Values v = {{"a", 1}};
  for (double h : {0.0, -1e-4, double(NAN), double(INFINITY)}) {
    EXPECT_EQ(error_of("a^2", v, {"a"}, h), "h must be a positive number") << h;
  }
  EXPECT_EQ(error_of("a^2", v, {}, 1e-4), "name at least one parameter of the formula");
  EXPECT_EQ(error_of("a^2", v, {"b"}, 1e-4), "the parameter 'b' is not a variable of the formula");
  EXPECT_EQ(error_of("a*b", v, {"a"}, 1e-4), "no value for variable 'b' at column 2");
}

}  // namespace
}  // namespace bp::lesson
