// libFuzzer target over the formula parser, evaluator, trace and JSON report: any byte string is a formula
// (optionally followed by a newline and "name=value" lines). Whatever the input, the engine must answer with a
// report or an {"error"} object: no crash, no sanitizer finding, no exception escaping, no hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/wire/replies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view formula = input.substr(0, newline);

  bp::wire::Formula parsed;
  const bp::wire::Json variables = parsed.parse(formula);
  if (variables.contains("error")) {
    bp::wire::dump(variables);
    return 0;
  }
  // Values: from "name=value" lines when given, otherwise a fixed value per variable so evaluation always runs.
  bp::wire::Json values = bp::wire::Json::object();
  double next = 0.5;
  for (const auto& name : variables["variables"]) values[name.get<std::string>()] = next -= 0.75;
  if (newline != std::string_view::npos) {
    std::string_view rest = input.substr(newline + 1);
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      const std::size_t equals = line.find('=');
      if (equals != std::string_view::npos) values[std::string(line.substr(0, equals))] = std::string(line.substr(equals + 1));
      if (end == std::string_view::npos) break;
      rest = rest.substr(end + 1);
    }
  }
  bp::wire::dump(parsed.evaluate(values));
  return 0;
}
