// The seeded datasets the tutor trains on: five 2-D toy problems in the style of TensorFlow Playground and
// cs231n (circle, xor, gauss, spiral, moons) and the real 8×8 handwritten digits (UCI ML repository, optdigits
// test set, Alpaydin & Kaynak; CC BY 4.0), which arrive as numbers decoded by the wire: the core does no I/O.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bp::nn {

struct Dataset {
  std::string name;
  std::size_t n = 0, d = 0, classes = 0;
  std::vector<double> x;  // (n, d) row-major
  std::vector<int> y;     // class index per row
};

struct DatasetOptions {
  std::size_t samples = 300;  // total points of a toy dataset (spread evenly over the classes)
  double noise = 0.1;         // Gaussian noise (toy datasets), in units of the data's extent
  std::size_t classes = 3;    // spiral only
  std::uint32_t seed = 1;
};

const std::vector<std::string>& toy_dataset_names();  // circle, xor, gauss, spiral, moons
const std::vector<std::string>& dataset_names();      // the toy names, then "digits" and "custom"
// The digits: 8×8 images (d = 64 in the shipped file, which is what sets d), ten classes.
constexpr std::size_t kDigitsSide = 8, kDigitsClasses = 10;
// A toy dataset, rows shuffled once with the seed (so minibatches mix the classes). InputError for a bad name.
Dataset toy_dataset(const std::string& name, const DatasetOptions& options);
// The digits as scikit-learn's export holds them (read by wire/trainer.cpp): n images of d pixels in
// [0, pixel_max], labels 0..9. Pixels scaled to [0, 1], rows shuffled with `seed`; InputError for bad sizes.
Dataset digits_dataset(std::size_t n, std::size_t d, double pixel_max, const std::vector<double>& pixels,
                       const std::vector<int>& labels, std::uint32_t seed);

}  // namespace bp::nn
