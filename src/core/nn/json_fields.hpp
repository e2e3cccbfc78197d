// Reading config and spec fields from JSON with errors that name the field: the shared checks of the trainer
// config (trainer_config.cpp) and the `mlp` spec (spec.cpp). Every failure is an InputError.
#pragma once
#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.hpp"

namespace bp::nn::fields {

using nlohmann::json;

inline void only_keys(const json& object, std::initializer_list<const char*> allowed, const std::string& where) {
  if (!object.is_object()) throw InputError(where + ": expected a JSON object");
  for (const auto& item : object.items()) {
    bool known = false;
    for (const char* key : allowed) known = known || item.key() == key;
    if (!known) throw InputError(where + ": unknown field \"" + item.key() + "\"");
  }
}

// A non-negative integer (nlohmann keeps literals like 64 signed, parsed text unsigned: both count).
inline bool is_whole(const json& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0); }

inline double number(const json& object, const char* key, double fallback, double lo, double hi,
                     const std::string& where) {
  if (!object.contains(key)) return fallback;
  const json& v = object[key];
  if (!v.is_number()) throw InputError(where + ": \"" + key + "\" must be a number");
  const double x = v.get<double>();
  if (!(x >= lo && x <= hi)) {
    throw InputError(where + ": \"" + key + "\" must be in [" + json(lo).dump() + ", " + json(hi).dump() + "]");
  }
  return x;
}

inline std::size_t whole(const json& object, const char* key, std::size_t fallback, std::size_t lo, std::size_t hi,
                         const std::string& where) {
  if (!object.contains(key)) return fallback;
  const json& v = object[key];
  if (!is_whole(v) || v.get<std::size_t>() < lo || v.get<std::size_t>() > hi) {
    throw InputError(where + ": \"" + key + "\" must be a whole number in [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
  }
  return v.get<std::size_t>();
}

inline std::string text(const json& object, const char* key, const std::string& fallback, const std::string& where) {
  if (!object.contains(key)) return fallback;
  if (!object[key].is_string()) throw InputError(where + ": \"" + key + "\" must be a string");
  return object[key].get<std::string>();
}

// A finite number inside an array, with its place in the message ("layers[0].W[1][0]").
inline double element(const json& v, const std::string& place) {
  if (!v.is_number()) throw InputError(place + " must be a number, got " + v.dump());
  const double x = v.get<double>();
  if (!std::isfinite(x)) throw InputError(place + " must be finite");
  return x;
}

}  // namespace bp::nn::fields
