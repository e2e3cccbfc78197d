// Recursive-descent formula parser (grammar in parser.hpp). Every recursive path passes through parse_unary,
// which counts depth, so hostile input such as 100,000 '(' ends in a clear error instead of a stack overflow.
#include "core/scalar/parser.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/number_format.hpp"

namespace bp::scalar {
namespace {

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Graph parse() {
    if (text_.size() > kMaxFormulaLength) {
      throw InputError("the formula is longer than " + std::to_string(kMaxFormulaLength) + " characters",
                       kMaxFormulaLength);
    }
    skip_space();
    if (at_end()) throw InputError("the formula is empty", 0);
    const NodeId root = parse_program();
    skip_space();
    if (!at_end()) throw unexpected();
    graph_.set_output(root);
    reject_unused_definitions(root);
    return std::move(graph_);
  }

 private:
  // Definitions first (`h = sigmoid(w*x); y = 2*h`), each naming a node the rest can use, then the output.
  NodeId parse_program() {
    for (;;) {
      skip_space();
      const std::size_t start = pos_;
      std::size_t end = start;
      while (end < text_.size() && (end == start ? is_name_start(text_[end]) : is_name_char(text_[end]))) ++end;
      std::size_t equals = end;
      while (equals < text_.size() && std::isspace(static_cast<unsigned char>(text_[equals]))) ++equals;
      if (end == start || equals >= text_.size() || text_[equals] != '=') return parse_sum();
      const std::string name(text_.substr(start, end - start));
      pos_ = equals + 1;
      const NodeId value = parse_sum();
      graph_.define(name, value, start);
      definitions_.push_back({start, value, name});
      skip_space();
      if (peek() != ';') {
        if (at_end()) throw InputError("missing ';' after the definition of '" + name + "'", pos_);
        throw unexpected();
      }
      take();
      skip_space();
      if (at_end()) throw InputError("the formula ends after its definitions: write what to compute last", pos_);
    }
  }

  // A definition the output does not depend on would show a backward step with nothing flowing through it.
  void reject_unused_definitions(NodeId root) {
    std::vector<bool> used(graph_.nodes().size(), false);
    used[root] = true;
    for (NodeId id = root + 1; id-- > 0;) {
      if (!used[id]) continue;
      const Node& node = graph_.node(id);
      for (int k = 0; k < rule_of(node.op).arity; ++k) used[node.inputs[k]] = true;
    }
    for (const Definition& d : definitions_) {
      if (!used[d.node]) throw InputError("'" + d.name + "' is defined but never used", d.position);
    }
  }

  NodeId parse_sum() {
    NodeId left = parse_product();
    for (skip_space(); peek() == '+' || peek() == '-'; skip_space()) {
      const std::size_t at = pos_;
      const Op op = take() == '+' ? Op::Add : Op::Sub;
      left = graph_.apply(op, left, parse_product(), at);
    }
    return left;
  }

  NodeId parse_product() {
    NodeId left = parse_unary();
    for (skip_space(); peek() == '*' || peek() == '/'; skip_space()) {
      const std::size_t at = pos_;
      const Op op = take() == '*' ? Op::Mul : Op::Div;
      left = graph_.apply(op, left, parse_unary(), at);
    }
    return left;
  }

  NodeId parse_unary() {
    skip_space();
    if (++depth_ > kMaxNestingDepth) {
      throw InputError("the formula is nested more than " + std::to_string(kMaxNestingDepth) + " levels deep", pos_);
    }
    NodeId result;
    if (peek() == '-') {
      const std::size_t at = pos_;
      take();
      result = graph_.apply(Op::Neg, parse_unary(), 0, at);
    } else {
      result = parse_power();
    }
    --depth_;
    return result;
  }

  NodeId parse_power() {
    const NodeId base = parse_atom();
    skip_space();
    if (peek() != '^') return base;
    const std::size_t at = pos_;
    take();
    return graph_.apply(Op::Pow, base, parse_unary(), at);  // a^b^c = a^(b^c), and 2^-x is allowed
  }

  NodeId parse_atom() {
    skip_space();
    const std::size_t start = pos_;
    if (at_end()) throw InputError("unexpected end of the formula", pos_);
    if (const std::size_t length = number_literal_length(text_.substr(pos_))) {
      pos_ += length;
      const std::string literal(text_.substr(start, length));
      const double value = std::strtod(literal.c_str(), nullptr);
      if (!std::isfinite(value)) throw InputError("the number '" + literal + "' is too large", start);
      return graph_.constant(value, literal, start);
    }
    if (is_name_start(peek())) {
      while (is_name_char(peek())) ++pos_;
      const std::string name(text_.substr(start, pos_ - start));
      const Op function = function_named(name);
      skip_space();
      if (peek() == '(') {
        if (function == Op::Constant) throw InputError("unknown function '" + name + "'", start);
        return parse_call(function, name, start);
      }
      if (function != Op::Constant) throw InputError("'" + name + "' is a function: write " + name + "(...)", start);
      return graph_.variable(name, start);
    }
    if (peek() == '(') {
      take();
      const NodeId inner = parse_sum();
      expect_close(start);
      return inner;
    }
    throw unexpected();
  }

  NodeId parse_call(Op function, const std::string& name, std::size_t start) {
    take();  // '('
    NodeId args[2] = {0, 0};
    int count = 0;
    for (;;) {
      const NodeId arg = parse_sum();
      if (count < 2) args[count] = arg;
      ++count;
      skip_space();
      if (peek() != ',') break;
      take();
    }
    expect_close(start + name.size());
    const int arity = rule_of(function).arity;
    if (count != arity) {
      throw InputError(name + " takes " + std::to_string(arity) + (arity == 1 ? " argument" : " arguments") +
                           ", not " + std::to_string(count),
                       start);
    }
    return graph_.apply(function, args[0], args[1], start);
  }

  void expect_close(std::size_t open) {
    skip_space();
    if (peek() == ')') {
      take();
      return;
    }
    if (at_end()) throw InputError("missing ')' for the '(' at column " + std::to_string(open), pos_);
    throw unexpected();
  }

  InputError unexpected() const {
    if (at_end()) return InputError("unexpected end of the formula", pos_);
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x80 || !std::isprint(c)) return InputError("unexpected character (not a letter, digit or operator)", pos_);
    return InputError(std::string("unexpected '") + text_[pos_] + "'", pos_);
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  char take() { return text_[pos_++]; }

  struct Definition {
    std::size_t position;
    NodeId node;
    std::string name;
  };

  std::string_view text_;
  std::vector<Definition> definitions_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Graph graph_;
};

}  // namespace

Graph parse_formula(std::string_view text) { return Parser(text).parse(); }

}  // namespace bp::scalar
