// What the engine can do, described by the engine: the scalar ops, tensor activations, losses, optimisers,
// datasets, limits and the learning-rate ladder, as one JSON object (the shape is written out in capabilities.cpp).
// Pages, widgets and the CLI read this instead of keeping their own copies. Read-only: it configures nothing.
#pragma once
#include <nlohmann/json.hpp>

namespace bp {

nlohmann::json capabilities();

}  // namespace bp
