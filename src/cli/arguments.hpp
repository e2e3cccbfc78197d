// The CLI's formula arguments, read one way for every command that takes them (grad, descent, gradcheck):
// `name=value` pairs become {"name": "value"} (text: the core parses the numbers with the JS API's grammar) and
// `--flag VALUE` pairs are collected by flag. Anything else, or something given twice, is an InputError.
#pragma once
#include <map>
#include <set>
#include <string>

#include "core/wire/json.hpp"

namespace bp::cli {

struct Arguments {
  wire::Json values = wire::Json::object();
  std::map<std::string, std::string> flags;  // "--rate" -> "0.1"
};

// argv[0..argc) after the command's positional arguments; `known` lists the flags this command takes.
Arguments read_arguments(int argc, char** argv, const std::set<std::string>& known);

// "w, b" or "800,801,802" -> ["w", "b"]: items between commas, spaces around them dropped (empty items kept, so
// the core can name them).
wire::Json comma_list(const std::string& text);

}  // namespace bp::cli
