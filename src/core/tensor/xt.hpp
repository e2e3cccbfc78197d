// The one header of ours that names xtensor: every tensor in the engine is a row-major 2-D xtensor (a vector is a
// (1, n) or (n, 1) matrix, a scalar loss is (1, 1)), so an xtensor version bump touches only this file.
// Kernels read and write the contiguous storage through data(); xtensor is the container, not the math library.
#pragma once
#include <xtensor/xtensor.hpp>

#include <cstddef>
#include <string>

namespace bp::tensor {

template <class T>
using Matrix = xt::xtensor<T, 2, xt::layout_type::row_major>;

using Shape = std::array<std::size_t, 2>;

inline std::size_t rows(const Shape& s) { return s[0]; }
inline std::size_t cols(const Shape& s) { return s[1]; }

template <class T>
Shape shape_of(const Matrix<T>& m) {
  return {m.shape()[0], m.shape()[1]};
}

// A zero-filled matrix of the given shape.
template <class T>
Matrix<T> zeros(Shape s) {
  Matrix<T> m = Matrix<T>::from_shape(s);
  m.fill(T(0));
  return m;
}

// Resizes only when the shape differs (no allocation on the steady path), then fills with zeros.
template <class T>
void reset(Matrix<T>& m, Shape s) {
  if (shape_of(m) != s) m.resize(s);
  m.fill(T(0));
}

// "(2,3)": how shapes appear in error messages.
inline std::string shape_text(const Shape& s) {
  return "(" + std::to_string(s[0]) + "," + std::to_string(s[1]) + ")";
}

}  // namespace bp::tensor
