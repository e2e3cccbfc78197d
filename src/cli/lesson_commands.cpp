// `softmax`, `descent` and `gradcheck`: the lesson widgets' math (core/lesson/) from the command line. Each builds
// the same JSON request the wasm bindings receive and prints the same reply (core/wire/replies.hpp);
// exit 2 with {"error": ...} on bad input.
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "core/wire/replies.hpp"

namespace bp::cli {
namespace {

using wire::Json;
using json = Json;

// Prints `reply()` (or the error it threw) and gives the exit code.
template <class Reply>
int print(Reply&& reply) {
  const json out = wire::guarded_reply(std::forward<Reply>(reply));
  std::cout << wire::dump(out) << "\n";
  return wire::is_error_reply(out) ? 2 : 0;
}

std::string flag_or(const Arguments& args, const std::string& flag, const std::string& otherwise) {
  const auto found = args.flags.find(flag);
  return found == args.flags.end() ? otherwise : found->second;
}

// The formula, its values and --params, shared by descent and gradcheck.
json formula_request(int argc, char** argv, const Arguments& args, const char* usage) {
  if (argc < 1 || !args.flags.count("--params")) throw InputError(usage);
  return {{"formula", argv[0]}, {"values", args.values}, {"params", comma_list(args.flags.at("--params"))}};
}

}  // namespace

int softmax_command(int argc, char** argv) {
  return print([&] {
    const char* usage = "usage: softmax Z0,Z1,... [--target T]   e.g. softmax 800,801,802 --target 1";
    if (argc < 1) throw InputError(usage);
    const Arguments args = read_arguments(argc - 1, argv + 1, {"--target"});
    if (!args.values.empty()) throw InputError(usage);
    return wire::softmax_reply({{"logits", comma_list(argv[0])}, {"target", flag_or(args, "--target", "0")}});
  });
}

int descent_command(int argc, char** argv) {
  return print([&] {
    const char* usage = "usage: descent FORMULA name=value ... --params w,b [--rate 0.1] [--steps 10]";
    const Arguments args = read_arguments(argc < 1 ? 0 : argc - 1, argv + 1, {"--params", "--rate", "--steps"});
    json request = formula_request(argc, argv, args, usage);
    request["rate"] = flag_or(args, "--rate", "0.1");
    request["steps"] = flag_or(args, "--steps", "10");
    return wire::descent_reply(request);
  });
}

int gradcheck_command(int argc, char** argv) {
  return print([&] {
    const char* usage = "usage: gradcheck FORMULA name=value ... --params a,b [--h 1e-4]";
    const Arguments args = read_arguments(argc < 1 ? 0 : argc - 1, argv + 1, {"--params", "--h"});
    json request = formula_request(argc, argv, args, usage);
    request["h"] = flag_or(args, "--h", "1e-4");
    return wire::gradcheck_reply(request);
  });
}

}  // namespace bp::cli
