// The size and range limits of the trainer config and of the drawn-network widget, named once: the checks use
// them (wire/trainer.cpp, datasets.cpp, wire/mlp.cpp for the widgets) and capabilities() reports them to the pages, so a
// page never copies a number the engine enforces. Not the formula limits: those live with the parser and graph.
#pragma once
#include <cstddef>
#include <cstdint>

namespace bp::nn::limits {

// Trainer config (trainer.hpp)
constexpr std::size_t kMaxHiddenLayers = 16;
constexpr std::size_t kMaxUnits = 4096;            // per hidden layer
constexpr std::size_t kMinSamples = 4, kMaxSamples = 100000;  // toy datasets
constexpr std::size_t kMaxBatch = 100000;
constexpr std::size_t kMinClasses = 2, kMaxClasses = 10;      // spiral
constexpr double kMaxNoise = 1;
constexpr double kMaxPenalty = 10;                 // l1 and l2
constexpr double kMaxTestFraction = 0.9;
constexpr std::size_t kMaxExtraPoints = 10000;
constexpr std::uint32_t kMaxSeed = 0xFFFFFFFFu;
constexpr double kMaxLearningRate = 1e6;           // optimizer.cpp

// A network drawn with every weight (<bp-network>, network_bindings.cpp): beyond these it stops being readable.
constexpr std::size_t kMaxDrawnLayers = 4;
constexpr std::size_t kMaxDrawnUnits = 8;     // per layer, inputs included
constexpr std::size_t kMaxDrawnSamples = 32;  // rows of x

// The tensor stepper (<bp-tensor-graph>, example_spec.hpp): every matrix drawn as a heat map, one row per example.
constexpr std::size_t kMaxTensorBatch = 16;
constexpr std::size_t kMaxTensorLayers = 8;   // weight layers
constexpr std::size_t kMaxTensorUnits = 64;   // per layer, inputs included (the 8×8 digits)
constexpr double kMaxInitScale = 10;          // the multiplier on the Glorot range

}  // namespace bp::nn::limits
