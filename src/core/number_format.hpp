// Numbers as text, both ways: the one number grammar the formula parser, the CLI and the JS API share, and the
// way numbers are written into the LaTeX lines of a trace. Not a general printf: JSON numbers are written by
// the wire (core/wire/json.hpp, shortest round-trip form); these helpers only serve parsing and display.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bp {

// Length of the number literal at the start of `text` (digits, optional fraction, optional exponent: `2`, `0.5`,
// `.5`, `1e-3`), or 0 if there is none. No sign: a leading '-' is the unary minus operator.
std::size_t number_literal_length(std::string_view text);

// A whole string as a finite number, with an optional leading sign ("-2", "+0.5", "1e-3"); nullopt otherwise
// ("abc", "1e999", "nan", "0x10", "", "2 "). Used for CLI arguments and values that arrive as text.
std::optional<double> parse_number(std::string_view text);

// True when the whole string is written in that grammar, whatever its size: tells "1e400" (a number too large
// for a double, which parse_number refuses) from text that is no number at all ("abc").
bool is_number_literal(std::string_view text);

// A number for a LaTeX line: at most 6 significant digits, no trailing zeros, `\infty` and `\mathrm{NaN}` for the
// non-finite ones, and `\times 10^{k}` instead of e-notation (`1.5 \times 10^{-7}`).
std::string latex_number(double value);

}  // namespace bp
