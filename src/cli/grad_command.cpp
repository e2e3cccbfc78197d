// `grad FORMULA name=value ...`: prints the formula report (see core/wire/replies.hpp) and exits 2 on bad input.
// Values stay text here; the core parses them with the same number grammar the JS API uses.
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "core/wire/replies.hpp"

namespace bp::cli {

using namespace wire;

int grad_command(int argc, char** argv) {
  const Json report = guarded_reply([&] {
    if (argc < 1) throw InputError("usage: grad FORMULA [name=value ...]");
    return grad_report(argv[0], read_arguments(argc - 1, argv + 1, {}).values);
  });
  std::cout << dump(report) << "\n";
  return is_error_reply(report) ? 2 : 0;
}

}  // namespace bp::cli
