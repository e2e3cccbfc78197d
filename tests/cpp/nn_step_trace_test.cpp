// The step trace of `mlp` specs (core/nn/spec.hpp, core/tensor/step_trace.hpp): forward steps then backward
// steps in graph order; every parameter gradient a backward step shows equals the report's `grads`; the whole
// report's gradients match central differences in float64 for dense, conv2d and pooling layers; rules carry
// shapes per factor and numbers only when small. Also the activation table's rows against their own f.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "core/nn/spec.hpp"
#include "core/wire/replies.hpp"
#include "core/tensor/activation.hpp"
#include "core/tensor/note.hpp"
#include "finite_difference.hpp"

namespace bp::wire {
namespace {

using namespace nn;
using json = Json;

json seed002() {
  return json::parse(R"({"layers": [
    {"W": [[0.15, 0.25], [0.20, 0.30]], "b": [0.35, 0.35], "activation": "sigmoid"},
    {"W": [[0.40, 0.50], [0.45, 0.55]], "b": [0.60, 0.60], "activation": "sigmoid"}],
    "loss": "half_sse", "x": [[0.05, 0.10]], "y": [[0.01, 0.99]], "optimizer": {"type": "sgd", "lr": 0.5}})");
}

// Batch 3, 3-4-3 with every hidden activation in turn, softmax cross-entropy or mse.
json dense(const std::string& activation, const std::string& loss) {
  json spec = json::parse(R"({"layers": [
    {"W": [[0.1, -0.2, 0.3, 0.4], [0.5, -0.6, 0.7, -0.8], [0.9, 0.1, -0.3, 0.2]], "b": [0.1, -0.1, 0.2, 0]},
    {"W": [[0.3, -0.1, 0.2], [-0.4, 0.5, 0.1], [0.2, 0.2, -0.6], [0.7, -0.3, 0.4]], "b": [0, 0.1, -0.2]}],
    "x": [[1, -0.5, 0.25], [-1, 2, 0.5], [0.3, 0.3, -1.2]], "optimizer": {"type": "sgd", "lr": 0.1}})");
  spec["layers"][0]["activation"] = activation;
  spec["loss"] = loss;
  spec["y"] = loss == "softmax_cross_entropy" ? json::array({2, 0, 1}) : json::parse("[[1,0,0],[0,1,0],[0,0,1]]");
  return spec;
}

// 2 examples of 1×5×5. "avg": conv2d (2 kernels 3×3, stride 2, padding 1, tanh) -> 2×3×3, avg_pool2d 3/1 ->
// 2×1×1, dense 2 -> 2. "max": conv2d (2 kernels 2×2, stride 1) -> 2×4×4, max_pool2d 2/2 -> 2×2×2, dense 8 -> 2.
json conv(const std::string& pool) {
  json spec = json::parse(R"({"input_shape": [1, 5, 5],
    "x": [[0.1, -0.4, 0.3, 0.8, -0.2, 0.5, 0.9, -0.7, 0.2, 0.4, -0.1, 0.6, 0.35, -0.55, 0.05, 0.75, -0.3, 0.15, 0.45, -0.85, 0.25, -0.65, 0.55, 0.95, -0.15],
           [-0.3, 0.2, 0.7, -0.9, 0.4, 0.1, -0.6, 0.3, 0.8, -0.2, 0.5, -0.45, 0.65, 0.15, -0.35, 0.85, -0.05, 0.25, -0.75, 0.6, 0.05, 0.35, -0.25, 0.45, 0.9]],
    "layers": [{"type": "conv2d", "K": [[[[0.2, -0.3, 0.5], [0.1, 0.4, -0.2], [-0.6, 0.3, 0.7]]],
                                        [[[-0.4, 0.6, 0.1], [0.3, -0.5, 0.2], [0.8, -0.1, -0.3]]]],
                "b": [0.05, -0.1], "stride": 2, "padding": 1, "activation": "tanh"}],
    "loss": "softmax_cross_entropy", "y": [1, 0], "optimizer": {"type": "sgd", "lr": 0.1}})");
  if (pool == "max") {  // 2×2 kernels, stride 1, no padding -> 2×4×4, then max pool 2/2 -> 2×2×2
    spec["layers"][0]["K"] = json::parse("[[[[0.2, -0.3], [0.1, 0.4]]], [[[-0.4, 0.6], [0.3, -0.5]]]]");
    spec["layers"][0]["stride"] = 1;
    spec["layers"][0]["padding"] = 0;
    spec["layers"].push_back({{"type", "max_pool2d"}, {"size", 2}});
  } else {
    spec["layers"].push_back({{"type", "avg_pool2d"}, {"size", 3}, {"stride", 1}});
  }
  spec["layers"].push_back({{"W", pool == "max" ? json::parse("[[0.3,-0.2],[0.1,0.5],[-0.4,0.2],[0.6,-0.1],[0.2,0.3],[-0.5,0.4],[0.1,-0.6],[0.7,0.2]]")
                                                : json::parse("[[0.3,-0.2],[0.1,0.5]]")},
                            {"b", {0.1, -0.1}}, {"activation", "linear"}});
  return spec;
}

std::vector<json> all_specs() {
  std::vector<json> specs = {seed002(), conv("max"), conv("avg")};
  for (const tensor::ActivationRule& rule : tensor::activation_rules()) {
    specs.push_back(dense(rule.name, "softmax_cross_entropy"));
    specs.push_back(dense(rule.name, "mse"));
  }
  return specs;
}

// The report's gradients by trace name: dW1, db1, dK1, ... (each a flat list, row-major).
std::map<std::string, std::vector<double>> report_grads(const json& report) {
  std::map<std::string, std::vector<double>> out;
  for (std::size_t l = 0; l < report["grads"].size(); ++l) {
    for (const auto& item : report["grads"][l].items()) {
      std::vector<double> flat;
      json flattened = item.value().flatten();  // "/0/1" keys in order of the nesting
      std::vector<std::pair<std::vector<std::size_t>, double>> cells;
      for (const auto& cell : flattened.items()) {
        std::vector<std::size_t> key;
        std::string path = cell.key();
        for (std::size_t i = 1, j; i < path.size(); i = j + 1) {
          j = path.find('/', i);
          if (j == std::string::npos) j = path.size();
          key.push_back(std::stoul(path.substr(i, j - i)));
        }
        cells.push_back({key, cell.value().get<double>()});
      }
      std::sort(cells.begin(), cells.end());
      for (const auto& cell : cells) flat.push_back(cell.second);
      out["d" + item.key() + std::to_string(l + 1)] = flat;
    }
  }
  return out;
}

TEST(StepTrace, ForwardThenBackwardInGraphOrder) {
  const json report = mlp_step_report(seed002());
  std::vector<std::string> got;
  for (const json& step : report["steps"]) got.push_back(step["phase"].get<std::string>() + " " + step["op"].get<std::string>() + " " + step["node"].get<std::string>());
  const std::vector<std::string> want = {
      "forward matmul M1", "forward add Z1", "forward activation A1", "forward matmul M2", "forward add Z2",
      "forward activation A2", "forward half_sse L", "backward half_sse L", "backward activation A2",
      "backward add Z2", "backward matmul M2", "backward activation A1", "backward add Z1", "backward matmul M1"};
  EXPECT_EQ(got, want);
}

TEST(StepTrace, BackwardStepsCarryTheReportsGradients) {
  for (const json& spec : all_specs()) {
    const json report = mlp_step_report(spec);
    const auto want = report_grads(report);
    std::map<std::string, int> seen;
    for (const json& step : report["steps"]) {
      if (step["phase"] != "backward") continue;
      for (const json& m : step["matrices"]) {
        const auto it = want.find(m["name"].get<std::string>());
        if (m["kind"] != "grad" || it == want.end()) continue;
        ++seen[it->first];
        std::vector<double> flat;
        for (const json& row : m["rows"]) for (const json& v : row) flat.push_back(v.get<double>());
        ASSERT_EQ(flat.size(), it->second.size()) << it->first;
        for (std::size_t i = 0; i < flat.size(); ++i) EXPECT_NEAR(flat[i], it->second[i], 1e-12) << it->first << "[" << i << "]";
      }
    }
    for (const auto& [name, values] : want) EXPECT_EQ(seen[name], 1) << name << " in " << spec.dump().substr(0, 80);
  }
}

TEST(StepTrace, ReportGradientsMatchCentralDifferences) {
  for (const json& spec : all_specs()) {
    const json report = mlp_step_report(spec);
    for (std::size_t l = 0; l < spec["layers"].size(); ++l) {
      for (const char* key : {"W", "K", "b"}) {
        if (!spec["layers"][l].contains(key)) continue;
        const json flat = spec["layers"][l][key].flatten(), grads = report["grads"][l][key].flatten();
        for (const auto& cell : flat.items()) {
          const json::json_pointer at(cell.key());
          const double numeric = testing::central_difference([&](double v) {
            json moved = spec;
            moved["layers"][l][key][at] = v;
            return mlp_step_report(moved)["loss"].get<double>();
          }, cell.value().get<double>());
          EXPECT_NEAR(grads[cell.key()].get<double>(), numeric, 1e-7 * (1 + std::abs(numeric)))
              << "layers[" << l << "]." << key << cell.key();
        }
      }
    }
  }
}

TEST(StepTrace, RulesNameFactorsWithShapesAndNumbersWhenSmall) {
  const json report = mlp_step_report(dense("tanh", "softmax_cross_entropy"));
  const json* dw1 = nullptr;
  for (const json& step : report["steps"]) {
    for (const json& rule : step["rules"]) if (rule["target"] == "dW1") dw1 = &rule;
  }
  ASSERT_NE(dw1, nullptr);
  EXPECT_EQ((*dw1)["latex"], "dW^{(1)} = X^{\\top} dM^{(1)}");
  EXPECT_EQ((*dw1)["shapes_latex"], "(3\\times 4) = (3\\times 3) (3\\times 4)");
  EXPECT_EQ((*dw1)["factors"][1], json({{"latex", "X^{\\top}"}, {"shape", {3, 3}}}));
  ASSERT_TRUE((*dw1)["substituted"].is_string());
  EXPECT_EQ((*dw1)["substituted"].get<std::string>().rfind("\\begin{bmatrix}", 0), 0u);
  // 5 rows are too many to write out: the rule keeps its names and shapes, the numbers are null.
  json big = dense("tanh", "mse");
  for (int i = 0; i < 2; ++i) big["x"].push_back({0.1, 0.2, 0.3}), big["y"].push_back({0, 0, 1});
  for (const json& step : mlp_step_report(big)["steps"]) {
    for (const json& rule : step["rules"]) {
      if (rule["target"] == "dW1") {
        EXPECT_TRUE(rule["substituted"].is_null());
      }
    }
  }
}

TEST(StepTrace, MaxPoolRoutesEachUpstreamCellToItsArgmax) {
  const json report = mlp_step_report(conv("max"));
  for (const json& step : report["steps"]) {
    if (step["op"] != "max_pool2d" || step["phase"] != "backward") continue;
    const json& in = step["matrices"][2];  // values of the pooled input A1 (after dA2 and dA1)
    ASSERT_EQ(in["name"], "A1");
    const json& out = step["matrices"][3];
    for (std::size_t n = 0; n < 2; ++n) {
      for (std::size_t o = 0; o < 8; ++o) {
        EXPECT_EQ(in["rows"][n][step["routing"][n][o].get<std::size_t>()], out["rows"][n][o]);
      }
    }
    EXPECT_EQ(step["rules"][0]["latex"], "dA^{(1)} = \\operatorname{route}_{\\arg\\max}(dA^{(2)})");
    return;
  }
  FAIL() << "no max_pool2d backward step";
}

TEST(StepTrace, ConvStepsGiveWhatTheBackwardPicturesNeed) {
  const json report = mlp_step_report(conv("avg"));
  for (const json& step : report["steps"]) {
    if (step["op"] != "conv2d" || step["phase"] != "backward") continue;
    const json& c = step["conv"];
    EXPECT_EQ(c["stride"], 2);
    EXPECT_EQ(c["padding"], 1);
    EXPECT_EQ(c["padded_input"]["grid"], json({1, 7, 7}));
    EXPECT_EQ(c["flipped_kernel"]["rows"][0][0], 0.7);  // K[0][0][2][2]
    EXPECT_EQ(c["full_upstream"]["grid"], json({2, 9, 9}));  // (3−1)·2+1 + 2·(3−1)
    ASSERT_EQ(step["rules"].size(), 1u);  // X is data: only the kernels get a gradient
    EXPECT_EQ(step["rules"][0]["latex"],
              "dK^{(1)} = \\sum_{n} \\operatorname{pad}_{1}(X) \\star \\operatorname{dilate}_{2}(dC^{(1)})");
    return;
  }
  FAIL() << "no conv2d backward step";
}

// Every side note goes out keyed, with exactly the parameters its template names, and its English "where" is that
// template filled in: what the pages translate by key (web/src/i18n/tensor.js) is what the CLI reader sees.
TEST(StepTrace, NotesAreKeyedWithTheirTemplatesParameters) {
  std::map<std::string, const tensor::NoteText*> notes;
  for (const tensor::NoteText& n : tensor::note_texts()) notes[n.name] = &n;
  ASSERT_EQ(notes.size(), tensor::kNoteCount);  // keys are unique
  std::size_t seen = 0;
  for (const json& spec : all_specs()) {
    const json report = mlp_step_report(spec);
    for (const json& step : report["steps"]) {
      for (const json& rule : step["rules"]) {
        ASSERT_EQ(rule.contains("note"), rule.contains("where")) << rule.dump();
        if (!rule.contains("note")) continue;
        ++seen;
        const std::string key = rule["note"]["key"];
        ASSERT_TRUE(notes.count(key)) << key;
        std::vector<std::string> params;
        std::string filled = notes[key]->latex;
        for (const auto& [name, value] : rule["note"]["params"].items()) {
          params.push_back(name);
          for (std::size_t at; (at = filled.find("$" + name)) != std::string::npos;) filled.replace(at, name.size() + 1, value);
        }
        std::vector<std::string> want = tensor::note_params(*notes[key]);
        std::sort(want.begin(), want.end());
        EXPECT_EQ(params, want) << key;  // json objects list their keys sorted
        EXPECT_EQ(rule["where"], filled) << key;
      }
    }
  }
  EXPECT_GT(seen, 10u);
}

TEST(ActivationTable, EachRowsDerivativeIsItsFunctionsSlope) {
  std::vector<std::string> names;
  for (const tensor::ActivationRule& rule : tensor::activation_rules()) {
    SCOPED_TRACE(rule.name);
    names.push_back(rule.name);
    EXPECT_EQ(&tensor::activation_rule(rule.kind), &rule);
    EXPECT_FALSE(rule.f_latex("z").empty());
    EXPECT_FALSE(rule.df_latex("z", "a").empty());
    for (double z : {-2.0, -0.3, 0.4, 1.7}) {
      const double numeric = testing::central_difference(rule.f, z);
      EXPECT_NEAR(rule.df(z, rule.f(z)), numeric, 1e-8);
      tensor::Matrix<double> zm = tensor::zeros<double>({1, 1}), am = zm;
      zm(0, 0) = z;
      tensor::activation_forward(rule.kind, zm, am);
      EXPECT_EQ(am(0, 0), rule.f(z));
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"linear", "sigmoid", "tanh", "relu", "leaky_relu"}));
}

}  // namespace
}  // namespace bp::wire
