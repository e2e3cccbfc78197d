// Embind bindings of the training session (core/nn/trainer.hpp), linked into the same bp_engine module as the
// formula bindings. Bulk numbers leave as typed-array views of wasm memory (typed_memory_view: no per-element
// calls), which the JS wrapper (web/src/engine/trainer.js) copies at once; small reports leave as JSON text.
// No C++ exception crosses into JS: failures return null / {"error"} and the message waits in lastError().
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "core/error.hpp"
#include "core/nn/trainer.hpp"
#include "core/tensor/gemm_timing.hpp"
#include "core/scalar/report.hpp"

namespace {

using emscripten::val;
using nlohmann::json;

json error_json(const std::string& message) { return {{"error", {{"message", message}, {"position", nullptr}}}}; }

class TrainerSession {
 public:
  // {} on success, {"error": {...}} for a bad config (the session then stays empty).
  std::string configure(const std::string& config_text, const std::string& digits_text) {
    const json config = json::parse(config_text, nullptr, false);
    if (config.is_discarded()) return scalar_dump(error_json("trainer config: not valid JSON"));
    return guarded([&] {
      trainer_ = bp::nn::make_trainer(config, digits_text);
      return json::object();
    });
  }
  std::string step(unsigned n) {
    return guarded([&] {
      need().step(n);
      return json{{"steps", trainer_->steps()}, {"loss", number(trainer_->last_loss())}};
    });
  }
  std::string reset() { return guarded([&] { need().reset(); return json::object(); }); }
  std::string evaluate() {
    return guarded([&] {
      const bp::nn::Metrics m = need().evaluate();
      return json{{"loss", number(m.loss)}, {"accuracy", m.accuracy}, {"steps", trainer_->steps()}};
    });
  }
  std::string describe() { return guarded([&] { return need().describe(); }); }
  std::string inspect(unsigned row) { return guarded([&] { return need().inspect(row); }); }

  // Views into wasm memory, valid until the next call into the module; null on error (see lastError()).
  val parameter(unsigned layer, bool bias, bool grad) {
    return view([&] { return need().parameter(layer, bias, grad); });
  }
  val grid(double x0, double x1, double y0, double y1, unsigned nx, unsigned ny) {
    return view([&] { return need().grid(x0, x1, y0, y1, nx, ny); });
  }
  val dataX() {
    if (!trainer_) return val::null();
    const auto& x = trainer_->data().x;
    return val(emscripten::typed_memory_view(x.size(), x.data()));
  }
  val dataY() {
    if (!trainer_) return val::null();
    const auto& y = trainer_->data().y;
    return val(emscripten::typed_memory_view(y.size(), y.data()));
  }
  std::string lastError() const { return last_error_; }

 private:
  static std::string scalar_dump(const json& j) { return bp::scalar::dump_json(j); }
  static json number(double v) { return bp::scalar::number_json(v); }

  bp::nn::Trainer& need() {
    if (!trainer_) throw bp::InputError("the trainer is not configured");
    return *trainer_;
  }

  template <class F>
  std::string guarded(F&& f) {
    try {
      return scalar_dump(f());
    } catch (const bp::InputError& e) {
      return scalar_dump(error_json(e.message()));
    } catch (const std::exception& e) {
      return scalar_dump(error_json(std::string("internal error: ") + e.what()));
    }
  }

  template <class F>
  val view(F&& f) {
    try {
      const bp::nn::RawArray a = f();
      last_error_.clear();
      if (trainer_->float32()) return val(emscripten::typed_memory_view(a.size, static_cast<const float*>(a.data)));
      return val(emscripten::typed_memory_view(a.size, static_cast<const double*>(a.data)));
    } catch (const std::exception& e) {
      const auto* input = dynamic_cast<const bp::InputError*>(&e);
      last_error_ = input ? input->message() : e.what();
      return val::null();
    }
  }

  std::unique_ptr<bp::nn::Trainer> trainer_;
  std::string last_error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_trainer) {
  // The benchmark's GEMM micro-benchmark (float32 GFLOP/s), the same code the native bench binary times.
  emscripten::function("gemmGflops", &bp::tensor::gemm_gflops);
  emscripten::class_<TrainerSession>("TrainerSession")
      .constructor<>()
      .function("configure", &TrainerSession::configure)
      .function("step", &TrainerSession::step)
      .function("reset", &TrainerSession::reset)
      .function("evaluate", &TrainerSession::evaluate)
      .function("describe", &TrainerSession::describe)
      .function("inspect", &TrainerSession::inspect)
      .function("parameter", &TrainerSession::parameter)
      .function("grid", &TrainerSession::grid)
      .function("dataX", &TrainerSession::dataX)
      .function("dataY", &TrainerSession::dataY)
      .function("lastError", &TrainerSession::lastError);
}
