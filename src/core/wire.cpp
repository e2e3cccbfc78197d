// The error reply of wire.hpp. Position null (not absent) when there is none, so readers can always look it up.
#include "core/wire.hpp"

namespace bp {

nlohmann::json error_reply(const std::string& message, std::optional<std::size_t> position) {
  return {{"error", {{"message", message}, {"position", position ? nlohmann::json(*position) : nlohmann::json(nullptr)}}}};
}

bool is_error_reply(const nlohmann::json& reply) { return reply.is_object() && reply.contains("error"); }

}  // namespace bp
