// The wire's JSON toolkit, the only place the engine names nlohmann::json: the Json type, the one serialiser with
// the one non-finite policy (JSON has no NaN or infinity, so they travel as the strings "NaN", "Infinity",
// "-Infinity"), the error reply {"error": {"message", "position"}} and the guard that turns any exception into it,
// the reader that turns text into Json with errors naming the field (a number too large for a double included),
// and the field checks the decoders share. The compute core never sees Json: encoders and decoders live in wire/.
#pragma once
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace bp::wire {

using Json = nlohmann::json;

// A number as the wire writes it: itself when finite, else "NaN" / "Infinity" / "-Infinity".
Json number(double value);

// The text of a reply: every non-finite float in it written by number() (so no encoder can leak a null), and
// invalid UTF-8 in echoed input replaced rather than thrown on.
std::string dump(const Json& reply);

// `text` as Json; InputError "<what>: ..." for text that is not JSON (with its position) and for a number beyond
// the double range, naming where it stands ("choices: \"seed\" is 1e400, too large for a number").
Json parse(std::string_view text, const std::string& what);

// The rows of a row-major (rows, cols) block as lists: [[..], [..]]. The one copy of the matrix encoder.
template <class T>
Json rows(const T* data, std::size_t rows_n, std::size_t cols) {
  Json out = Json::array();
  for (std::size_t r = 0; r < rows_n; ++r) out.push_back(std::vector<double>(data + r * cols, data + (r + 1) * cols));
  return out;
}
template <class M>
Json rows(const M& m) { return rows(m.data(), m.shape()[0], m.shape()[1]); }
template <class M>
Json flat(const M& m) { return std::vector<double>(m.data(), m.data() + m.size()); }

// {"error": {"message": message, "position": position or null}}
Json error_reply(const std::string& message, std::optional<std::size_t> position = std::nullopt);
// True for a reply built by error_reply (a report never has a top-level "error" field otherwise).
bool is_error_reply(const Json& reply);

// body() as a reply, or the error reply for whatever it threw: bad input keeps its message and column; anything
// else is still reported ("internal error: ..."), never thrown into the CLI or the wasm module.
template <typename Body>
Json guarded_reply(Body&& body) {
  try {
    return body();
  } catch (const InputError& e) {
    return error_reply(e.message(), e.position());
  } catch (const std::bad_alloc&) {
    return error_reply("out of memory");
  } catch (const std::exception& e) {
    return error_reply(std::string("internal error: ") + e.what());
  }
}

// ---- field checks of the decoders: every failure an InputError naming `where` and the field ----
namespace fields {

void only_keys(const Json& object, std::initializer_list<const char*> allowed, const std::string& where);
// A non-negative integer (nlohmann keeps literals like 64 signed, parsed text unsigned: both count).
inline bool is_whole(const Json& v) {
  return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0);
}
double number(const Json& object, const char* key, double fallback, double lo, double hi, const std::string& where);
std::size_t whole(const Json& object, const char* key, std::size_t fallback, std::size_t lo, std::size_t hi,
                  const std::string& where);
std::string text(const Json& object, const char* key, const std::string& fallback, const std::string& where);
// A finite number inside an array, with its place in the message ("layers[0].W[1][0]").
double element(const Json& v, const std::string& place);
// A finite number given as a JSON number or as text ("-2", "1e-4"), for values a person typed: InputError
// "<what> is not a number: 'abc'" (or "<what> is 1e999, too large for a number ...") otherwise.
double number_or_text(const Json& v, const std::string& what);

}  // namespace fields
}  // namespace bp::wire
