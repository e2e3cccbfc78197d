// `mlp SPEC.json` (or `-` for stdin): one forward/backward/update of a network given in full (core/nn/spec.hpp, on the wire: core/wire/mlp.cpp),
// printed as JSON; and `example [CHOICES]`, the seeded spec of the tensor stepper (core/nn/example_spec.hpp) for
// choices such as '{"layers": "3-4-3", "batch": 4}'. Exit 2 with {"error": {"message", "position"}} for unreadable
// files, bad JSON or bad specs.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/wire/replies.hpp"

namespace bp::cli {
namespace {

using namespace wire;


Json run(int argc, char** argv) {
  if (argc != 1) return error_reply("usage: mlp SPEC.json   (or - to read the spec from stdin)");
  std::stringstream text;
  if (std::string(argv[0]) == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream file(argv[0], std::ios::binary);
    if (!file) return error_reply(std::string("cannot read '") + argv[0] + "'");
    text << file.rdbuf();
  }
  return guarded_reply([&] { return mlp_step_report(parse(text.str(), "the spec")); });
}

int print(const Json& report) {
  std::cout << dump(report) << "\n";
  return is_error_reply(report) ? 2 : 0;
}

}  // namespace

int mlp_command(int argc, char** argv) { return print(run(argc, argv)); }

int example_command(int argc, char** argv) {
  if (argc > 1) return print(error_reply("usage: example ['{\"layers\": \"3-4-3\", \"batch\": 4, ...}']"));
  const std::string choices = argc == 1 ? argv[0] : "{}";
  return print(guarded_reply([&] { return example_spec(parse(choices, "the choices")); }));
}

}  // namespace bp::cli
