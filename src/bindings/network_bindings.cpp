// Embind binding of one forward/backward/update of a small network given in full (core/nn/spec.hpp, the engine
// behind `./tutor mlp`), for the <bp-network> widget, under that widget's size limits. JSON text in, JSON text
// out; bad input comes back as {"error": ...}, never as an exception. Not a trainer: one step only. The tensor
// stepper's calls live here too: its seeded example spec, the step trace under its own limits, one entry written
// out as a sum, and its shape quiz. The limits and every reply's shape are the wire's (core/wire/mlp.cpp).
#include <emscripten/bind.h>

#include <string>

#include "bindings/guard.hpp"
#include "core/wire/replies.hpp"

namespace {

using bp::wire::View;

// The `./tutor mlp` report for `spec_text`, or {"error": {"message", "position"}}.
std::string mlp_step(const std::string& spec_text) {
  return bp::bindings::reply([&] {
    return bp::wire::mlp_step_report(bp::bindings::parse_json(spec_text, "network spec"), View::Network);
  });
}

// The same report under the tensor stepper's limits.
std::string tensor_step(const std::string& spec_text) {
  return bp::bindings::reply([&] {
    return bp::wire::mlp_step_report(bp::bindings::parse_json(spec_text, "network spec"), View::Tensor);
  });
}

// `./tutor example CHOICES`: the seeded spec for {"layers": "3-4-3", "activation", "loss", "batch", "seed", ...}.
std::string tensor_example(const std::string& choices_text) {
  return bp::bindings::reply([&] { return bp::wire::example_spec(bp::bindings::parse_json(choices_text, "choices")); });
}

// One entry (0-based row, col) of the rule computing `target` ("dW1"), written out as a sum with its numbers.
std::string tensor_entry(const std::string& spec_text, const std::string& target, int row, int col) {
  return bp::bindings::reply([&] {
    const bp::wire::Json spec = bp::bindings::parse_json(spec_text, "network spec");
    if (row < 0 || col < 0) throw bp::InputError("entry: row and column must not be negative");
    return bp::wire::mlp_entry_report(spec, target, std::size_t(row), std::size_t(col), View::Tensor);
  });
}

// {"correct", "guess", "slip"} for a typed shape against `shape_json` ([3, 4]).
std::string check_shape_answer(const std::string& typed, const std::string& shape_json) {
  return bp::bindings::reply([&] {
    return bp::wire::check_shape_answer(typed, bp::bindings::parse_json(shape_json, "shape"));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_network) {
  emscripten::function("mlpStep", &mlp_step);
  emscripten::function("tensorStep", &tensor_step);
  emscripten::function("tensorExample", &tensor_example);
  emscripten::function("tensorEntry", &tensor_entry);
  emscripten::function("checkShapeAnswer", &check_shape_answer);
}
