// exp and tanh for float, written as plain arithmetic so that (1) loops over them vectorise (libm calls do not),
// and (2) native and wasm builds give bit-identical results (glibc and Emscripten's musl may differ in the last
// bit). Accurate to a few float ulps; double keeps the standard library, which the float64 gradient checks need.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace bp::tensor {

// e^x = 2^n · e^r with n = round(x / ln 2) and |r| ≤ ln2/2; e^r by its Taylor series to r⁷ (error < 1e-8).
inline float exp_fast(float x) {
  x = std::min(std::max(x, -87.0f), 88.0f);
  constexpr float kRound = 12582912.0f;  // 1.5·2^23: adding it rounds to an integer kept in the low mantissa bits
  const float shifted = x * 1.44269504088896341f + kRound;
  const float n = shifted - kRound;
  const float r = (x - n * 0.693359375f) - n * -2.12194440e-4f;  // ln 2 split in two for an exact n·ln2_hi
  float p = 1.0f / 5040;
  p = p * r + 1.0f / 720;
  p = p * r + 1.0f / 120;
  p = p * r + 1.0f / 24;
  p = p * r + 1.0f / 6;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  std::int32_t bits;
  std::memcpy(&bits, &shifted, sizeof bits);
  bits = (bits - 0x4B400000 + 127) << 23;  // 2^n as a float's bit pattern
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

// tanh(x) = sign(x)·(1 − e)/(1 + e) with e = e^(−2|x|); near 0 that loses relative precision, so |x| < 1/8 uses
// the series x − x³/3 + 2x⁵/15 − 17x⁷/315 (next term 62x⁹/2835 < 2e-10).
inline float tanh_fast(float x) {
  const float ax = std::fabs(x);
  const float e = exp_fast(-2.0f * ax);
  const float big = (1.0f - e) / (1.0f + e);
  const float x2 = x * x;
  const float small = ax * (1.0f + x2 * (-1.0f / 3 + x2 * (2.0f / 15 + x2 * (-17.0f / 315))));
  const float t = ax < 0.125f ? small : big;
  return x < 0.0f ? -t : t;
}

inline float sigmoid_fast(float x) { return 1.0f / (1.0f + exp_fast(-x)); }

// The precision-generic names the kernels call.
inline float exp_of(float x) { return exp_fast(x); }
inline double exp_of(double x) { return std::exp(x); }
inline float tanh_of(float x) { return tanh_fast(x); }
inline double tanh_of(double x) { return std::tanh(x); }
inline float sigmoid_of(float x) { return sigmoid_fast(x); }
inline double sigmoid_of(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace bp::tensor
