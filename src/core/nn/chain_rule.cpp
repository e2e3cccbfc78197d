// LaTeX for one parameter's chain rule (chain_rule.hpp): formatting only, with the numbers the trainer computed.
// Negative numbers are bracketed where they are multiplied; long sums over the layer above are shortened with ⋯.
#include "core/nn/chain_rule.hpp"

#include <string>

#include "core/number_format.hpp"

namespace bp::nn {
namespace {

std::string num(double v) { return latex_number(v); }
// A factor in a product: (−0.5) rather than −0.5, (2 × 10⁻³) rather than 2 × 10⁻³.
std::string factor(double v) {
  const std::string text = num(v);
  return text[0] == '-' || text.find("\\times") != std::string::npos ? "(" + text + ")" : text;
}
std::string sub(std::size_t i) { return "_{" + std::to_string(i + 1) + "}"; }
std::string sub(std::size_t i, std::size_t j) { return "_{" + std::to_string(i + 1) + "," + std::to_string(j + 1) + "}"; }
std::string sup(std::size_t layer) { return "^{[" + std::to_string(layer + 1) + "]}"; }
std::string partial(const std::string& of) { return "\\frac{\\partial L}{\\partial " + of + "}"; }

// The input the weight multiplies: x_i for the first layer, else the previous layer's activation.
std::string input_symbol(std::size_t layer, std::size_t i) {
  return layer == 0 ? "x" + sub(i) : "a" + sup(layer - 1) + sub(i);
}

std::string parameter_line(const ChainQuestion& q) {
  const SampleLayer& here = q.layers[q.layer];
  const std::string delta = "\\delta" + sup(q.layer) + sub(q.to);
  const std::string z = "z" + sup(q.layer) + sub(q.to);
  if (q.bias) {
    const std::string b = "b" + sup(q.layer) + sub(q.to);
    return partial(b) + " = " + partial(z) + "\\,\\frac{\\partial " + z + "}{\\partial " + b + "} = " + delta +
           " \\cdot 1 = " + num(q.gradient);
  }
  const std::string w = "W" + sup(q.layer) + sub(q.from, q.to);
  const double input = q.layer == 0 ? q.x[q.from] : q.layers[q.layer - 1].a[q.from];
  return partial(w) + " = " + partial(z) + "\\,\\frac{\\partial " + z + "}{\\partial " + w + "} = " + delta + "\\," +
         input_symbol(q.layer, q.from) + " = " + factor(here.dz[q.to]) + " \\times " + factor(input) + " = " +
         num(q.gradient);
}

// δ at the logits of softmax cross-entropy: p − onehot(label).
std::string output_delta_line(const ChainQuestion& q) {
  const std::size_t j = q.to;
  const double y = j == q.label ? 1 : 0;
  return "\\delta" + sup(q.layer) + sub(j) + " = " + partial("z" + sup(q.layer) + sub(j)) + " = p" + sub(j) + " - y" +
         sub(j) + " = " + num(q.probs[j]) + " - " + num(y) + " = " + num(q.layers[q.layer].dz[j]);
}

// f'(z) from the activation table's rule: the rule with names, with the numbers, and its value.
std::string slope_line(const ChainQuestion& q) {
  const SampleLayer& here = q.layers[q.layer];
  const tensor::ActivationRule& rule = tensor::activation_rule(here.activation);
  const std::string a = "a" + sup(q.layer) + sub(q.to), z = "z" + sup(q.layer) + sub(q.to);
  const std::string named = rule.df_latex(z, a), numbers = rule.df_latex(factor(here.z[q.to]), factor(here.a[q.to]));
  std::string line = std::string(rule.symbol) + "'(" + z + ") = " + named;
  if (numbers != named) line += " = " + numbers;
  return line + (numbers == num(q.slope) ? "" : " = " + num(q.slope));
}

// ∂L/∂a_j = Σ_k W_jk δ_k over the layer above, written out term by term (the first two and the last when long).
std::string upstream_line(const ChainQuestion& q) {
  const std::size_t next = q.layer + 1, units = q.layers[next].dz.size();
  const std::string a = "a" + sup(q.layer) + sub(q.to);
  std::string terms;
  for (std::size_t k = 0; k < units; ++k) {
    if (units > 4 && k == 2) {
      terms += " + \\cdots";
      k = units - 2;
      continue;
    }
    if (k > 0) terms += " + ";
    terms += factor(q.next_w[q.to * units + k]) + " \\times " + factor(q.layers[next].dz[k]);
  }
  return partial(a) + " = \\sum_{k} W" + sup(next) + "_{" + std::to_string(q.to + 1) + ",k}\\,\\delta" + sup(next) +
         "_{k} = " + terms + " = " + num(q.layers[q.layer].da[q.to]);
}

std::string hidden_delta_line(const ChainQuestion& q) {
  const std::string z = "z" + sup(q.layer) + sub(q.to);
  return "\\delta" + sup(q.layer) + sub(q.to) + " = " + partial(z) + " = " + partial("a" + sup(q.layer) + sub(q.to)) +
         "\\, f'(" + z + ") = " + factor(q.layers[q.layer].da[q.to]) + " \\times " + factor(q.slope) + " = " +
         num(q.layers[q.layer].dz[q.to]);
}

}  // namespace

ChainExplanation chain_rule(const ChainQuestion& q) {
  std::vector<std::string> lines;
  lines.push_back(parameter_line(q));
  if (q.layer + 1 == q.layers.size()) {
    lines.push_back(output_delta_line(q));
  } else {
    lines.push_back(hidden_delta_line(q));
    lines.push_back(upstream_line(q));
    lines.push_back(slope_line(q));
  }
  return {q.gradient, q.parameter, lines};
}

}  // namespace bp::nn
