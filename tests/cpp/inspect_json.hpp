// The Inspector's replies as the bindings send them (wire/replies.hpp), for tests that read a session's sample,
// chain rule, spec or description as JSON: each call inspects the trainer afresh.
#pragma once
#include "core/nn/inspector.hpp"
#include "core/wire/replies.hpp"

namespace bp::wire {

inline Json inspect(nn::Trainer& t, std::size_t row) { return sample_json(nn::Inspector(t).inspect(row)); }
inline Json explain(nn::Trainer& t, std::size_t row, std::size_t layer, std::size_t from, std::size_t to) {
  return chain_json(nn::Inspector(t).explain(row, layer, from, to));
}
inline Json spec(nn::Trainer& t, std::size_t row) { return spec_json(nn::Inspector(t).spec(row)); }
inline Json batch_spec(nn::Trainer& t, std::size_t count) { return spec_json(nn::Inspector(t).batch_spec(count)); }
inline Json describe(nn::Trainer& t) { return description_json(nn::Inspector(t).describe()); }

}  // namespace bp::wire
