// The native command-line tool behind `./tutor grad|mlp|example|train|capabilities|softmax|descent|gradcheck`:
// dispatches a subcommand, prints JSON on stdout.
// Exit codes: 0 success, 2 bad input to a command (missing arguments included; the JSON then holds {"error": ...}),
// 1 no command or an unknown one (the usage list on stderr).
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.hpp"

namespace {

struct Command {
  const char* name;
  const char* usage;
  int (*run)(int argc, char** argv);
};

const Command kCommands[] = {
    {"grad", "grad FORMULA [name=value ...]   value, gradients and trace of a formula, as JSON", bp::cli::grad_command},
    {"mlp", "mlp SPEC.json                    one forward/backward/update of a network given in full", bp::cli::mlp_command},
    {"example", "example ['{\"layers\": \"3-4-3\"}']  the tensor stepper's seeded spec for these choices", bp::cli::example_command},
    {"train", "train --dataset NAME [options]   train an MLP (progress on stderr), print loss and accuracy", bp::cli::train_command},
    {"capabilities", "capabilities                     what the engine offers (ops, activations, datasets, limits) as JSON", bp::cli::capabilities_command},
    {"softmax", "softmax Z0,Z1,... [--target T]    softmax, cross-entropy (log-sum-exp), ŷ − y and the Jacobian", bp::cli::softmax_command},
    {"descent", "descent FORMULA n=v ... --params w,b [--rate R] [--steps N]  gradient descent, step by step", bp::cli::descent_command},
    {"gradcheck", "gradcheck FORMULA n=v ... --params a,b [--h H]  central differences against backprop", bp::cli::gradcheck_command},
};

int usage() {
  std::cerr << "usage: bp_cli COMMAND ...\n";
  for (const Command& command : kCommands) std::cerr << "  " << command.usage << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  for (const Command& command : kCommands) {
    if (std::strcmp(argv[1], command.name) == 0) return command.run(argc - 2, argv + 2);
  }
  std::cerr << "bp_cli: unknown command '" << argv[1] << "'\n";
  return usage();
}
