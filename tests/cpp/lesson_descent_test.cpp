// Gradient descent (core/lesson/descent.hpp): three steps worked by hand, each state's gradient against central
// differences, consecutive states chained by w − η ∂f/∂w, a divergent rate stopping at the last finite state, and
// bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/lesson/descent.hpp"
#include "finite_difference.hpp"

namespace bp::lesson {
namespace {

std::string error_of(const std::string& formula, const Values& values, std::vector<std::string> params, double rate,
                     std::size_t steps) {
  try {
    descend(formula, values, std::move(params), rate, steps);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(LessonDescent, ThreeStepsByHand) {
  // f = ½(w x − y)², ∂f/∂w = (w x − y) x; x = 2, y = 3, η = 0.1, from w = 0.5:
  //   w = 0.5:  w x − y = −2,    f = 2,      g = −4,    next 0.5 + 0.4 = 0.9
  //   w = 0.9:  w x − y = −1.2,  f = 0.72,   g = −2.4,  next 0.9 + 0.24 = 1.14
  //   w = 1.14: w x − y = −0.72, f = 0.2592, g = −1.44, next 1.14 + 0.144 = 1.284
  const DescentRun run = descend("0.5*(w*x - y)^2", {{"w", 0.5}, {"x", 2}, {"y", 3}}, {"w"}, 0.1, 2);
  ASSERT_EQ(run.states.size(), 3u);
  const double w[] = {0.5, 0.9, 1.14}, f[] = {2, 0.72, 0.2592}, g[] = {-4, -2.4, -1.44}, next[] = {0.9, 1.14, 1.284};
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(run.states[k].params[0], w[k], 1e-15) << k;
    EXPECT_NEAR(run.states[k].loss, f[k], 1e-14) << k;
    EXPECT_NEAR(run.states[k].grads[0], g[k], 1e-14) << k;
    EXPECT_NEAR(run.states[k].next[0], next[k], 1e-15) << k;
  }
  EXPECT_EQ(run.formula, "0.5*(w*x - y)^2");
  EXPECT_EQ(run.params, std::vector<std::string>{"w"});
  EXPECT_EQ(run.rate, 0.1);
  EXPECT_FALSE(run.diverged);
}

TEST(LessonDescent, EveryStateChainsAndItsGradientMatchesCentralDifferences) {
  const std::string formula = "z = w*x + b; a = sigmoid(z); -(y*log(a) + (1 - y)*log(1 - a))";
  const Values start = {{"x", 1}, {"w", -3}, {"b", -2}, {"y", 1}};
  const DescentRun run = descend(formula, start, {"w", "b"}, 1, 10);
  ASSERT_EQ(run.states.size(), 11u);
  ParamFormula f(formula, {"w", "b"});
  for (std::size_t k = 0; k < run.states.size(); ++k) {
    const DescentState& s = run.states[k];
    if (k > 0) {
      EXPECT_EQ(s.params, run.states[k - 1].next) << k;
      EXPECT_LT(s.loss, run.states[k - 1].loss) << k;
    }
    for (std::size_t p = 0; p < 2; ++p) {
      EXPECT_EQ(s.next[p], s.params[p] - 1 * s.grads[p]);
      const double numeric = bp::testing::central_difference(
          [&](double v) {
            Values at = start;
            at["w"] = s.params[0];
            at["b"] = s.params[1];
            at[p ? "b" : "w"] = v;
            return f.value(at);
          },
          s.params[p]);
      EXPECT_NEAR(s.grads[p], numeric, 1e-8) << "step " << k << " param " << p;
    }
  }
}

TEST(LessonDescent, TooLargeARateStopsAtTheLastFiniteState) {
  // f = w², w ← w − 10·2w = −19 w: |w| passes 1.3e154 (where w² overflows) after about 120 steps.
  const DescentRun run = descend("w^2", {{"w", 1}}, {"w"}, 10, 1000);
  EXPECT_TRUE(run.diverged);
  EXPECT_GT(run.states.size(), 100u);
  EXPECT_LT(run.states.size(), 130u);
  for (const DescentState& s : run.states) EXPECT_TRUE(std::isfinite(s.loss) && std::isfinite(s.params[0]));
  // A start outside the loss's domain takes no step.
  const DescentRun outside = descend("log(w)", {{"w", -1}}, {"w"}, 0.1, 5);
  EXPECT_TRUE(outside.diverged);
  EXPECT_EQ(outside.states.size(), 1u);
  EXPECT_TRUE(std::isnan(outside.states[0].loss));
  EXPECT_FALSE(descend("log(w)", {{"w", -1}}, {"w"}, 0.1, 0).diverged);  // no step asked, none refused
}

TEST(LessonDescent, BadInputIsNamed) {
  const Values v = {{"w", 1}, {"x", 2}};
  EXPECT_EQ(error_of("w*x", v, {"w"}, 0, 1), "the learning rate must be a positive number");
  EXPECT_EQ(error_of("w*x", v, {"w"}, -1, 1), "the learning rate must be a positive number");
  EXPECT_EQ(error_of("w*x", v, {"w"}, INFINITY, 1), "the learning rate must be a positive number");
  EXPECT_EQ(error_of("w*x", v, {"w"}, NAN, 1), "the learning rate must be a positive number");
  EXPECT_EQ(error_of("w*x", v, {"w"}, 0.1, 1001), "at most 1000 steps at a time, got 1001");
  EXPECT_EQ(error_of("w*x", v, {}, 0.1, 1), "name at least one parameter of the formula");
  EXPECT_EQ(error_of("w*x", v, {"w", "w"}, 0.1, 1), "the parameter 'w' is listed twice");
  EXPECT_EQ(error_of("w*x", v, {"q"}, 0.1, 1), "the parameter 'q' is not a variable of the formula");
  EXPECT_EQ(error_of("w*x", {{"x", 2}}, {"w"}, 0.1, 1), "no value for the parameter 'w'");
  EXPECT_EQ(error_of("w*x", {{"w", 2}}, {"w"}, 0.1, 1), "no value for variable 'x' at column 2");
  EXPECT_EQ(error_of("w*x", {{"w", 2}, {"x", 1}, {"q", 1}}, {"w"}, 0.1, 1), "the formula has no variable 'q'");
  EXPECT_NE(error_of("w*", v, {"w"}, 0.1, 1).find("at column"), std::string::npos);  // the parser's own message
}

}  // namespace
}  // namespace bp::lesson
