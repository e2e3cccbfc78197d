// A registry's names as the text of an error message ("sgd, momentum, adam"), so an "unknown X" message is
// written from the same table that defines X and cannot fall behind it when a name is added.
#pragma once
#include <string>
#include <vector>

namespace bp {

template <class Range, class NameOf>
std::string name_list(const Range& items, NameOf name_of) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + std::string(name_of(item));
  return text;
}

inline std::string name_list(const std::vector<std::string>& names) {
  return name_list(names, [](const std::string& name) { return name; });
}

}  // namespace bp
