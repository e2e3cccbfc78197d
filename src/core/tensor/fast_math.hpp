// exp, tanh and sigmoid for float, four lanes at a time with GCC/clang vector extensions (SSE2 natively, simd128
// in wasm): libm calls neither vectorise nor agree bit for bit between glibc (native) and musl (wasm); this plain
// IEEE arithmetic does both. Accurate to a few float ulps. Double keeps the standard library, which the float64
// gradient checks need. Every float element, tail included, goes through the same 4-lane code.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace bp::tensor {

typedef float F4 __attribute__((vector_size(16)));
typedef std::int32_t I4 __attribute__((vector_size(16)));

inline F4 splat(float v) { return F4{v, v, v, v}; }
inline F4 select(I4 mask, F4 yes, F4 no) { return (F4)(((I4)yes & mask) | ((I4)no & ~mask)); }  // mask lanes: 0 / -1

// e^x = 2^n · e^r with n = round(x / ln 2) and |r| ≤ ln2/2; e^r by its Taylor series to r⁷ (error < 1e-8).
inline F4 exp4(F4 x) {
  x = select(x < splat(-87.0f), splat(-87.0f), x);
  x = select(x > splat(88.0f), splat(88.0f), x);
  const F4 round = splat(12582912.0f);  // 1.5·2^23: adding it rounds to an integer kept in the low mantissa bits
  const F4 shifted = x * splat(1.44269504088896341f) + round;
  const F4 n = shifted - round;
  const F4 r = (x - n * splat(0.693359375f)) - n * splat(-2.12194440e-4f);  // ln 2 split for an exact n·ln2_hi
  F4 p = splat(1.0f / 5040);
  p = p * r + splat(1.0f / 720);
  p = p * r + splat(1.0f / 120);
  p = p * r + splat(1.0f / 24);
  p = p * r + splat(1.0f / 6);
  p = p * r + splat(0.5f);
  p = p * r + splat(1.0f);
  p = p * r + splat(1.0f);
  const I4 two_to_n = (((I4)shifted - 0x4B400000) + 127) << 23;  // 2^n as a float's bit pattern
  return p * (F4)two_to_n;
}

// tanh(x) = sign(x)·(1 − e)/(1 + e) with e = e^(−2|x|); near 0 that loses relative precision, so |x| < 1/8 uses
// the series x − x³/3 + 2x⁵/15 − 17x⁷/315 (next term 62x⁹/2835 < 2e-10).
inline F4 tanh4(F4 x) {
  const I4 sign = (I4)x & 0x80000000;
  const F4 ax = (F4)((I4)x & 0x7FFFFFFF);
  const F4 e = exp4(splat(-2.0f) * ax);
  const F4 big = (splat(1.0f) - e) / (splat(1.0f) + e);
  const F4 x2 = ax * ax;
  const F4 small = ax * (splat(1.0f) + x2 * (splat(-1.0f / 3) + x2 * (splat(2.0f / 15) + x2 * splat(-17.0f / 315))));
  return (F4)((I4)select(ax < splat(0.125f), small, big) | sign);
}

inline F4 sigmoid4(F4 x) { return splat(1.0f) / (splat(1.0f) + exp4(-x)); }

// out[i] = f(in[i]) for n floats (in and out may be the same array).
template <F4 (*f)(F4)>
void map4(const float* in, float* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    F4 v;
    std::memcpy(&v, in + i, sizeof v);
    v = f(v);
    std::memcpy(out + i, &v, sizeof v);
  }
  if (i < n) {
    F4 v = splat(0.0f);
    std::memcpy(&v, in + i, (n - i) * sizeof(float));
    v = f(v);
    std::memcpy(out + i, &v, (n - i) * sizeof(float));
  }
}

}  // namespace bp::tensor
