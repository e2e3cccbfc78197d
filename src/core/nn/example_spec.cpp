// Builds the seeded spec of example_spec.hpp. Draw order (fixed, so a seed means one spec everywhere): every
// layer's W row by row then its b, then x row by row, then the targets.
#include "core/nn/example_spec.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/nn/rng.hpp"

namespace bp::nn {
namespace {

using tensor::Matrix;

// Three significant digits: 0.123, −1.57, 0.00412 (a tiny initialisation scale must not round to zero).
double readable(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  // Dividing by an exact power of ten gives the double nearest the decimal, which prints as that decimal.
  const double digits = 2 - std::floor(std::log10(std::fabs(x)));
  return digits >= 0 ? std::round(x * std::pow(10.0, digits)) / std::pow(10.0, digits)
                     : std::round(x / std::pow(10.0, -digits)) * std::pow(10.0, -digits);
}

}  // namespace

ParsedSpec example_spec(const ExampleChoices& c) {
  const std::vector<std::size_t>& sizes = c.sizes;
  if (c.loss == Loss::SoftmaxCrossEntropy && sizes.back() < 2) {
    throw InputError("example: softmax cross-entropy needs at least 2 output units, got " + std::to_string(sizes.back()));
  }
  Rng rng(c.seed);
  ParsedSpec spec;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const std::size_t in = sizes[l], out = sizes[l + 1];
    const double limit = c.init_scale * std::sqrt(6.0 / double(in + out));  // Glorot uniform, times the scale
    SpecLayer layer;
    layer.w = tensor::zeros<double>({in, out});
    layer.b = tensor::zeros<double>({1, out});
    for (std::size_t i = 0; i < in; ++i) {
      for (std::size_t j = 0; j < out; ++j) layer.w(i, j) = readable(rng.uniform(-limit, limit));
    }
    for (std::size_t j = 0; j < out; ++j) layer.b(0, j) = std::round(rng.uniform(-10, 10)) / 100;  // small, so db shows
    layer.activation = l + 2 == sizes.size() ? tensor::Activation::Linear : c.activation;
    layer.out_size = out;
    spec.layers.push_back(std::move(layer));
  }
  spec.x = tensor::zeros<double>({c.batch, sizes.front()});
  for (std::size_t n = 0; n < c.batch; ++n) {
    for (std::size_t i = 0; i < sizes.front(); ++i) spec.x(n, i) = std::round(rng.uniform(-100, 100)) / 100;
  }
  const bool classes = c.loss == Loss::SoftmaxCrossEntropy;
  spec.targets = tensor::zeros<double>({c.batch, classes ? 1 : sizes.back()});
  for (std::size_t n = 0; n < c.batch; ++n) {
    if (classes) {
      spec.targets(n, 0) = double(std::size_t(rng.uniform() * double(sizes.back())));
    } else {
      for (std::size_t j = 0; j < sizes.back(); ++j) spec.targets(n, j) = std::round(rng.uniform(-100, 100)) / 100;
    }
  }
  spec.loss = c.loss;
  spec.optimizer.lr = c.lr;  // plain SGD
  return spec;
}

}  // namespace bp::nn
