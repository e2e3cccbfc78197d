// The one guard of the Embind layer: every bound call runs inside it, so no C++ exception ever reaches JS (an
// escaped exception would arrive as an opaque number, or abort the module). JSON calls answer with the wire's
// error reply (core/wire.hpp); calls that return a typed-array view answer null and leave the message behind.
// Bindings only (it includes Embind); the core's own guard is bp::guarded_reply.
#pragma once
#include <emscripten/val.h>

#include <string>
#include <utility>

#include "core/error.hpp"
#include "core/scalar/report.hpp"
#include "core/wire.hpp"

namespace bp::bindings {

// body()'s JSON as text, or {"error": ...} for whatever it threw.
template <class Body>
std::string reply(Body&& body) {
  return scalar::dump_json(guarded_reply(std::forward<Body>(body)));
}

// JSON text from JS, parsed; an InputError "<what>: not valid JSON" otherwise (reply() turns it into the reply).
inline nlohmann::json parse_json(const std::string& text, const std::string& what) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) throw InputError(what + ": not valid JSON");
  return parsed;
}

// body()'s value, or null with the error message in `last_error` (cleared on success).
template <class Body>
emscripten::val value_or_null(std::string& last_error, Body&& body) {
  emscripten::val result = emscripten::val::null();
  const nlohmann::json outcome = guarded_reply([&] {
    result = body();
    return nlohmann::json::object();
  });
  last_error = is_error_reply(outcome) ? outcome["error"]["message"].get<std::string>() : "";
  return result;
}

}  // namespace bp::bindings
