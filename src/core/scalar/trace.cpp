// Builds the forward/backward trace with its LaTeX lines (see trace.hpp).
#include "core/scalar/trace.hpp"

#include <cctype>
#include <cmath>
#include <unordered_set>

#include "core/number_format.hpp"

namespace bp::scalar {
namespace {

// x -> x, w0 -> w_{0}, apple_num -> \mathrm{apple\_num}
std::string latex_variable(const std::string& name) {
  if (name.size() == 1) return name;
  std::size_t letters = 0;
  while (letters < name.size() && std::isalpha(static_cast<unsigned char>(name[letters]))) ++letters;
  bool digits_after = letters == 1;
  for (std::size_t i = letters; i < name.size(); ++i) digits_after &= std::isdigit(static_cast<unsigned char>(name[i])) != 0;
  if (digits_after) return name.substr(0, 1) + "_{" + name.substr(1) + "}";
  std::string escaped;
  for (char c : name) escaped += c == '_' ? std::string("\\_") : std::string(1, c);
  return "\\mathrm{" + escaped + "}";
}

std::string partial(const std::string& of, const std::string& by) {
  return "\\frac{\\partial " + of + "}{\\partial " + by + "}";
}

std::string parenthesised(double value) { return "\\left(" + latex_number(value) + "\\right)"; }

// One colour per quantity, decided here where the quantities are known: a renderer colours \htmlClass{bp-value}
// (a value on the forward pass) and \htmlClass{bp-grad} (a gradient of the output) as its figure does. Local
// derivatives stay plain: they are neither.
std::string value_term(const std::string& tex) { return "\\htmlClass{bp-value}{" + tex + "}"; }
std::string grad_term(const std::string& tex) { return "\\htmlClass{bp-grad}{" + tex + "}"; }

// Picks the first letter whose names (x, x1, x2, ...) no variable of the formula already uses.
std::string free_letter(const std::unordered_set<std::string>& taken, std::initializer_list<const char*> letters) {
  for (const char* letter : letters) {
    bool clash = taken.count(letter) > 0;
    for (const std::string& name : taken) {
      clash |= name.size() > 1 && name[0] == letter[0] && name.find_first_not_of("0123456789", 1) == std::string::npos;
    }
    if (!clash) return letter;
  }
  return "node";
}

void name_nodes(const Graph& graph, Trace& trace) {
  std::unordered_set<std::string> taken;  // variables and defined names
  for (const Node& node : graph.nodes()) {
    if (node.op != Op::Constant && !node.name.empty()) taken.insert(node.name);
  }
  const std::string out = free_letter(taken, {"f", "g", "h", "F"});
  const std::string inner = free_letter(taken, {"q", "u", "v", "r", "s"});
  const auto unnamed_op = [](const Node& node) { return rule_of(node.op).arity > 0 && node.name.empty(); };
  int intermediates = 0;
  for (const Node& node : graph.nodes()) intermediates += unnamed_op(node);
  if (unnamed_op(graph.node(graph.output()))) --intermediates;

  int counter = 0;
  for (NodeId id = 0; id < graph.nodes().size(); ++id) {
    const Node& node = graph.node(id);
    if (node.op == Op::Variable || (node.op != Op::Constant && !node.name.empty())) {  // x, or a defined h1
      trace.names.push_back(node.name);
      trace.latex.push_back(latex_variable(node.name));
    } else if (node.op == Op::Constant) {
      trace.names.push_back(node.name);
      trace.latex.push_back(latex_number(node.value));
    } else if (id == graph.output()) {
      trace.names.push_back(out);
      trace.latex.push_back(out);
    } else if (intermediates == 1) {
      trace.names.push_back(inner);
      trace.latex.push_back(inner);
    } else {
      ++counter;
      trace.names.push_back(inner + std::to_string(counter));
      trace.latex.push_back(inner + "_{" + std::to_string(counter) + "}");
    }
  }
}

void record_forward(const Graph& graph, Trace& trace) {
  for (NodeId id = 0; id < graph.nodes().size(); ++id) {
    const Node& node = graph.node(id);
    const OpRule& rule = rule_of(node.op);
    if (rule.arity == 0) continue;
    const NodeId a = node.inputs[0], b = node.inputs[1];
    const std::string symbolic = rule.latex({trace.latex[a]}, {trace.latex[b]});
    const double va = graph.node(a).value, vb = graph.node(b).value;
    const std::string numeric = rule.latex({latex_number(va), va < 0}, {latex_number(vb), vb < 0});
    // q = x + y = -2 + 5 = 3, dropping any part that would only repeat the one before it (-q = -1, not -1 = -1).
    const std::string result = latex_number(node.value);
    const std::string rule_line = trace.latex[id] + " = " + symbolic;
    std::string line = rule_line;
    if (numeric != symbolic) line += " = " + numeric;
    if (numeric != result) line += " = " + value_term(result);
    else line = rule_line + " = " + value_term(numeric);
    trace.forward.push_back({id, line, rule_line});

    const bool inputs_finite = std::isfinite(va) && std::isfinite(vb);
    if (inputs_finite && !std::isfinite(node.value)) {
      trace.warnings.push_back({id, "value", "the value of " + trace.names[id] + " (" + rule.name + ") is " +
                                                 (std::isnan(node.value) ? "NaN" : "infinite")});
    }
  }
}

// Counts, for every node, the differentiated edges that leave it (a fan-out sums that many paths).
void count_fanout(const Graph& graph, Trace& trace) {
  trace.fanout.assign(graph.nodes().size(), 0);
  for (const Node& node : graph.nodes()) {
    const int arity = rule_of(node.op).arity;
    if (!node.needs_grad) continue;
    for (int k = 0; k < arity; ++k) trace.fanout[node.inputs[k]] += graph.node(node.inputs[k]).needs_grad;
  }
}

void record_backward(Graph& graph, Trace& trace) {
  const NodeId out = graph.output();
  std::vector<int> paths_seen(graph.nodes().size(), 0);
  std::vector<std::string> sums(graph.nodes().size());  // "-4 + 2": the running sum of contributions, as text
  NodeId open = static_cast<NodeId>(graph.nodes().size());  // no step open yet
  if (graph.node(out).needs_grad) {
    trace.backward.push_back({out, 1.0, grad_term(partial(trace.latex[out], trace.latex[out])) + " = " + grad_term("1"), {}});
  }

  graph.backward([&](const Contribution& c) {
    const Node& node = graph.node(c.node);
    const NodeId input = node.inputs[c.input];
    if (c.node != open) {  // a node's contributions arrive together: the first one opens its step
      trace.backward.push_back({c.node, node.grad, "", {}});
      open = c.node;
    }
    const OpRule& rule = rule_of(node.op);
    const std::string& f = trace.latex[out];
    const std::string& q = trace.latex[c.node];
    const std::string& x = trace.latex[input];

    BackwardEdge edge;
    edge.input = input;
    edge.local = c.local;
    edge.contribution = c.contribution;
    edge.total = graph.node(input).grad;
    edge.path = ++paths_seen[input];
    edge.paths = trace.fanout[input];
    const std::string symbolic = rule.rule_latex(c.input, trace.latex[node.inputs[0]], trace.latex[node.inputs[1]], q);
    edge.rule_latex = partial(q, x) + " = " + symbolic;
    if (symbolic != latex_number(c.local)) edge.rule_latex += " = " + latex_number(c.local);
    const std::string assign = edge.paths > 1 ? " \\mathrel{+}= " : " = ";
    edge.latex = grad_term(partial(f, x)) + assign + grad_term(partial(f, q)) + partial(q, x) + " = " +
                 grad_term(parenthesised(node.grad)) + parenthesised(c.local) + " = " + grad_term(latex_number(c.contribution));
    const std::string term = latex_number(c.contribution);
    sums[input] += sums[input].empty() ? term : (c.contribution < 0 ? " + \\left(" + term + "\\right)" : " + " + term);
    if (edge.path > 1) {
      edge.total_latex = grad_term(partial(f, x)) + " = " + sums[input] + " = " + grad_term(latex_number(edge.total));
    }
    trace.backward.back().inputs.push_back(std::move(edge));

    const bool inputs_finite = std::isfinite(graph.node(node.inputs[0]).value) && std::isfinite(graph.node(node.inputs[1]).value);
    if (inputs_finite && std::isfinite(node.grad) && !std::isfinite(c.local)) {  // where a bad gradient starts
      trace.warnings.push_back({c.node, "gradient", "the local derivative of " + trace.names[c.node] + " (" +
                                                        rule.name + ") with respect to " + trace.names[input] + " is " +
                                                        (std::isnan(c.local) ? "NaN" : "infinite")});
    }
  });
}

}  // namespace

Trace run_with_trace(Graph& graph) {
  Trace trace;
  graph.forward();
  name_nodes(graph, trace);
  record_forward(graph, trace);
  count_fanout(graph, trace);
  record_backward(graph, trace);
  return trace;
}

}  // namespace bp::scalar
