// The one seeded RNG of the engine, shared by native and wasm builds: mulberry32 exactly as the benchmark
// generator (../shared/bench/gen.js) writes it, so initial weights and datasets are the same numbers everywhere.
// Integer arithmetic only in uniform(); gauss() is Box–Muller without caching (two uniforms per draw).
#pragma once
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace bp::nn {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : state_(seed) {}

  std::uint32_t next_u32() {
    state_ += 0x6D2B79F5u;
    std::uint32_t t = state_;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return t ^ (t >> 14);
  }
  double uniform() { return next_u32() / 4294967296.0; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  double gauss() {
    const double u1 = uniform(), u2 = uniform();
    return std::sqrt(-2 * std::log(1 - u1)) * std::cos(2 * M_PI * u2);
  }
  // Fisher–Yates from the end, j = floor(u·(i+1)).
  std::vector<std::size_t> permutation(std::size_t n) {
    std::vector<std::size_t> p(n);
    std::iota(p.begin(), p.end(), std::size_t{0});
    for (std::size_t i = n; i-- > 1;) std::swap(p[i], p[static_cast<std::size_t>(uniform() * double(i + 1))]);
    return p;
  }

 private:
  std::uint32_t state_;
};

}  // namespace bp::nn
