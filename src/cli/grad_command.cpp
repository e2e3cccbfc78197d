// `grad FORMULA name=value ...`: prints the formula report (see core/scalar/report.hpp) and exits 2 on bad input.
// Values stay text here; the core parses them with the same number grammar the JS API uses.
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "core/scalar/report.hpp"

namespace bp::cli {
namespace {

nlohmann::json error(const std::string& message) {
  return {{"error", {{"message", message}, {"position", nullptr}}}};
}

}  // namespace

int grad_command(int argc, char** argv) {
  nlohmann::json report;
  if (argc < 1) {
    report = error("usage: grad FORMULA [name=value ...]");
  } else {
    nlohmann::json values = nlohmann::json::object();
    for (int i = 1; i < argc && !report.contains("error"); ++i) {
      const char* equals = std::strchr(argv[i], '=');
      if (equals == nullptr || equals == argv[i]) {
        report = error(std::string("expected name=value, got '") + argv[i] + "'");
      } else {
        const std::string name(argv[i], static_cast<std::size_t>(equals - argv[i]));
        if (values.contains(name)) report = error("the value of '" + name + "' is given twice");
        values[name] = std::string(equals + 1);
      }
    }
    if (!report.contains("error")) report = scalar::grad_report(argv[0], values);
  }
  std::cout << scalar::dump_json(report) << "\n";
  return report.contains("error") ? 2 : 0;
}

}  // namespace bp::cli
