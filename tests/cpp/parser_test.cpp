// Parser tests: precedence and associativity (checked through values), and errors with their columns.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/scalar/parser.hpp"

namespace bp::scalar {
namespace {

double eval(const std::string& text, double x = 3) {
  Graph graph = parse_formula(text);
  if (!graph.variables().empty()) graph.set_value("x", x);
  graph.forward();
  return graph.node(graph.output()).value;
}

TEST(Parser, Precedence) {
  EXPECT_DOUBLE_EQ(eval("1 + 2 * 3"), 7);
  EXPECT_DOUBLE_EQ(eval("(1 + 2) * 3"), 9);
  EXPECT_DOUBLE_EQ(eval("8 / 4 / 2"), 1);   // left-associative
  EXPECT_DOUBLE_EQ(eval("8 - 4 - 2"), 2);
  EXPECT_DOUBLE_EQ(eval("2 ^ 3 ^ 2"), 512);  // right-associative: 2^(3^2)
  EXPECT_DOUBLE_EQ(eval("-x^2"), -9);        // -(x^2), not (-x)^2
  EXPECT_DOUBLE_EQ(eval("2^-1"), 0.5);       // unary minus in an exponent
  EXPECT_DOUBLE_EQ(eval("--x"), 3);
  EXPECT_DOUBLE_EQ(eval("2*x^2"), 18);
}

TEST(Parser, NumbersAndNames) {
  EXPECT_DOUBLE_EQ(eval("0.5 + .25 + 1e-3 + 2E2"), 200.751);
  EXPECT_DOUBLE_EQ(eval("max(x, 4) + min(x, 4) + abs(-x)"), 10);
  Graph graph = parse_formula("apple*apple_num*tax + _x9");
  ASSERT_EQ(graph.variables().size(), 4u);
  EXPECT_EQ(graph.node(graph.variables()[1]).name, "apple_num");
}

TEST(Parser, SharedVariableIsOneNode) {
  Graph graph = parse_formula("x*x + x*y");
  EXPECT_EQ(graph.variables().size(), 2u);
  EXPECT_EQ(graph.nodes().size(), 2u + 3u);  // x, y and three operations
}

TEST(Parser, DefinitionsNameOneSharedNode) {
  Graph graph = parse_formula("h = sigmoid(w*x); y = 2*h;\n y + h*h");
  EXPECT_EQ(graph.variables().size(), 2u);  // w and x: h and y are defined names, not inputs
  int named = 0;
  for (const Node& node : graph.nodes()) named += node.name == "h" || node.name == "y";
  EXPECT_EQ(named, 2);
  graph.set_value("w", 0);
  graph.set_value("x", 1);
  graph.forward();
  EXPECT_DOUBLE_EQ(graph.node(graph.output()).value, 2 * 0.5 + 0.25);
  // An alias of a leaf keeps the leaf's own name.
  Graph alias = parse_formula("a = x; a * 3");
  EXPECT_EQ(alias.nodes().size(), 3u);
}

struct ErrorCase {
  const char* formula;
  const char* message;
  long position;  // -1: no position
};

void PrintTo(const ErrorCase& c, std::ostream* out) { *out << '"' << c.formula << '"'; }

class ParserErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrors, MessageAndColumn) {
  const ErrorCase& c = GetParam();
  try {
    parse_formula(c.formula);
    FAIL() << "no error for " << c.formula;
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), c.message) << c.formula;
    EXPECT_EQ(e.position().has_value(), c.position >= 0);
    if (e.position()) {
      EXPECT_EQ(static_cast<long>(*e.position()), c.position) << c.formula;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParserErrors,
    ::testing::Values(ErrorCase{"(x+y)*z)", "unexpected ')'", 7}, ErrorCase{"", "the formula is empty", 0},
                      ErrorCase{"   ", "the formula is empty", 0}, ErrorCase{"x +", "unexpected end of the formula", 3},
                      ErrorCase{"(x + y", "missing ')' for the '(' at column 0", 6},
                      ErrorCase{"x $ y", "unexpected '$'", 2}, ErrorCase{"2x", "unexpected 'x'", 1},
                      ErrorCase{"foo(x)", "unknown function 'foo'", 0},
                      ErrorCase{"exp + 1", "'exp' is a function: write exp(...)", 0},
                      ErrorCase{"max(x)", "max takes 2 arguments, not 1", 0},
                      ErrorCase{"exp(x, y)", "exp takes 1 argument, not 2", 0},
                      ErrorCase{"max(x, y", "missing ')' for the '(' at column 3", 8},
                      ErrorCase{"1e999 * x", "the number '1e999' is too large", 0},
                      ErrorCase{"x * * y", "unexpected '*'", 4}, ErrorCase{"()", "unexpected ')'", 1},
                      ErrorCase{"x,y", "unexpected ','", 1}, ErrorCase{"x ^", "unexpected end of the formula", 3},
                      ErrorCase{"x + σ", "unexpected character (not a letter, digit or operator)", 4},
                      ErrorCase{"h = 2*x h", "unexpected 'h'", 8},
                      ErrorCase{"h = 2*x", "missing ';' after the definition of 'h'", 7},
                      ErrorCase{"h = 2*x;", "the formula ends after its definitions: write what to compute last", 8},
                      ErrorCase{"h = x; h = 2*x; h", "'h' is defined twice", 7},
                      ErrorCase{"g = h*2; h = x; g", "'h' is used before its definition", 9},
                      ErrorCase{"exp = x; exp", "'exp' is a function and cannot be defined", 0},
                      ErrorCase{"x = ; x", "unexpected ';'", 4},
                      ErrorCase{"h = w*x; u = 2; 3*h", "'u' is defined but never used", 9}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return "case" + std::to_string(info.index); });

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = std::string(4000, '(') + "x" + std::string(4000, ')');
  try {
    parse_formula(deep);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "the formula is nested more than 256 levels deep");
  }
  EXPECT_THROW(parse_formula(std::string(9000, '-') + "x"), InputError);
  std::string tower = "2";
  for (int i = 0; i < 3000; ++i) tower += "^2";  // right-associative, so this nests 3000 deep
  EXPECT_THROW(parse_formula(tower), InputError);
  const std::string ok = std::string(200, '(') + "x" + std::string(200, ')');
  EXPECT_NO_THROW(parse_formula(ok));
}

TEST(Parser, LengthLimit) {
  std::string sum = "x";
  while (sum.size() < 10000) sum += "+x";  // 10,001 characters
  try {
    parse_formula(sum);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "the formula is longer than 10000 characters");
  }
  sum.resize(9999);  // "x+x+...+x": long but legal, and a long chain is built without recursion
  EXPECT_NO_THROW(parse_formula(sum));
}

}  // namespace
}  // namespace bp::scalar
