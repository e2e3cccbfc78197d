// Bad `mlp` specs: each class of mistake (unknown op, shape mismatch, ragged rows, non-finite numbers, each size
// limit) gets an InputError whose message names the place in the spec, never a crash or an abort.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {
namespace {

using namespace nn;

using json = Json;

json good_dense() {
  return json::parse(R"({"layers": [{"W": [[0.1, 0.2, 0.3], [0.3, 0.4, 0.5], [0.1, 0.1, 0.1], [0.2, 0.2, 0.2]],
    "b": [0, 0, 0], "activation": "tanh"}, {"W": [[1, 0], [0, 1], [1, 1]], "b": [0, 0]}],
    "loss": "mse", "x": [[1, 2, 3, 4]], "y": [[0, 1]], "optimizer": {"type": "sgd", "lr": 0.5}})");
}

json good_conv() {
  return json::parse(R"({"input_shape": [1, 4, 4], "x": [[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]],
    "layers": [{"type": "conv2d", "K": [[[[1, 0], [0, -1]]]], "b": [0], "activation": "relu"},
               {"type": "max_pool2d", "size": 3}, {"W": [[1, -1]], "b": [0, 0]}],
    "loss": "softmax_cross_entropy", "y": [1], "optimizer": {"type": "sgd", "lr": 0.1}})");
}

std::string error_of(const json& spec) {
  try {
    mlp_step_report(spec);
  } catch (const InputError& e) {
    return e.message();
  }
  return "no error";
}

struct Case {
  const char* what;
  std::function<json()> spec;
  const char* message;
};

json edit(json spec, const std::function<void(json&)>& change) {
  change(spec);
  return spec;
}

TEST(SpecErrors, EachClassNamesThePlace) {
  const Case cases[] = {
      {"good dense", [] { return good_dense(); }, "no error"},
      {"good conv", [] { return good_conv(); }, "no error"},
      // shape mismatches
      {"W transposed", [] { return edit(good_dense(), [](json& s) { s["layers"][1]["W"] = json::parse("[[1,0,1],[0,1,1]]"); }); },
       "layers[1].W: expected 3×3, got 2×3 (W is inputs × units, and 3 values flow in)"},
      {"b too short", [] { return edit(good_dense(), [](json& s) { s["layers"][0]["b"] = {0, 0}; }); },
       "layers[0].b: expected 3 numbers (one per column of W), got 2"},
      {"x row length", [] { return edit(good_dense(), [](json& s) { s["x"] = {{1, 2, 3}}; }); },
       "layers[0].W: expected 3×3, got 4×3 (W is inputs × units, and 3 values flow in)"},
      {"conv input channels", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["K"] = json::parse("[[[[1]],[[1]]]]"); }); },
       "layers[0].K: expected 1 input channels per kernel (the input grid has 1), got 2"},
      {"conv b", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["b"] = {0, 1}; }); },
       "layers[0].b: expected 1 numbers (one per output channel), got 2"},
      {"pool does not tile", [] { return edit(good_conv(), [](json& s) { s["layers"][1]["size"] = 2; }); },
       "layers[1]: max_pool2d: stride 2 does not tile a 1×3×3 grid padded by 0 with 2×2 windows"},
      {"window too big", [] { return edit(good_conv(), [](json& s) { s["layers"][1]["size"] = 4; }); },
       "layers[1]: max_pool2d: a 4×4 window does not fit in a 1×3×3 grid padded by 0"},
      {"x is not the grid", [] { return edit(good_conv(), [](json& s) { s["input_shape"] = {1, 3, 3}; }); },
       "x: each row must hold the 1×3×3 input grid (9 values, channel by channel, row-major), got 16"},
      {"pool after dense", [] { return edit(good_conv(), [](json& s) { s["layers"] = json::array({s["layers"][2], s["layers"][1]}); s.erase("input_shape"); }); },
       "layers[0].W: expected 16×2, got 1×2 (W is inputs × units, and 16 values flow in)"},
      {"conv without grid", [] { return edit(good_conv(), [](json& s) { s.erase("input_shape"); }); },
       "layers[0]: a conv2d layer needs a grid input: give \"input_shape\" and put it before any dense layer"},
      // unknown ops and fields
      {"unknown layer type", [] { return edit(good_conv(), [](json& s) { s["layers"][1]["type"] = "conv3d"; }); },
       "layers[1].type: unknown layer type \"conv3d\" (dense, conv2d, max_pool2d, avg_pool2d)"},
      {"unknown activation", [] { return edit(good_dense(), [](json& s) { s["layers"][0]["activation"] = "softplus"; }); },
       "layers[0]: unknown activation \"softplus\" (linear, sigmoid, tanh, relu, leaky_relu)"},
      {"unknown field", [] { return edit(good_conv(), [](json& s) { s["layers"][1]["padding"] = 1; }); },
       "layers[1]: unknown field \"padding\""},
      {"unknown loss", [] { return edit(good_dense(), [](json& s) { s["loss"] = "hinge"; }); },
       "spec: \"loss\" must be one of half_sse, mse, softmax_cross_entropy"},
      // ragged rows
      {"ragged x", [] { return edit(good_dense(), [](json& s) { s["x"] = {{1, 2, 3, 4}, {1, 2}}; s["y"] = {{0, 1}, {1, 0}}; }); },
       "x[1] has 2 numbers, expected 4"},
      {"ragged W", [] { return edit(good_dense(), [](json& s) { s["layers"][1]["W"][2] = {1}; }); },
       "layers[1].W[2] has 1 numbers, expected 2"},
      {"ragged K", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["K"][0][0][1] = {1}; }); },
       "layers[0].K[0][0][1]: expected 2 kernel columns, got 1"},
      // non-finite numbers and non-numbers
      {"NaN", [] { return edit(good_dense(), [](json& s) { s["x"][0][2] = std::numeric_limits<double>::quiet_NaN(); }); },
       "x[0][2] must be finite"},
      {"NaN as text", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["K"][0][0][0][1] = "NaN"; }); },
       "layers[0].K[0][0][0][1] must be a number, got \"NaN\""},
      {"infinite bias", [] { return edit(good_dense(), [](json& s) { s["layers"][0]["b"][1] = std::numeric_limits<double>::infinity(); }); },
       "layers[0].b[1] must be finite"},
      // every limit, its own message
      {"rows", [] { return edit(good_dense(), [](json& s) { s["x"] = json::array(); for (int i = 0; i < 65; ++i) s["x"].push_back({1, 2, 3, 4}); }); },
       "x: 65 rows; at most 64"},
      {"layers", [] { return edit(good_dense(), [](json& s) { for (int i = 0; i < 15; ++i) s["layers"].push_back(s["layers"][1]); }); },
       "layers: 17 layers; at most 16"},
      {"units", [] { return edit(good_dense(), [](json& s) { s["layers"][1]["W"] = json::array({json(std::vector<double>(1025, 0.0)), json(std::vector<double>(1025, 0.0)), json(std::vector<double>(1025, 0.0))}); }); },
       "layers[1].W: 1025 units; at most 1024"},
      {"channels", [] { return edit(good_conv(), [](json& s) { s["input_shape"] = {17, 1, 1}; }); }, "input_shape: 17 channels; at most 16"},
      {"height", [] { return edit(good_conv(), [](json& s) { s["input_shape"] = {1, 65, 1}; }); }, "input_shape: 65 rows (height); at most 64"},
      {"width", [] { return edit(good_conv(), [](json& s) { s["input_shape"] = {1, 1, 65}; }); }, "input_shape: 65 columns (width); at most 64"},
      {"grid values", [] { return edit(good_conv(), [](json& s) { s["input_shape"] = {2, 64, 64}; }); }, "input_shape: 8192 values per grid; at most 4096"},
      {"kernel", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["K"] = json::array({json::array({json::array()})}); for (int i = 0; i < 10; ++i) s["layers"][0]["K"][0][0].push_back({1}); }); },
       "layers[0].K: 10 kernel rows; at most 9"},
      {"out channels", [] { return edit(good_conv(), [](json& s) { for (int i = 0; i < 16; ++i) s["layers"][0]["K"].push_back(s["layers"][0]["K"][0]); }); },
       "layers[0].K: 17 output channels; at most 16"},
      {"work", [] { return edit(good_conv(), [](json& s) {
         s["input_shape"] = {16, 16, 16};
         s["x"] = json::array();
         for (int i = 0; i < 64; ++i) s["x"].push_back(std::vector<double>(4096, 0.5));
         json k = json::array();
         for (int c = 0; c < 16; ++c) k.push_back(json::parse("[[0,0,0,0,0],[0,0,0,0,0],[0,0,1,0,0],[0,0,0,0,0],[0,0,0,0,0]]"));
         s["layers"][0]["K"] = json::array();
         for (int o = 0; o < 16; ++o) s["layers"][0]["K"].push_back(k);
         s["layers"][0]["b"] = std::vector<double>(16, 0.0);
         s["layers"][0]["padding"] = 2;
         s["layers"][1]["size"] = 2;
         s["y"] = std::vector<int>(64, 1);
         s["layers"][2]["W"] = json::array();
         for (int i = 0; i < 16 * 8 * 8; ++i) s["layers"][2]["W"].push_back({1, -1});
       }); },
       "layers[0]: 104857600 multiply-adds over the batch; at most 50000000"},
      {"stride", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["stride"] = 5; }); },
       "layers[0]: \"stride\" must be a whole number in [1, 4]"},
      {"padding", [] { return edit(good_conv(), [](json& s) { s["layers"][0]["padding"] = 5; }); },
       "layers[0]: \"padding\" must be a whole number in [0, 4]"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_of(c.spec()), c.message) << c.what;
}

TEST(SpecErrors, BatchesOfOneToSixteenRowsWork) {
  for (int rows = 1; rows <= 16; ++rows) {
    json spec = good_dense();
    spec["x"] = json::array();
    spec["y"] = json::array();
    for (int i = 0; i < rows; ++i) spec["x"].push_back({0.1 * i, 1, -1, 0.5}), spec["y"].push_back({i % 2, 1 - i % 2});
    const json report = mlp_step_report(spec);
    EXPECT_EQ(report["outputs"].size(), std::size_t(rows));
    EXPECT_EQ(report["steps"][0]["shape"], json({rows, 3}));
  }
}

}  // namespace
}  // namespace bp::wire
