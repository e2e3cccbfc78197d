// Embind bindings of the training session (core/nn/trainer.hpp, and its Inspector for one sample's backprop),
// linked into the same bp_engine module as the
// formula bindings. Bulk numbers leave as typed-array views of wasm memory (typed_memory_view: no per-element
// calls), which the JS wrapper (web/src/engine/trainer.js) copies at once; small reports leave as JSON text.
// No C++ exception crosses into JS: failures return null / {"error"} and the message waits in lastError().
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "bindings/guard.hpp"
#include "core/error.hpp"
#include "core/tensor/gemm_timing.hpp"
#include "core/wire/replies.hpp"

namespace {

using emscripten::val;
using json = bp::wire::Json;
namespace wire = bp::wire;

class TrainerSession {
 public:
  // {} on success, {"error": {...}} for a bad config (the session then stays empty).
  std::string configure(const std::string& config_text, const std::string& digits_text) {
    return guarded([&] {
      auto trainer = wire::make_trainer(bp::bindings::parse_json(config_text, "trainer config"), digits_text);
      inspector_.reset();
      trainer_ = std::move(trainer);
      inspector_ = std::make_unique<bp::nn::Inspector>(*trainer_);
      return json::object();
    });
  }
  // "diverged": null, or the trainer's Divergence (config "halt_on_divergence") once training has stopped.
  std::string step(unsigned n) {
    return guarded([&] {
      need().step(n);
      const bp::nn::Divergence* d = trainer_->divergence();
      return json{{"steps", trainer_->steps()}, {"loss", trainer_->last_loss()},
                  {"diverged", d ? wire::divergence_json(*d) : json(nullptr)}};
    });
  }
  std::string reset() { return guarded([&] { need().reset(); return json::object(); }); }
  std::string evaluate() { return guarded([&] { return wire::metrics_json(need().evaluate(), trainer_->steps()); }); }
  std::string evaluateTest() {
    return guarded([&] { return wire::metrics_json(need().evaluate_test(), trainer_->steps()); });
  }
  std::string describe() { return guarded([&] { return wire::description_json(inspector().describe()); }); }
  std::string inspect(unsigned row) { return guarded([&] { return wire::sample_json(inspector().inspect(row)); }); }
  std::string explain(unsigned row, unsigned layer, unsigned from, unsigned to) {
    return guarded([&] { return wire::chain_json(inspector().explain(row, layer, from, to)); });
  }
  std::string spec(unsigned row) { return guarded([&] { return wire::spec_json(inspector().spec(row)); }); }
  std::string batchSpec(unsigned count) {
    return guarded([&] { return wire::spec_json(inspector().batch_spec(count)); });
  }

  // Views into wasm memory, valid until the next call into the module; null on error (see lastError()).
  val parameter(unsigned layer, bool bias, bool grad) {
    return view([&] { return need().parameter(layer, bias, grad); });
  }
  val grid(double x0, double x1, double y0, double y1, unsigned nx, unsigned ny) {
    return view([&] { return need().grid(x0, x1, y0, y1, nx, ny); });
  }
  val gridLayer(unsigned layer) { return view([&] { return need().grid_layer(layer); }); }
  // The predicted class of every row (Int32Array view), or null when unconfigured.
  val predictions() {
    if (!trainer_) return val::null();
    const std::vector<int>& p = trainer_->predictions();
    return val(emscripten::typed_memory_view(p.size(), p.data()));
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
  bp::nn::Trainer& need() {
    if (!trainer_) throw bp::InputError("the trainer is not configured");
    return *trainer_;
  }
  bp::nn::Inspector& inspector() {
    need();
    return *inspector_;
  }

  template <class F>
  std::string guarded(F&& f) { return bp::bindings::reply(std::forward<F>(f)); }

  template <class F>
  val view(F&& f) {
    return bp::bindings::value_or_null(last_error_, [&] {
      const bp::nn::RawArray a = f();
      if (trainer_->float32()) return val(emscripten::typed_memory_view(a.size, static_cast<const float*>(a.data)));
      return val(emscripten::typed_memory_view(a.size, static_cast<const double*>(a.data)));
    });
  }

  std::unique_ptr<bp::nn::Trainer> trainer_;
  std::unique_ptr<bp::nn::Inspector> inspector_;  // reads trainer_: reset before it, made after it
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
      .function("evaluateTest", &TrainerSession::evaluateTest)
      .function("describe", &TrainerSession::describe)
      .function("inspect", &TrainerSession::inspect)
      .function("explain", &TrainerSession::explain)
      .function("spec", &TrainerSession::spec)
      .function("batchSpec", &TrainerSession::batchSpec)
      .function("gridLayer", &TrainerSession::gridLayer)
      .function("predictions", &TrainerSession::predictions)
      .function("parameter", &TrainerSession::parameter)
      .function("grid", &TrainerSession::grid)
      .function("dataX", &TrainerSession::dataX)
      .function("dataY", &TrainerSession::dataY)
      .function("lastError", &TrainerSession::lastError);
}
