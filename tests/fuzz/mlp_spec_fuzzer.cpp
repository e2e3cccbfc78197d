// libFuzzer target over the `mlp` spec reader and one training step: any byte string is offered as a spec.
// Bad JSON and bad specs must end in a parse error or an InputError naming the field; anything else escaping
// (a nlohmann type error, an out-of-range access, a sanitizer finding) is a bug the fuzzer reports.
#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "core/wire/replies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const bp::wire::Json spec = bp::wire::Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (spec.is_discarded()) return 0;
  try {
    bp::wire::dump(bp::wire::mlp_step_report(spec));
  } catch (const bp::InputError&) {
    // the expected answer to a bad spec
  }
  return 0;
}
