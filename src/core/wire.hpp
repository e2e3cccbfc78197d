// The engine's failure reply on the wire, {"error": {"message": "...", "position": N | null}}, built in one place
// for the CLI, the bindings and the formula API, and the one guard that turns any exception into it (bad input
// keeps its message and column; anything else is still reported, never thrown into the CLI or the wasm module).
// JSON values only: serialising (and NaN handling) is dump_json's job (scalar/report.hpp).
#pragma once
#include <cstddef>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace bp {

// {"error": {"message": message, "position": position or null}}
nlohmann::json error_reply(const std::string& message, std::optional<std::size_t> position = std::nullopt);

// True for a reply built by error_reply (a report never has a top-level "error" field otherwise).
bool is_error_reply(const nlohmann::json& reply);

// body() as a reply, or the error reply for whatever it threw.
template <typename Body>
nlohmann::json guarded_reply(Body&& body) {
  try {
    return body();
  } catch (const InputError& e) {
    return error_reply(e.message(), e.position());
  } catch (const std::bad_alloc&) {
    return error_reply("out of memory");
  } catch (const std::exception& e) {
    return error_reply(std::string("internal error: ") + e.what());
  }
}

}  // namespace bp
