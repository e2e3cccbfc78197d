// Reads the lesson-math requests (lesson_math_wire.hpp), runs core/lesson/, writes the replies. Every field is
// checked here with a message that names it, so the core only ever sees numbers and names.
#include "core/wire/lesson_math_wire.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/lesson/descent.hpp"
#include "core/lesson/gradcheck.hpp"
#include "core/lesson/softmax.hpp"
#include "core/number_format.hpp"
#include "core/scalar/report.hpp"
#include "core/wire.hpp"

namespace bp::wire {
namespace {

using nlohmann::json;

const json& field(const json& request, const char* name) {
  if (!request.is_object()) throw InputError("the request must be a JSON object");
  if (!request.contains(name)) throw InputError(std::string("missing field \"") + name + "\"");
  return request[name];
}

// A finite number given as a JSON number or as text ("-2", "1e-4").
double number_of(const json& value, const std::string& what) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    if (const auto number = parse_number(value.get<std::string>())) return *number;
    throw InputError(what + " is not a number: '" + value.get<std::string>() + "'");
  }
  throw InputError(what + " is not a number");
}

// A whole number ≥ 0, as a JSON number or as text (the core sets the upper limits and names them).
std::size_t count_of(const json& value, const std::string& what) {
  const double number = number_of(value, what);
  if (number < 0 || number != std::floor(number)) throw InputError(what + " must be a whole number ≥ 0");
  if (number > 1e15) throw InputError(what + " is far too large: " + value.dump());
  return static_cast<std::size_t>(number);
}

std::string text_of(const json& value, const std::string& what) {
  if (!value.is_string()) throw InputError(what + " must be text");
  return value.get<std::string>();
}

lesson::Values values_of(const json& values) {
  if (!values.is_object()) throw InputError("\"values\" must be an object such as {\"x\": -2}");
  lesson::Values out;
  for (const auto& [name, value] : values.items()) out[name] = number_of(value, "the value of '" + name + "'");
  return out;
}

std::vector<std::string> names_of(const json& params) {
  if (!params.is_array()) throw InputError("\"params\" must be a list of names such as [\"w\", \"b\"]");
  std::vector<std::string> out;
  for (const json& name : params) out.push_back(text_of(name, "each parameter"));
  return out;
}

json numbers(const std::vector<double>& xs) {
  json out = json::array();
  for (double x : xs) out.push_back(scalar::number_json(x));
  return out;
}

// {name: x} for the parameters, in their given order.
json by_name(const std::vector<std::string>& names, const std::vector<double>& xs) {
  json out = json::object();
  for (std::size_t k = 0; k < names.size(); ++k) out[names[k]] = scalar::number_json(xs[k]);
  return out;
}

json softmax_json(const lesson::SoftmaxReport& r) {
  json jacobian = json::array();
  for (const std::vector<double>& row : r.jacobian) jacobian.push_back(numbers(row));
  return {{"logits", numbers(r.logits)}, {"target", r.target}, {"max", scalar::number_json(r.max_logit)},
          {"log_sum_exp", scalar::number_json(r.log_sum_exp)}, {"probabilities", numbers(r.probabilities)},
          {"loss", scalar::number_json(r.loss)}, {"grads", numbers(r.grads)}, {"jacobian", jacobian}};
}

json descent_json(const lesson::DescentRun& run) {
  json steps = json::array();
  for (const lesson::DescentState& s : run.states) {
    steps.push_back({{"params", by_name(run.params, s.params)}, {"grads", by_name(run.params, s.grads)},
                     {"loss", scalar::number_json(s.loss)}, {"next", by_name(run.params, s.next)}});
  }
  return {{"formula", run.formula}, {"params", run.params}, {"rate", scalar::number_json(run.rate)},
          {"steps", steps}, {"diverged", run.diverged}};
}

json gradcheck_json(const lesson::GradcheckReport& r) {
  json rows = json::array();
  for (const lesson::GradcheckRow& row : r.rows) {
    rows.push_back({{"param", row.param}, {"numeric", scalar::number_json(row.numeric)},
                    {"analytic", scalar::number_json(row.analytic)}, {"gap", scalar::number_json(row.gap)},
                    {"relative", scalar::number_json(row.relative)}, {"ok", row.ok}});
  }
  return {{"formula", r.formula}, {"h", scalar::number_json(r.h)}, {"rows", rows},
          {"numeric_evaluations", r.numeric_evaluations}, {"backprop_passes", r.backprop_passes},
          {"threshold", r.threshold}, {"ok", r.ok}};
}

}  // namespace

json softmax_reply(const json& request) {
  return guarded_reply([&] {
    const json& logits = field(request, "logits");
    if (!logits.is_array()) throw InputError("\"logits\" must be a list of numbers");
    std::vector<double> z;
    for (std::size_t k = 0; k < logits.size(); ++k) z.push_back(number_of(logits[k], "logit z" + std::to_string(k)));
    return softmax_json(lesson::softmax_cross_entropy(z, count_of(field(request, "target"), "the target class")));
  });
}

json descent_reply(const json& request) {
  return guarded_reply([&] {
    const std::size_t steps = request.is_object() && request.contains("steps") ? count_of(request["steps"], "steps") : 0;
    return descent_json(lesson::descend(text_of(field(request, "formula"), "the formula"),
                                        values_of(field(request, "values")), names_of(field(request, "params")),
                                        number_of(field(request, "rate"), "the learning rate"), steps));
  });
}

json gradcheck_reply(const json& request) {
  return guarded_reply([&] {
    return gradcheck_json(lesson::gradient_check(text_of(field(request, "formula"), "the formula"),
                                                 values_of(field(request, "values")),
                                                 names_of(field(request, "params")), number_of(field(request, "h"), "h")));
  });
}

}  // namespace bp::wire
