// `mlp SPEC.json` (or `-` for stdin): one forward/backward/update of a network given in full (core/nn/spec.hpp),
// printed as JSON. Exit 2 with {"error": {"message", "position"}} for unreadable files, bad JSON or bad specs.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/nn/spec.hpp"
#include "core/scalar/report.hpp"
#include "core/wire.hpp"

namespace bp::cli {
namespace {

nlohmann::json run(int argc, char** argv) {
  if (argc != 1) return error_reply("usage: mlp SPEC.json   (or - to read the spec from stdin)");
  std::stringstream text;
  if (std::string(argv[0]) == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream file(argv[0], std::ios::binary);
    if (!file) return error_reply(std::string("cannot read '") + argv[0] + "'");
    text << file.rdbuf();
  }
  nlohmann::json spec;
  try {
    spec = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    return error_reply("the spec is not valid JSON: " + std::string(e.what()), e.byte > 0 ? e.byte - 1 : 0);
  }
  return guarded_reply([&] { return nn::mlp_step_report(spec); });
}

}  // namespace

int mlp_command(int argc, char** argv) {
  const nlohmann::json report = run(argc, argv);
  std::cout << scalar::dump_json(report) << "\n";
  return is_error_reply(report) ? 2 : 0;
}

}  // namespace bp::cli
