// Generators of the seeded datasets. Toy data live in [-1, 1]²: the heatmap's axes and the MLP's inputs alike.
// Every random number comes from the one Rng (rng.hpp), so native and wasm builds make the same points.
#include "core/nn/datasets.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/names.hpp"
#include "core/nn/limits.hpp"
#include "core/nn/rng.hpp"

namespace bp::nn {
namespace {

void push(Dataset& data, double x0, double x1, int label) {
  data.x.push_back(x0);
  data.x.push_back(x1);
  data.y.push_back(label);
}

// Gaussian noise for both coordinates, drawn in a fixed order: function arguments are evaluated in an
// unspecified order (GCC right to left, clang left to right), so two draws must never share one call.
void push_noisy(Dataset& data, double x0, double x1, int label, double noise, Rng& rng) {
  const double n0 = noise * rng.gauss();
  const double n1 = noise * rng.gauss();
  push(data, x0 + n0, x1 + n1, label);
}

// Circle: label 1 inside radius 0.5, label 0 on a ring 0.7..1 (Playground's "circle").
void circle(Dataset& data, const DatasetOptions& o, Rng& rng) {
  for (std::size_t i = 0; i < o.samples; ++i) {
    const int label = i < o.samples / 2 ? 1 : 0;
    const double r = label ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1.0), angle = rng.uniform(0, 2 * M_PI);
    push_noisy(data, r * std::sin(angle), r * std::cos(angle), label, o.noise, rng);
  }
}

// XOR: label 1 where x0 and x1 have the same sign; points kept off the axes by a margin of 0.05.
void exclusive_or(Dataset& data, const DatasetOptions& o, Rng& rng) {
  for (std::size_t i = 0; i < o.samples; ++i) {
    double x0 = rng.uniform(-1, 1), x1 = rng.uniform(-1, 1);
    x0 += x0 > 0 ? 0.05 : -0.05;
    x1 += x1 > 0 ? 0.05 : -0.05;
    push_noisy(data, x0, x1, x0 * x1 >= 0 ? 1 : 0, o.noise, rng);
  }
}

// Two Gaussian blobs centred at (0.4, 0.4) (label 1) and (−0.4, −0.4) (label 0), spread 0.15 + noise.
void gauss(Dataset& data, const DatasetOptions& o, Rng& rng) {
  for (std::size_t i = 0; i < o.samples; ++i) {
    const int label = i < o.samples / 2 ? 1 : 0;
    const double c = label ? 0.4 : -0.4;
    push_noisy(data, c, c, label, 0.15 + o.noise, rng);
  }
}

// cs231n's spiral (as the W1 workload): class c, i-th of N points: r = i/N, t = 4c + 4i/N + 2·noise·gauss.
void spiral(Dataset& data, const DatasetOptions& o, Rng& rng) {
  const std::size_t per_class = o.samples / o.classes;
  for (std::size_t c = 0; c < o.classes; ++c) {
    for (std::size_t i = 0; i < per_class; ++i) {
      const double r = double(i) / double(per_class);
      const double t = 4.0 * double(c) + 4.0 * double(i) / double(per_class) + 2 * o.noise * rng.gauss();
      push(data, r * std::sin(t), r * std::cos(t), int(c));
    }
  }
}

// Two interleaving half circles (scikit-learn's make_moons), scaled and shifted into [-1, 1]².
void moons(Dataset& data, const DatasetOptions& o, Rng& rng) {
  const std::size_t outer = o.samples / 2, inner = o.samples - outer;
  for (std::size_t i = 0; i < outer + inner; ++i) {
    const bool is_outer = i < outer;
    const double a = M_PI * double(is_outer ? i : i - outer) / double((is_outer ? outer : inner) - 1);
    const double x0 = is_outer ? std::cos(a) : 1 - std::cos(a), x1 = is_outer ? std::sin(a) : 0.5 - std::sin(a);
    push_noisy(data, (x0 - 0.5) * 0.6, (x1 - 0.25) * 0.9, is_outer ? 0 : 1, o.noise, rng);
  }
}

void shuffle(Dataset& data, Rng& rng) {
  const std::vector<std::size_t> order = rng.permutation(data.n);
  std::vector<double> x(data.x.size());
  std::vector<int> y(data.n);
  for (std::size_t to = 0; to < data.n; ++to) {
    for (std::size_t k = 0; k < data.d; ++k) x[to * data.d + k] = data.x[order[to] * data.d + k];
    y[to] = data.y[order[to]];
  }
  data.x.swap(x);
  data.y.swap(y);
}

}  // namespace

const std::vector<std::string>& toy_dataset_names() {
  static const std::vector<std::string> names = {"circle", "xor", "gauss", "spiral", "moons"};
  return names;
}

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = toy_dataset_names();
    all.push_back("digits");
    all.push_back("custom");
    return all;
  }();
  return names;
}

Dataset toy_dataset(const std::string& name, const DatasetOptions& o) {
  using namespace limits;
  if (o.samples < kMinSamples || o.samples > kMaxSamples) {
    throw InputError("dataset: samples must be in [" + std::to_string(kMinSamples) + ", " + std::to_string(kMaxSamples) + "]");
  }
  if (!(o.noise >= 0 && o.noise <= kMaxNoise)) throw InputError("dataset: noise must be in [0, 1]");
  Dataset data;
  data.name = name;
  data.d = 2;
  data.classes = 2;
  Rng rng(o.seed);
  if (name == "circle") circle(data, o, rng);
  else if (name == "xor") exclusive_or(data, o, rng);
  else if (name == "gauss") gauss(data, o, rng);
  else if (name == "moons") moons(data, o, rng);
  else if (name == "spiral") {
    if (o.classes < kMinClasses || o.classes > kMaxClasses) {
      throw InputError("dataset: spiral classes must be in [" + std::to_string(kMinClasses) + ", " +
                       std::to_string(kMaxClasses) + "]");
    }
    data.classes = o.classes;
    spiral(data, o, rng);
  } else {
    throw InputError("dataset: unknown \"" + name + "\" (" + name_list(dataset_names()) + ")");
  }
  data.n = data.y.size();
  shuffle(data, rng);
  return data;
}

Dataset digits_dataset(std::size_t n, std::size_t d, double pixel_max, const std::vector<double>& pixels,
                       const std::vector<int>& labels, std::uint32_t seed) {
  if (n == 0 || d == 0 || !(pixel_max > 0)) throw InputError("digits: \"n\", \"d\" and \"pixel_max\" must be positive");
  if (pixels.size() != n * d || labels.size() != n) throw InputError("digits: \"x\" needs n·d numbers and \"y\" n labels");
  Dataset data;
  data.name = "digits";
  data.n = n;
  data.d = d;
  data.classes = kDigitsClasses;
  for (double v : pixels) data.x.push_back(v / pixel_max);
  for (int v : labels) {
    if (v < 0 || v >= int(kDigitsClasses)) throw InputError("digits: labels are 0..9");
    data.y.push_back(v);
  }
  Rng rng(seed);
  shuffle(data, rng);
  return data;
}

}  // namespace bp::nn
