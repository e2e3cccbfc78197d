// `capabilities`: prints the engine's self-description (core/wire/capabilities.cpp) as JSON, the same text the wasm
// module's capabilities() returns. Takes no arguments; exit 2 with {"error": ...} if given some.
#include <iostream>

#include "cli/commands.hpp"
#include "core/wire/replies.hpp"

namespace bp::cli {

int capabilities_command(int argc, char**) {
  const wire::Json reply = argc == 0 ? wire::capabilities() : wire::error_reply("usage: capabilities (no arguments)");
  std::cout << wire::dump(reply) << "\n";
  return wire::is_error_reply(reply) ? 2 : 0;
}

}  // namespace bp::cli
