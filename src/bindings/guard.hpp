// The one guard of the Embind layer: every bound call runs inside it, so no C++ exception ever reaches JS (an
// escaped exception would arrive as an opaque number, or abort the module). JSON calls answer with the wire's
// error reply (core/wire/json.hpp); calls that return a typed-array view answer null and leave the message behind.
// Bindings only (it includes Embind); the core's own guard is bp::wire::guarded_reply.
#pragma once
#include <emscripten/val.h>

#include <string>
#include <utility>

#include "core/error.hpp"
#include "core/wire/json.hpp"

namespace bp::bindings {

// body()'s JSON as text, or {"error": ...} for whatever it threw.
template <class Body>
std::string reply(Body&& body) {
  return wire::dump(wire::guarded_reply(std::forward<Body>(body)));
}

// JSON text from JS, parsed; an InputError "<what> is not valid JSON: ..." (or naming a number too large for a
// double) otherwise, which reply() turns into the reply.
inline wire::Json parse_json(const std::string& text, const std::string& what) { return wire::parse(text, what); }

// body()'s value, or null with the error message in `last_error` (cleared on success).
template <class Body>
emscripten::val value_or_null(std::string& last_error, Body&& body) {
  emscripten::val result = emscripten::val::null();
  const wire::Json outcome = wire::guarded_reply([&] {
    result = body();
    return wire::Json::object();
  });
  last_error = wire::is_error_reply(outcome) ? outcome["error"]["message"].get<std::string>() : "";
  return result;
}

}  // namespace bp::bindings
