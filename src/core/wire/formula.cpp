// Formula reports as JSON (replies.hpp): the one place that turns a traced Graph (or an InputError) into the
// API's shape, and the quiz answers' verdicts.
#include <cmath>

#include "core/error.hpp"
#include "core/number_format.hpp"
#include "core/scalar/parser.hpp"
#include "core/scalar/trace.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using json = Json;
using namespace scalar;

double value_of(const std::string& name, const json& value) {
  return fields::number_or_text(value, "the value of '" + name + "'");
}

json node_json(const Graph& graph, const Trace& trace, NodeId id) {
  const Node& node = graph.node(id);
  const OpRule& rule = rule_of(node.op);
  json inputs = json::array();
  for (int k = 0; k < rule.arity; ++k) inputs.push_back(node.inputs[k]);
  return {{"id", id},
          {"op", rule.name},
          {"symbol", rule.arity ? rule.symbol : node.name},
          {"name", trace.names[id]},
          {"latex", trace.latex[id]},
          {"inputs", inputs},
          {"value", number(node.value)},
          {"grad", node.needs_grad ? number(node.grad) : json(nullptr)},
          {"fanout", trace.fanout[id]},
          {"pattern", rule.pattern},
          {"position", node.position}};
}

json forward_json(const Graph& graph, const ForwardStep& step) {
  const Node& node = graph.node(step.node);
  const int arity = rule_of(node.op).arity;
  json inputs = json::array(), values = json::array();
  for (int k = 0; k < arity; ++k) {
    inputs.push_back(node.inputs[k]);
    values.push_back(number(graph.node(node.inputs[k]).value));
  }
  return {{"node", step.node}, {"op", rule_of(node.op).name}, {"inputs", inputs},
          {"input_values", values}, {"value", number(node.value)}, {"latex", step.latex},
          {"rule_latex", step.rule_latex}};
}

json backward_json(const BackwardStep& step) {
  json edges = json::array();
  for (const BackwardEdge& e : step.inputs) {
    json edge = {{"node", e.input}, {"local", number(e.local)}, {"contribution", number(e.contribution)},
                 {"total", number(e.total)}, {"path", e.path}, {"paths", e.paths},
                 {"rule_latex", e.rule_latex}, {"latex", e.latex}};
    if (!e.total_latex.empty()) edge["total_latex"] = e.total_latex;
    edges.push_back(std::move(edge));
  }
  json out = {{"node", step.node}, {"upstream", number(step.upstream)}, {"inputs", edges}};
  out["kind"] = step.inputs.empty() ? "seed" : "chain";
  if (!step.latex.empty()) out["latex"] = step.latex;
  return out;
}

json report_json(const std::string& text, const Graph& graph, const Trace& trace) {
  json grads = json::object(), nodes = json::array(), forward = json::array(), backward = json::array(),
       warnings = json::array();
  for (NodeId id : graph.variables()) grads[graph.node(id).name] = number(graph.node(id).grad);
  for (NodeId id = 0; id < graph.nodes().size(); ++id) nodes.push_back(node_json(graph, trace, id));
  for (const ForwardStep& step : trace.forward) forward.push_back(forward_json(graph, step));
  for (const BackwardStep& step : trace.backward) backward.push_back(backward_json(step));
  for (const Warning& w : trace.warnings) warnings.push_back({{"node", w.node}, {"kind", w.kind}, {"message", w.message}});
  return {{"formula", text}, {"value", number(graph.node(graph.output()).value)}, {"grads", grads},
          {"output", graph.output()}, {"nodes", nodes}, {"forward", forward}, {"backward", backward},
          {"warnings", warnings}};
}

}  // namespace

json Formula::parse(std::string_view text) {
  return guarded_reply([&] {
    parsed_ = false;
    graph_ = parse_formula(text);
    text_ = std::string(text);
    parsed_ = true;
    json names = json::array();
    for (NodeId id : graph_.variables()) names.push_back(graph_.node(id).name);
    return json{{"variables", names}};
  });
}

json Formula::evaluate(const json& values) {
  return guarded_reply([&] {
    if (!parsed_) throw InputError("no formula has been parsed");
    if (!values.is_object()) throw InputError("the values must be an object such as {\"x\": -2}");
    graph_.clear_values();
    for (const auto& [name, value] : values.items()) graph_.set_value(name, value_of(name, value));
    const Trace trace = run_with_trace(graph_);
    return report_json(text_, graph_, trace);
  });
}

json grad_report(std::string_view formula, const json& values) {
  Formula parsed;
  json result = parsed.parse(formula);
  return is_error_reply(result) ? result : parsed.evaluate(values);
}

json check_answer(std::string_view guess, double answer) {
  return guarded_reply([&] {
    const AnswerVerdict v = scalar::check_answer(guess, answer);
    return json{{"correct", v.correct}, {"guess", v.guess}};
  });
}

json check_chain_answer(std::string_view guess, const ChainParts& parts) {
  return guarded_reply([&] {
    const AnswerVerdict v = scalar::check_chain_answer(guess, parts);
    json reply = {{"correct", v.correct}, {"guess", v.guess}};
    if (!v.correct) reply["slip"] = v.slip;
    return reply;
  });
}

}  // namespace bp::wire
