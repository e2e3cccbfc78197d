// Element-wise activations: each is a rule with its forward and its local derivative side by side, and one pair
// of loops applies any rule (the loops inline the rule, so they vectorise). relu'(0) = 0 as in TensorFlow and
// PyTorch (seed 002 sets it to 1; the difference only matters for inputs exactly at 0).
#include <cmath>
#include <string>
#include <type_traits>

#include "core/tensor/fast_math.hpp"
#include "core/tensor/ops.hpp"

namespace bp::tensor {
namespace {

struct LinearRule {  // d z/dz = 1
  template <class T> static T f(T z, T) { return z; }
  template <class T> static T df(T, T, T) { return T(1); }
};
struct SigmoidRule {  // dσ/dz = σ(1 − σ) = a(1 − a)
  static double f(double z, double) { return 1.0 / (1.0 + std::exp(-z)); }  // float: sigmoid4 (fast_math.hpp)
  template <class T> static T df(T, T a, T) { return a * (T(1) - a); }
};
struct TanhRule {  // d tanh/dz = 1 − tanh² = 1 − a²
  static double f(double z, double) { return std::tanh(z); }  // float: tanh4 (fast_math.hpp)
  template <class T> static T df(T, T a, T) { return T(1) - a * a; }
};
struct ReluRule {  // d relu/dz = 1 if z > 0 else 0
  template <class T> static T f(T z, T) { return z > T(0) ? z : T(0); }
  template <class T> static T df(T z, T, T) { return z > T(0) ? T(1) : T(0); }
};
struct LeakyReluRule {  // d leaky/dz = 1 if z > 0 else slope
  template <class T> static T f(T z, T slope) { return z > T(0) ? z : slope * z; }
  template <class T> static T df(T z, T, T slope) { return z > T(0) ? T(1) : slope; }
};

template <class Rule, class T>
void apply_forward(T slope, const Matrix<T>& z, Matrix<T>& a) {
  const std::size_t n = z.size();
  const T* pz = z.data();
  T* pa = a.data();
  for (std::size_t i = 0; i < n; ++i) pa[i] = Rule::f(pz[i], slope);
}

template <class Rule, class T>
void apply_backward(T slope, const Matrix<T>& z, const Matrix<T>& a, const Matrix<T>& da, Matrix<T>& dz) {
  const std::size_t n = z.size();
  const T *pz = z.data(), *pa = a.data(), *pda = da.data();
  T* pdz = dz.data();
  for (std::size_t i = 0; i < n; ++i) pdz[i] += pda[i] * Rule::df(pz[i], pa[i], slope);
}

}  // namespace

const char* activation_name(Activation kind) {
  switch (kind) {
    case Activation::Linear: return "linear";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Tanh: return "tanh";
    case Activation::Relu: return "relu";
    case Activation::LeakyRelu: return "leaky_relu";
  }
  return "?";
}

bool activation_named(const std::string& name, Activation& kind) {
  for (Activation k : {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                       Activation::LeakyRelu}) {
    if (name == activation_name(k)) {
      kind = k;
      return true;
    }
  }
  return false;
}

template <class T>
void activation_forward(Activation kind, T slope, const Matrix<T>& z, Matrix<T>& a) {
  if constexpr (std::is_same_v<T, float>) {  // the 4-lane float kernels
    if (kind == Activation::Tanh) return map4<tanh4>(z.data(), a.data(), z.size());
    if (kind == Activation::Sigmoid) return map4<sigmoid4>(z.data(), a.data(), z.size());
  }
  switch (kind) {
    case Activation::Linear: return apply_forward<LinearRule>(slope, z, a);
    case Activation::Sigmoid: return apply_forward<SigmoidRule>(slope, z, a);
    case Activation::Tanh: return apply_forward<TanhRule>(slope, z, a);
    case Activation::Relu: return apply_forward<ReluRule>(slope, z, a);
    case Activation::LeakyRelu: return apply_forward<LeakyReluRule>(slope, z, a);
  }
}

template <class T>
void activation_backward(Activation kind, T slope, const Matrix<T>& z, const Matrix<T>& a, const Matrix<T>& da,
                         Matrix<T>& dz) {
  switch (kind) {
    case Activation::Linear: return apply_backward<LinearRule>(slope, z, a, da, dz);
    case Activation::Sigmoid: return apply_backward<SigmoidRule>(slope, z, a, da, dz);
    case Activation::Tanh: return apply_backward<TanhRule>(slope, z, a, da, dz);
    case Activation::Relu: return apply_backward<ReluRule>(slope, z, a, da, dz);
    case Activation::LeakyRelu: return apply_backward<LeakyReluRule>(slope, z, a, da, dz);
  }
}

template void activation_forward(Activation, float, const Matrix<float>&, Matrix<float>&);
template void activation_forward(Activation, double, const Matrix<double>&, Matrix<double>&);
template void activation_backward(Activation, float, const Matrix<float>&, const Matrix<float>&, const Matrix<float>&,
                                  Matrix<float>&);
template void activation_backward(Activation, double, const Matrix<double>&, const Matrix<double>&,
                                  const Matrix<double>&, Matrix<double>&);

}  // namespace bp::tensor
