// The formula engine's public API, shared by the CLI and the wasm bindings so both print the same JSON:
//   {"formula", "value", "grads": {name: number}, "output", "nodes": [...], "forward": [...], "backward": [...],
//    "warnings": [...]}   or, for bad input,   {"error": {"message": "...", "position": N | null}}.
// JSON has no NaN or infinity, so non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity"
// (the JS wrapper turns them back into numbers). Nothing here throws for bad input.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/scalar/graph.hpp"

namespace bp::scalar {

// A parsed formula that can be evaluated many times (a slider move re-evaluates without re-parsing).
class Formula {
 public:
  // {"variables": [names in order of appearance]} or an error object.
  nlohmann::json parse(std::string_view text);
  // The full report for `values` ({"x": -2, "y": "5"}: numbers, or numbers written as text), or an error object.
  nlohmann::json evaluate(const nlohmann::json& values);

 private:
  std::string text_;
  Graph graph_;
  bool parsed_ = false;
};

// Parse and evaluate in one call.
nlohmann::json grad_report(std::string_view formula, const nlohmann::json& values);

// A number as JSON: itself when finite, else "NaN" / "Infinity" / "-Infinity".
nlohmann::json number_json(double value);

// Serialises a report for the CLI and the bindings; invalid UTF-8 in echoed input is replaced, never thrown on.
std::string dump_json(const nlohmann::json& report);

}  // namespace bp::scalar
