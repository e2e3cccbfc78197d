// A GEMM micro-benchmark shared by the native bench binary and the wasm module, so both time exactly the same
// kernel call: C (m×n) = A (m×k)·B (k×n) in float32 on fixed data. Not a test: it measures, it checks nothing.
#pragma once
#include <cstddef>

namespace bp::tensor {

// GFLOP/s (2·m·n·k flops per product) of the best of repeated timed batches lasting at least `min_seconds` in all.
double gemm_gflops(std::size_t m, std::size_t n, std::size_t k, double min_seconds);

}  // namespace bp::tensor
