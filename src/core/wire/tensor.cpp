// The tensor step trace, its rules and entries as JSON (shapes in replies.hpp), and the shape quiz's verdict.
// A rule's side note goes out twice: as English LaTeX ("where", what the CLI reader sees) and keyed ("note"), so
// each page translates it by key (web/src/i18n/tensor.js ENGINE_NOTES) instead of matching English text.
#include "core/tensor/shape_answer.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using namespace tensor;

Json grid_json(const Grid& g) { return {g.channels, g.height, g.width}; }

Json matrix_json(const TraceMatrix& m) {
  Json out = {{"name", m.name}, {"latex", m.latex}, {"kind", m.grad ? "grad" : "value"},
              {"shape", {m.values.shape()[0], m.values.shape()[1]}}};
  if (!m.grid.empty()) out["grid"] = grid_json(m.grid);
  out["rows"] = rows(m.values);
  return out;
}

Json conv_json(const ConvDetails& c) {
  Json conv = {{"stride", c.stride}, {"padding", c.padding}, {"kernel", {c.kh, c.kw}}, {"in", grid_json(c.in)},
               {"out", grid_json(c.out)},
               {"padded_input", {{"grid", grid_json(c.padded)}, {"rows", rows(c.padded_input)}}}};
  if (c.backward) {
    conv["flipped_kernel"] = {{"grid", grid_json(c.flipped)}, {"rows", rows(c.flipped_kernel)}};
    conv["full_upstream"] = {{"grid", grid_json(c.full)}, {"rows", rows(c.full_upstream)}};
  }
  return conv;
}

Json step_json(const TraceStep& s) {
  Json step = {{"phase", s.phase}, {"op", s.op}, {"node", s.node}, {"latex", s.latex}, {"shape", s.shape}};
  if (!s.grid.empty()) step["grid"] = grid_json(s.grid);
  if (s.activation) step["activation"] = activation_name(*s.activation);
  Json inputs = Json::array(), matrices = Json::array(), rules = Json::array();
  for (const TraceOperand& o : s.inputs) inputs.push_back({{"name", o.name}, {"latex", o.latex}, {"shape", o.shape}});
  for (const TraceMatrix& m : s.matrices) matrices.push_back(matrix_json(m));
  for (const MatrixRule& r : s.rules) rules.push_back(rule_json(r));
  step["inputs"] = inputs;
  step["matrices"] = matrices;
  step["rules"] = rules;
  if (s.details.routing) step["routing"] = *s.details.routing;
  if (s.details.conv) step["conv"] = conv_json(*s.details.conv);
  if (s.details.softmax) step["softmax"] = {{"P", rows(s.details.softmax->first)}, {"Y", rows(s.details.softmax->second)}};
  return step;
}

}  // namespace

Json steps_json(const std::vector<TraceStep>& steps) {
  Json out = Json::array();
  for (const TraceStep& s : steps) out.push_back(step_json(s));
  return out;
}

Json rule_json(const MatrixRule& rule) {
  const RuleText text = write_rule(rule);
  Json factors = Json::array();
  for (const Factor& f : rule.factors) factors.push_back({{"latex", f.latex}, {"shape", f.dims}});
  Json out = {{"target", rule.target}, {"latex", text.latex}, {"factors", factors}, {"shapes_latex", text.shapes_latex},
              {"shapes_under", text.shapes_under}, {"substituted", text.substituted ? Json(*text.substituted) : Json(nullptr)}};
  if (rule.where) {
    Json params = Json::object();
    for (const auto& [name, value] : rule.where->params) params[name] = value;
    out["where"] = text.where;
    out["note"] = {{"key", note_text(rule.where->key).name}, {"params", params}};
  }
  return out;
}

Json entry_json(const EntrySum& e) {
  Json terms = Json::array();
  for (const auto& [a, b] : e.terms) terms.push_back({a, b});
  Json playground = nullptr;
  if (e.playground) {
    playground = {{"expr", e.playground->expr}, {"values", e.playground->values},
                  {"variable", e.playground->variable ? Json(*e.playground->variable) : Json(nullptr)}};
  }
  return {{"target", e.target}, {"row", e.row}, {"col", e.col}, {"latex", e.latex}, {"value", e.value},
          {"over", e.over}, {"terms", terms}, {"playground", playground}};
}

Json check_shape_answer(std::string_view typed, const Json& shape) {
  return guarded_reply([&] {
    if (!shape.is_array()) throw InputError("shape: expected an array of sizes");
    std::vector<std::size_t> dims;
    for (const Json& d : shape) {
      if (!fields::is_whole(d)) throw InputError("shape: expected whole numbers, got " + d.dump());
      dims.push_back(d.get<std::size_t>());
    }
    const ShapeVerdict v = tensor::check_shape_answer(typed, dims);
    Json reply = {{"correct", v.correct}, {"guess", v.guess}};
    if (!v.correct) reply["slip"] = v.slip;
    return reply;
  });
}

}  // namespace bp::wire
