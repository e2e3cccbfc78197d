// Embind bindings of the formula engine and the lesson math: the only Emscripten-aware C++ file for them.
// Everything crosses as JSON text in the shape the CLI prints; bad input comes back as {"error": ...}, never as a
// thrown exception, so no input can abort the module. The JS wrapper (web/src/engine/engine.js) owns and deletes
// every FormulaSession.
#include <emscripten/bind.h>
#include <malloc.h>

#include <string>

#include "bindings/guard.hpp"
#include "core/wire/replies.hpp"

namespace {

using bp::wire::Json;

// The values' JSON text; text that is not JSON becomes null, which evaluate rejects with a clear message.
Json parse_values(const std::string& values_json) {
  try {
    return bp::wire::parse(values_json, "values");
  } catch (const bp::InputError&) {
    return Json(nullptr);
  }
}

// One parsed formula, evaluated on every slider move without parsing again.
class FormulaSession {
 public:
  // {"variables": [...]} or {"error": ...}
  std::string parse(const std::string& text) { return bp::wire::dump(formula_.parse(text)); }
  // The full report or {"error": ...}
  std::string evaluate(const std::string& values_json) {
    return bp::wire::dump(formula_.evaluate(parse_values(values_json)));
  }

 private:
  bp::wire::Formula formula_;
};

std::string grad(const std::string& formula, const std::string& values_json) {
  return bp::wire::dump(bp::wire::grad_report(formula, parse_values(values_json)));
}

// {"correct", "guess"} or {"error"}: a quiz answer typed as text, graded against the engine's number.
std::string check_answer(const std::string& guess, double answer) {
  return bp::wire::dump(bp::wire::check_answer(guess, answer));
}

// The same for a gradient in the stepper's quiz, naming the slip a wrong answer matches ("sign", "path", ...).
std::string check_chain_answer(const std::string& guess, double upstream, double local, double contribution,
                               double before, double total) {
  return bp::wire::dump(bp::wire::check_chain_answer(guess, {upstream, local, contribution, before, total}));
}

// The lesson widgets' math (core/lesson/, shapes in core/wire/replies.hpp): a JSON request in, the
// reply or {"error": ...} out, the same text as `./tutor softmax|descent|gradcheck`.
std::string softmax(const std::string& request) {
  return bp::bindings::reply([&] { return bp::wire::softmax_reply(bp::bindings::parse_json(request, "softmax")); });
}
std::string descent(const std::string& request) {
  return bp::bindings::reply([&] { return bp::wire::descent_reply(bp::bindings::parse_json(request, "descent")); });
}
std::string gradcheck(const std::string& request) {
  return bp::bindings::reply([&] { return bp::wire::gradcheck_reply(bp::bindings::parse_json(request, "gradcheck")); });
}

// The engine's self-description (core/wire/capabilities.cpp), the same JSON text as `./tutor capabilities`.
std::string capabilities() { return bp::bindings::reply([] { return bp::wire::capabilities(); }); }

// Bytes the allocator has handed out and not got back: the leak tests watch this stay flat.
std::size_t heap_bytes_in_use() { return mallinfo().uordblks; }

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_formula) {
  emscripten::function("grad", &grad);
  emscripten::function("checkAnswer", &check_answer);
  emscripten::function("checkChainAnswer", &check_chain_answer);
  emscripten::function("heapBytesInUse", &heap_bytes_in_use);
  emscripten::function("capabilities", &capabilities);
  emscripten::function("softmax", &softmax);
  emscripten::function("descent", &descent);
  emscripten::function("gradcheck", &gradcheck);
  emscripten::class_<FormulaSession>("FormulaSession")
      .constructor<>()
      .function("parse", &FormulaSession::parse)
      .function("evaluate", &FormulaSession::evaluate);
}
