// `capabilities`: prints the engine's self-description (core/capabilities.hpp) as JSON, the same text the wasm
// module's capabilities() returns. Takes no arguments; exit 2 with {"error": ...} if given some.
#include <iostream>

#include "cli/commands.hpp"
#include "core/capabilities.hpp"
#include "core/scalar/report.hpp"
#include "core/wire.hpp"

namespace bp::cli {

int capabilities_command(int argc, char**) {
  const nlohmann::json reply = argc == 0 ? capabilities() : error_reply("usage: capabilities (no arguments)");
  std::cout << scalar::dump_json(reply) << "\n";
  return is_error_reply(reply) ? 2 : 0;
}

}  // namespace bp::cli
