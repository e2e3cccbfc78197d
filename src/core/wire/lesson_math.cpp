// The lesson math on the wire (replies.hpp): reads the softmax, descent and gradcheck requests, runs core/lesson/,
// writes the replies. Every field is checked here with a message that names it, so the core only ever sees numbers
// and names; nothing here throws (bad input is the error reply).
#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/lesson/descent.hpp"
#include "core/lesson/gradcheck.hpp"
#include "core/lesson/softmax.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

const Json& field(const Json& request, const char* name) {
  if (!request.is_object()) throw InputError("the request must be a JSON object");
  if (!request.contains(name)) throw InputError(std::string("missing field \"") + name + "\"");
  return request[name];
}

// A whole number ≥ 0, as a JSON number or as text (the core sets the upper limits and names them).
std::size_t count_of(const Json& value, const std::string& what) {
  const double x = fields::number_or_text(value, what);
  if (x < 0 || x != std::floor(x)) throw InputError(what + " must be a whole number ≥ 0");
  if (x > 1e15) throw InputError(what + " is far too large: " + value.dump());
  return static_cast<std::size_t>(x);
}

std::string text_of(const Json& value, const std::string& what) {
  if (!value.is_string()) throw InputError(what + " must be text");
  return value.get<std::string>();
}

lesson::Values values_of(const Json& values) {
  if (!values.is_object()) throw InputError("\"values\" must be an object such as {\"x\": -2}");
  lesson::Values out;
  for (const auto& [name, value] : values.items()) out[name] = fields::number_or_text(value, "the value of '" + name + "'");
  return out;
}

std::vector<std::string> names_of(const Json& params) {
  if (!params.is_array()) throw InputError("\"params\" must be a list of names such as [\"w\", \"b\"]");
  std::vector<std::string> out;
  for (const Json& name : params) out.push_back(text_of(name, "each parameter"));
  return out;
}

// {name: x} for the parameters (non-finite numbers are written by dump()'s one policy).
Json by_name(const std::vector<std::string>& names, const std::vector<double>& xs) {
  Json out = Json::object();
  for (std::size_t k = 0; k < names.size(); ++k) out[names[k]] = number(xs[k]);
  return out;
}

Json softmax_json(const lesson::SoftmaxReport& r) {
  return {{"logits", r.logits}, {"target", r.target}, {"max", r.max_logit}, {"log_sum_exp", r.log_sum_exp},
          {"probabilities", r.probabilities}, {"loss", r.loss}, {"grads", r.grads}, {"jacobian", r.jacobian}};
}

Json descent_json(const lesson::DescentRun& run) {
  Json steps = Json::array();
  for (const lesson::DescentState& s : run.states) {
    steps.push_back({{"params", by_name(run.params, s.params)}, {"grads", by_name(run.params, s.grads)},
                     {"loss", number(s.loss)}, {"next", by_name(run.params, s.next)}});
  }
  return {{"formula", run.formula}, {"params", run.params}, {"rate", run.rate}, {"steps", steps},
          {"diverged", run.diverged}};
}

Json gradcheck_json(const lesson::GradcheckReport& r) {
  Json rows = Json::array();
  for (const lesson::GradcheckRow& row : r.rows) {
    rows.push_back({{"param", row.param}, {"numeric", number(row.numeric)}, {"analytic", number(row.analytic)},
                    {"gap", number(row.gap)}, {"relative", number(row.relative)}, {"ok", row.ok}});
  }
  return {{"formula", r.formula}, {"h", r.h}, {"rows", rows}, {"numeric_evaluations", r.numeric_evaluations},
          {"backprop_passes", r.backprop_passes}, {"threshold", r.threshold}, {"ok", r.ok}};
}

}  // namespace

Json softmax_reply(const Json& request) {
  return guarded_reply([&] {
    const Json& logits = field(request, "logits");
    if (!logits.is_array()) throw InputError("\"logits\" must be a list of numbers");
    std::vector<double> z;
    for (std::size_t k = 0; k < logits.size(); ++k) z.push_back(fields::number_or_text(logits[k], "logit z" + std::to_string(k)));
    return softmax_json(lesson::softmax_cross_entropy(z, count_of(field(request, "target"), "the target class")));
  });
}

Json descent_reply(const Json& request) {
  return guarded_reply([&] {
    const std::size_t steps = request.is_object() && request.contains("steps") ? count_of(request["steps"], "steps") : 0;
    return descent_json(lesson::descend(text_of(field(request, "formula"), "the formula"),
                                        values_of(field(request, "values")), names_of(field(request, "params")),
                                        fields::number_or_text(field(request, "rate"), "the learning rate"), steps));
  });
}

Json gradcheck_reply(const Json& request) {
  return guarded_reply([&] {
    return gradcheck_json(lesson::gradient_check(text_of(field(request, "formula"), "the formula"),
                                                 values_of(field(request, "values")), names_of(field(request, "params")),
                                                 fields::number_or_text(field(request, "h"), "h")));
  });
}

}  // namespace bp::wire
