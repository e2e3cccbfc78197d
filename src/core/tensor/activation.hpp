// The element-wise activations of the tensor engine, as one table (activation_ops.cpp): each row holds the name,
// f and f′ (per element, in float64, for traces and checks), their LaTeX, and the matrix kernels the graph runs.
// Adding an activation touches two files: this enum and its rule plus row in activation_ops.cpp.
// Not the scalar formula engine's ops (core/scalar/op.cpp), which have their own table.
#pragma once
#include <string>
#include <type_traits>
#include <vector>

#include "core/tensor/xt.hpp"

namespace bp::tensor {

enum class Activation { Linear, Sigmoid, Tanh, Relu, LeakyRelu };  // the order of the table's rows

// Leaky ReLU's slope for z ≤ 0: its rule (activation_ops.cpp) and every LaTeX line print it from here, and
// capabilities() reports it.
constexpr double kLeakyReluSlope = 0.01;

// The kernels over whole matrices (a and z share a shape): a = f(z); dz += da ⊙ f′(z).
template <class T>
struct ActivationKernels {
  void (*forward)(const Matrix<T>& z, Matrix<T>& a);
  void (*backward)(const Matrix<T>& z, const Matrix<T>& a, const Matrix<T>& da, Matrix<T>& dz);
};

struct ActivationRule {
  Activation kind;
  const char* name;                                                      // "tanh", as specs and configs spell it
  const char* symbol;                                                    // "\\tanh", for f(Z) and f'(z) in LaTeX
  double (*f)(double z);                                                 // a = f(z)
  double (*df)(double z, double a);                                      // f′(z), through z or a = f(z)
  // LaTeX of f's definition and of f′, per element, in the names (or numbers) given: f_latex("z") is
  // "\\frac{1}{1 + e^{-z}}", df_latex("z", "a") is "a\\,(1 - a)". On matrices they apply entry by entry.
  std::string (*f_latex)(const std::string& z);
  std::string (*df_latex)(const std::string& z, const std::string& a);
  ActivationKernels<float> f32;
  ActivationKernels<double> f64;

  template <class T>
  const ActivationKernels<T>& kernels() const {
    if constexpr (std::is_same_v<T, float>) return f32; else return f64;
  }
};

// Every activation, in enum order (what capabilities() lists); the row of one kind.
const std::vector<ActivationRule>& activation_rules();
const ActivationRule& activation_rule(Activation kind);
const char* activation_name(Activation kind);                      // "?" for a value past the table
bool activation_named(const std::string& name, Activation& kind);  // false for an unknown name
std::string activation_names_text();                               // "linear, sigmoid, tanh, relu, leaky_relu"

template <class T>
void activation_forward(Activation kind, const Matrix<T>& z, Matrix<T>& a) {
  activation_rule(kind).kernels<T>().forward(z, a);
}
template <class T>  // dz += da ⊙ f′(z), with f′ written through z or through a = f(z), whichever is cheaper
void activation_backward(Activation kind, const Matrix<T>& z, const Matrix<T>& a, const Matrix<T>& da,
                         Matrix<T>& dz) {
  activation_rule(kind).kernels<T>().backward(z, a, da, dz);
}

}  // namespace bp::tensor
