// read_arguments and comma_list (see arguments.hpp).
#include "cli/arguments.hpp"


#include "core/error.hpp"

namespace bp::cli {

Arguments read_arguments(int argc, char** argv, const std::set<std::string>& known) {
  Arguments out;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0) {
      if (!known.count(arg)) throw InputError("unknown option '" + arg + "'");
      if (i + 1 >= argc) throw InputError("'" + arg + "' needs a value");
      if (out.flags.count(arg)) throw InputError("'" + arg + "' is given twice");
      out.flags[arg] = argv[++i];
      continue;
    }
    const std::size_t equals = arg.find('=');
    if (equals == std::string::npos || equals == 0) throw InputError("expected name=value, got '" + arg + "'");
    const std::string name = arg.substr(0, equals);
    if (out.values.contains(name)) throw InputError("the value of '" + name + "' is given twice");
    out.values[name] = arg.substr(equals + 1);
  }
  return out;
}

wire::Json comma_list(const std::string& text) {
  wire::Json items = wire::Json::array();
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
    items.push_back(first == std::string::npos ? "" : item.substr(first, last - first + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (items.size() == 1 && items[0] == "") items.clear();  // "" is no items, not one empty item
  return items;
}

}  // namespace bp::cli
