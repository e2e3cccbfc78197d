// capabilities(): every field is read from the code that defines it (the scalar op registry, the tensor
// activation names, the loss and optimiser names, the dataset generators, the named limits), so this file holds
// no second copy of any list (activations() keeps only the menu order and labels; the rest is the activation table).
//   {"scalar_ops": [{name, symbol, arity, pattern, function, latex, rule_latex}],
//    "activations": [{name, label, latex}], "leaky_relu_slope", "losses": [{name}],
//    "optimizers": [{name, defaults}], "datasets": [{name, source, inputs, classes, min_classes, max_classes}],
//    "learning_rates": [...], "limits": {"formula", "softmax", "descent", "network", "tensor", "trainer": {...}},
//    "notes": [{key, latex, params}] (the keyed side notes of the tensor rules, tensor/note.hpp)}
#include "core/lesson/descent.hpp"
#include "core/lesson/softmax.hpp"
#include "core/nn/datasets.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/mlp.hpp"
#include "core/nn/optimizer.hpp"
#include "core/scalar/op.hpp"
#include "core/scalar/parser.hpp"
#include "core/tensor/note.hpp"
#include "core/tensor/ops.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using json = Json;

// Every Op of the registry (op.cpp), leaves included: `latex` is the op applied to operands a and b, and
// `rule_latex` its local derivative with respect to each input, the output written f. `function`: the formula
// language calls it by name (`exp(x)`), as opposed to an operator or a leaf.
json scalar_ops() {
  json out = json::array();
  for (int k = 0; k < static_cast<int>(scalar::Op::Count); ++k) {
    const scalar::OpRule& rule = scalar::rule_of(static_cast<scalar::Op>(k));
    json rules = json::array();
    for (int input = 0; input < rule.arity; ++input) rules.push_back(rule.rule_latex(input, "a", "b", "f"));
    out.push_back({{"name", rule.name}, {"symbol", rule.symbol}, {"arity", rule.arity}, {"pattern", rule.pattern},
                   {"function", rule.callable},
                   {"latex", rule.latex({"a", false}, {"b", false})}, {"rule_latex", rules}});
  }
  return out;
}

// The tensor activations in menu order, with the plain-text label a menu shows; name and LaTeX symbol come from
// the tensor activation table (tensor/activation.hpp).
json activations() {
  struct Row {
    tensor::Activation kind;
    const char* label;
  };
  static const Row rows[] = {
      {tensor::Activation::Tanh, "tanh"},
      {tensor::Activation::Relu, "ReLU"},
      {tensor::Activation::Sigmoid, "sigmoid"},
      {tensor::Activation::LeakyRelu, "leaky ReLU"},
      {tensor::Activation::Linear, "linear"},
  };
  json out = json::array();
  for (const Row& row : rows) {
    const tensor::ActivationRule& rule = tensor::activation_rule(row.kind);
    out.push_back({{"name", rule.name}, {"label", row.label}, {"latex", rule.symbol}});
  }
  return out;
}

json losses() {
  json out = json::array();
  for (nn::Loss loss : nn::kLosses) out.push_back({{"name", nn::loss_name(loss)}});
  return out;
}

// Each optimiser with the settings it uses when a config names only its type.
json optimizers() {
  json out = json::array();
  for (const std::string& name : nn::optimizer_names()) {
    out.push_back({{"name", name}, {"defaults", optimizer_to_json(optimizer_from_json({{"type", name}}))}});
  }
  return out;
}

// The toy datasets' sizes come from their generator (a four-point sample), so they cannot drift from it; spiral
// takes a class count, the digits are read from digits.json, and "custom" is whatever the caller passes in.
json datasets() {
  using namespace nn::limits;
  json out = json::array();
  for (const std::string& name : nn::toy_dataset_names()) {
    nn::DatasetOptions sample;
    sample.samples = kMinSamples;
    const nn::Dataset data = nn::toy_dataset(name, sample);
    json row = {{"name", name}, {"source", "generated"}, {"inputs", data.d}, {"classes", data.classes}};
    if (name == "spiral") {
      row["classes"] = nn::DatasetOptions{}.classes;
      row["min_classes"] = kMinClasses;
      row["max_classes"] = kMaxClasses;
    }
    out.push_back(row);
  }
  out.push_back({{"name", "digits"}, {"source", "file"}, {"inputs", nn::kDigitsSide * nn::kDigitsSide},
                 {"classes", nn::kDigitsClasses}});
  out.push_back({{"name", "custom"}, {"source", "given"}, {"inputs", nullptr}, {"classes", nullptr}});
  return out;
}

json limits() {
  using namespace nn::limits;
  return {{"formula", {{"length", scalar::kMaxFormulaLength}, {"depth", scalar::kMaxNestingDepth},
                       {"nodes", scalar::Graph::kMaxNodes}}},
          {"softmax", {{"min_logits", lesson::kMinLogits}, {"max_logits", lesson::kMaxLogits}}},
          {"descent", {{"max_steps", lesson::kMaxDescentSteps}}},
          {"network", {{"layers", kMaxDrawnLayers}, {"units", kMaxDrawnUnits}, {"samples", kMaxDrawnSamples}}},
          {"tensor", {{"batch", kMaxTensorBatch}, {"layers", kMaxTensorLayers}, {"units", kMaxTensorUnits},
                      {"init_scale", kMaxInitScale}}},
          {"trainer", {{"hidden_layers", kMaxHiddenLayers}, {"units", kMaxUnits}, {"min_samples", kMinSamples},
                       {"max_samples", kMaxSamples}, {"batch_size", kMaxBatch}, {"noise", kMaxNoise},
                       {"penalty", kMaxPenalty}, {"test_fraction", kMaxTestFraction},
                       {"extra_points", kMaxExtraPoints}, {"seed", kMaxSeed}, {"learning_rate", kMaxLearningRate}}}};
}

// Every note a rule can carry: the catalogs of the pages must translate each key with the same parameters.
json notes() {
  json out = json::array();
  for (const tensor::NoteText& note : tensor::note_texts()) {
    out.push_back({{"key", note.name}, {"latex", note.latex}, {"params", tensor::note_params(note)}});
  }
  return out;
}

}  // namespace

json capabilities() {
  return {{"scalar_ops", scalar_ops()}, {"activations", activations()}, {"leaky_relu_slope", tensor::kLeakyReluSlope},
          {"losses", losses()}, {"optimizers", optimizers()}, {"datasets", datasets()},
          {"learning_rates", nn::learning_rate_ladder()}, {"limits", limits()}, {"notes", notes()}};
}

}  // namespace bp::wire
