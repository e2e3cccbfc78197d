// The one error type the engine reports bad input with: a message for people and, when the input is text, the
// 0-based character position it points at. It never crosses the wasm boundary as an exception: the API layer
// (report.cpp) turns it into {"error": {"message", "position"}}, which the CLI prints and the JS wrapper rethrows.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>

namespace bp {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message, std::optional<std::size_t> position = std::nullopt)
      : std::runtime_error(position ? message + " at column " + std::to_string(*position) : message),
        message_(message),
        position_(position) {}

  // The message without the " at column N" suffix (the position is reported separately).
  const std::string& message() const { return message_; }
  std::optional<std::size_t> position() const { return position_; }

 private:
  std::string message_;
  std::optional<std::size_t> position_;
};

}  // namespace bp
