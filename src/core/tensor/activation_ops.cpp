// The activation table: each rule holds its forward and its local derivative side by side with their LaTeX, and
// one pair of loops applies any rule (the loops inline the rule, so they vectorise; float tanh and sigmoid take
// the 4-lane kernels of fast_math.hpp). relu'(0) = 0 as in TensorFlow and PyTorch.
// To add an activation: its enum value (activation.hpp), a rule struct here and its row in kRules. That is all.
#include <cmath>
#include <string>
#include <type_traits>

#include "core/number_format.hpp"
#include "core/tensor/activation.hpp"
#include "core/tensor/fast_math.hpp"

namespace bp::tensor {

namespace {

using S = const std::string&;

struct LinearRule {  // d z/dz = 1
  static constexpr const char* name = "linear";
  static constexpr const char* symbol = "\\mathrm{id}";
  template <class T> static T f(T z) { return z; }
  template <class T> static T df(T, T) { return T(1); }
  static std::string f_latex(S z) { return z; }
  static std::string df_latex(S, S) { return "1"; }
};
struct SigmoidRule {  // dσ/dz = σ(1 − σ) = a(1 − a)
  static constexpr const char* name = "sigmoid";
  static constexpr const char* symbol = "\\sigma";
  static constexpr F4 (*f4)(F4) = sigmoid4;
  static double f(double z) { return 1.0 / (1.0 + std::exp(-z)); }
  template <class T> static T df(T, T a) { return a * (T(1) - a); }
  static std::string f_latex(S z) { return "\\frac{1}{1 + e^{-" + z + "}}"; }
  static std::string df_latex(S, S a) { return a + "\\,(1 - " + a + ")"; }
};
struct TanhRule {  // d tanh/dz = 1 − tanh² = 1 − a²
  static constexpr const char* name = "tanh";
  static constexpr const char* symbol = "\\tanh";
  static constexpr F4 (*f4)(F4) = tanh4;
  static double f(double z) { return std::tanh(z); }
  template <class T> static T df(T, T a) { return T(1) - a * a; }
  static std::string f_latex(S z) { return "\\frac{e^{" + z + "} - e^{-" + z + "}}{e^{" + z + "} + e^{-" + z + "}}"; }
  static std::string df_latex(S, S a) { return "1 - {" + a + "}^{2}"; }
};
struct ReluRule {  // d relu/dz = 1 if z > 0 else 0
  static constexpr const char* name = "relu";
  static constexpr const char* symbol = "\\mathrm{ReLU}";
  template <class T> static T f(T z) { return z > T(0) ? z : T(0); }
  template <class T> static T df(T z, T) { return z > T(0) ? T(1) : T(0); }
  static std::string f_latex(S z) { return "\\max(0, " + z + ")"; }
  static std::string df_latex(S z, S) { return "[" + z + " > 0]"; }
};
struct LeakyReluRule {  // d leaky/dz = 1 if z > 0 else slope
  static constexpr const char* name = "leaky_relu";
  static constexpr const char* symbol = "\\mathrm{LeakyReLU}";
  template <class T> static T f(T z) { return z > T(0) ? z : T(kLeakyReluSlope) * z; }
  template <class T> static T df(T z, T) { return z > T(0) ? T(1) : T(kLeakyReluSlope); }
  static std::string f_latex(S z) { return "\\max(" + latex_number(kLeakyReluSlope) + " " + z + ", " + z + ")"; }
  static std::string df_latex(S z, S) {
    return "[" + z + " > 0] + " + latex_number(kLeakyReluSlope) + "\\,[" + z + " \\le 0]";
  }
};

template <class Rule, class = void>
struct HasFast4 : std::false_type {};
template <class Rule>
struct HasFast4<Rule, std::void_t<decltype(Rule::f4)>> : std::true_type {};

// a = f(z), element by element; float rules with a 4-lane kernel use it (same bits natively and in wasm).
template <class Rule, class T>
void apply_forward(const Matrix<T>& z, Matrix<T>& a) {
  if constexpr (std::is_same_v<T, float> && HasFast4<Rule>::value) {
    return map4<Rule::f4>(z.data(), a.data(), z.size());
  } else {
    const std::size_t n = z.size();
    const T* pz = z.data();
    T* pa = a.data();
    for (std::size_t i = 0; i < n; ++i) pa[i] = static_cast<T>(Rule::f(pz[i]));
  }
}

// dz += da ⊙ f′(z)
template <class Rule, class T>
void apply_backward(const Matrix<T>& z, const Matrix<T>& a, const Matrix<T>& da, Matrix<T>& dz) {
  const std::size_t n = z.size();
  const T *pz = z.data(), *pa = a.data(), *pda = da.data();
  T* pdz = dz.data();
  for (std::size_t i = 0; i < n; ++i) pdz[i] += pda[i] * Rule::df(pz[i], pa[i]);
}

template <class Rule>
ActivationRule row(Activation kind) {
  return {kind,
          Rule::name,
          Rule::symbol,
          [](double z) { return static_cast<double>(Rule::f(z)); },
          [](double z, double a) { return static_cast<double>(Rule::df(z, a)); },
          Rule::f_latex,
          Rule::df_latex,
          {apply_forward<Rule, float>, apply_backward<Rule, float>},
          {apply_forward<Rule, double>, apply_backward<Rule, double>}};
}

}  // namespace

const std::vector<ActivationRule>& activation_rules() {
  static const std::vector<ActivationRule> kRules = {
      row<LinearRule>(Activation::Linear),
      row<SigmoidRule>(Activation::Sigmoid),
      row<TanhRule>(Activation::Tanh),
      row<ReluRule>(Activation::Relu),
      row<LeakyReluRule>(Activation::LeakyRelu),
  };
  return kRules;
}

const ActivationRule& activation_rule(Activation kind) { return activation_rules().at(static_cast<std::size_t>(kind)); }

const char* activation_name(Activation kind) {  // "?" past the last row (capabilities' test walks the enum so)
  const std::size_t k = static_cast<std::size_t>(kind);
  return k < activation_rules().size() ? activation_rules()[k].name : "?";
}

bool activation_named(const std::string& name, Activation& kind) {
  for (const ActivationRule& rule : activation_rules()) {
    if (name == rule.name) {
      kind = rule.kind;
      return true;
    }
  }
  return false;
}

std::string activation_names_text() {
  std::string text;
  for (const ActivationRule& rule : activation_rules()) text += (text.empty() ? "" : ", ") + std::string(rule.name);
  return text;
}

}  // namespace bp::tensor
