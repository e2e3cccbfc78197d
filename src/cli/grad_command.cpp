// `grad FORMULA name=value ...`: prints the formula report (see core/wire/replies.hpp) and exits 2 on bad input.
// Values stay text here; the core parses them with the same number grammar the JS API uses.
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "core/wire/replies.hpp"

namespace bp::cli {

using namespace wire;

int grad_command(int argc, char** argv) {
  Json report;
  if (argc < 1) {
    report = error_reply("usage: grad FORMULA [name=value ...]");
  } else {
    Json values = Json::object();
    for (int i = 1; i < argc && !is_error_reply(report); ++i) {
      const char* equals = std::strchr(argv[i], '=');
      if (equals == nullptr || equals == argv[i]) {
        report = error_reply(std::string("expected name=value, got '") + argv[i] + "'");
      } else {
        const std::string name(argv[i], static_cast<std::size_t>(equals - argv[i]));
        if (values.contains(name)) report = error_reply("the value of '" + name + "' is given twice");
        values[name] = std::string(equals + 1);
      }
    }
    if (!is_error_reply(report)) report = grad_report(argv[0], values);
  }
  std::cout << dump(report) << "\n";
  return is_error_reply(report) ? 2 : 0;
}

}  // namespace bp::cli
