// `mlp SPEC.json` (or `-` for stdin): one forward/backward/update of a network given in full (core/nn/spec.hpp),
// printed as JSON. Exit 2 with {"error": {"message", "position"}} for unreadable files, bad JSON or bad specs.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/nn/spec.hpp"
#include "core/scalar/report.hpp"

namespace bp::cli {
namespace {

nlohmann::json error(const std::string& message, nlohmann::json position = nullptr) {
  return {{"error", {{"message", message}, {"position", position}}}};
}

nlohmann::json run(int argc, char** argv) {
  if (argc != 1) return error("usage: mlp SPEC.json   (or - to read the spec from stdin)");
  std::stringstream text;
  if (std::string(argv[0]) == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream file(argv[0], std::ios::binary);
    if (!file) return error(std::string("cannot read '") + argv[0] + "'");
    text << file.rdbuf();
  }
  nlohmann::json spec;
  try {
    spec = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    return error("the spec is not valid JSON: " + std::string(e.what()), e.byte > 0 ? e.byte - 1 : 0);
  }
  try {
    return nn::mlp_step_report(spec);
  } catch (const InputError& e) {
    return error(e.message());
  }
}

}  // namespace

int mlp_command(int argc, char** argv) {
  const nlohmann::json report = run(argc, argv);
  std::cout << scalar::dump_json(report) << "\n";
  return report.contains("error") ? 2 : 0;
}

}  // namespace bp::cli
