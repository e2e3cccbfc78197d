// The CLI's subcommands; each gets the arguments after its name and returns the process exit code.
#pragma once

namespace bp::cli {

int grad_command(int argc, char** argv);
int mlp_command(int argc, char** argv);
int example_command(int argc, char** argv);
int train_command(int argc, char** argv);
int capabilities_command(int argc, char** argv);
int softmax_command(int argc, char** argv);
int descent_command(int argc, char** argv);
int gradcheck_command(int argc, char** argv);

}  // namespace bp::cli
