// The wire's JSON toolkit (json.hpp). parse() runs nlohmann's DOM builder behind a SAX handler that tracks where
// it is (object keys, array indexes), because nlohmann rejects a number beyond the double range (1e400) with an
// exception that says neither the field nor anything a learner can act on.
#include "core/wire/json.hpp"

#include "core/number_format.hpp"

namespace bp::wire {
namespace {

// Rewrites every non-finite float of `j` in place with number()'s policy.
void apply_number_policy(Json& j) {
  if (j.is_number_float()) {
    if (!std::isfinite(j.get<double>())) j = number(j.get<double>());
  } else if (j.is_structured()) {
    for (Json& item : j) apply_number_policy(item);
  }
}

// nlohmann's DOM builder plus the path to the value being read, for messages about it.
class PathSax {
 public:
  explicit PathSax(Json& root) : dom_(root, false) {}

  bool null() { return value(dom_.null()); }
  bool boolean(bool v) { return value(dom_.boolean(v)); }
  bool number_integer(Json::number_integer_t v) { return value(dom_.number_integer(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return value(dom_.number_unsigned(v)); }
  bool number_float(Json::number_float_t v, const Json::string_t& s) { return value(dom_.number_float(v, s)); }
  bool string(Json::string_t& v) { return value(dom_.string(v)); }
  bool binary(Json::binary_t& v) { return value(dom_.binary(v)); }
  bool start_object(std::size_t n) {
    levels_.push_back({false, 0, ""});
    return dom_.start_object(n);
  }
  bool key(Json::string_t& k) {
    levels_.back().key = k;
    return dom_.key(k);
  }
  bool end_object() {
    levels_.pop_back();
    return value(dom_.end_object());
  }
  bool start_array(std::size_t n) {
    levels_.push_back({true, 0, ""});
    return dom_.start_array(n);
  }
  bool end_array() {
    levels_.pop_back();
    return value(dom_.end_array());
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) {
    position_ = position;
    token_ = token;
    overflow_ = e.id == 406;  // out_of_range.406: "number overflow"
    message_ = e.what();
    return false;
  }

  // "layers[0].W[1][0]", "seed", or "" at the top level.
  std::string place() const {
    std::string out;
    for (const Level& l : levels_) {
      if (l.array) out += "[" + std::to_string(l.index) + "]";
      else out += (out.empty() ? "" : ".") + l.key;
    }
    return out;
  }

  std::size_t position_ = 0;
  std::string token_, message_;
  bool overflow_ = false;

 private:
  struct Level {
    bool array;
    std::size_t index;
    std::string key;
  };
  bool value(bool ok) {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    return ok;
  }
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  std::vector<Level> levels_;
};

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." without the
// bracketed code (the words after it are the useful part).
std::string readable(const std::string& what) {
  const std::size_t end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

}  // namespace

Json number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return value;
}

std::string dump(const Json& reply) {
  Json copy = reply;
  apply_number_policy(copy);
  return copy.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json parse(std::string_view text, const std::string& what) {
  Json root;
  PathSax sax(root);
  if (Json::sax_parse(text, &sax, nlohmann::detail::input_format_t::json, true, false)) return root;
  std::size_t position = sax.position_ > 0 ? sax.position_ - 1 : 0;
  if (sax.overflow_) {
    position = sax.position_ >= sax.token_.size() ? sax.position_ - sax.token_.size() : 0;  // where the number starts
    const std::string place = sax.place();
    throw InputError(what + ": " + (place.empty() ? "the number" : "\"" + place + "\" is") + " " + sax.token_ +
                         ", too large for a number (at most about 1.8e308)",
                     position);
  }
  throw InputError(what + " is not valid JSON: " + readable(sax.message_), position);
}

Json error_reply(const std::string& message, std::optional<std::size_t> position) {
  return {{"error", {{"message", message}, {"position", position ? Json(*position) : Json(nullptr)}}}};
}

bool is_error_reply(const Json& reply) { return reply.is_object() && reply.contains("error"); }

namespace fields {

void only_keys(const Json& object, std::initializer_list<const char*> allowed, const std::string& where) {
  if (!object.is_object()) throw InputError(where + ": expected a JSON object");
  for (const auto& item : object.items()) {
    bool known = false;
    for (const char* key : allowed) known = known || item.key() == key;
    if (!known) throw InputError(where + ": unknown field \"" + item.key() + "\"");
  }
}

double number(const Json& object, const char* key, double fallback, double lo, double hi, const std::string& where) {
  if (!object.contains(key)) return fallback;
  const Json& v = object[key];
  if (!v.is_number()) throw InputError(where + ": \"" + key + "\" must be a number");
  const double x = v.get<double>();
  if (!(x >= lo && x <= hi)) {
    throw InputError(where + ": \"" + key + "\" must be in [" + Json(lo).dump() + ", " + Json(hi).dump() + "]");
  }
  return x;
}

std::size_t whole(const Json& object, const char* key, std::size_t fallback, std::size_t lo, std::size_t hi,
                  const std::string& where) {
  if (!object.contains(key)) return fallback;
  const Json& v = object[key];
  if (!is_whole(v) || v.get<std::size_t>() < lo || v.get<std::size_t>() > hi) {
    throw InputError(where + ": \"" + key + "\" must be a whole number in [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
  }
  return v.get<std::size_t>();
}

std::string text(const Json& object, const char* key, const std::string& fallback, const std::string& where) {
  if (!object.contains(key)) return fallback;
  if (!object[key].is_string()) throw InputError(where + ": \"" + key + "\" must be a string");
  return object[key].get<std::string>();
}

double element(const Json& v, const std::string& place) {
  if (!v.is_number()) throw InputError(place + " must be a number, got " + v.dump());
  const double x = v.get<double>();
  if (!std::isfinite(x)) throw InputError(place + " must be finite");
  return x;
}

double number_or_text(const Json& v, const std::string& what) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {
    const std::string text = v.get<std::string>();
    if (const auto number = parse_number(text)) return *number;
    if (is_number_literal(text)) throw InputError(what + " is " + text + ", too large for a number (at most about 1.8e308)");
    throw InputError(what + " is not a number: '" + text + "'");
  }
  throw InputError(what + " is not a number");
}

}  // namespace fields
}  // namespace bp::wire
