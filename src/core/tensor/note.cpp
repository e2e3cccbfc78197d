// The note table of note.hpp. A parameter name is the run of lowercase letters after '$' ("$out_{nj}" names
// "out"); templates must use exactly the parameters their rows pass (tests/cpp/note_test.cpp checks both ways).
#include "core/tensor/note.hpp"

#include <stdexcept>

namespace bp::tensor {
namespace {

constexpr std::array<NoteText, kNoteCount> kNotes = {{
    {NoteKey::Upstream, "upstream", "\\text{times the upstream } d$out = $g"},
    {NoteKey::AddRows, "add_rows", "$b \\text{ is added to every row}"},
    {NoteKey::BatchSum, "batch_sum", "\\text{the batch sum: } d$b_{j} = \\sum_{n} d$out_{nj}"},
    {NoteKey::Activation, "activation", "$f(z) = $rule \\text{ for each entry}"},
    {NoteKey::ActivationSlope, "activation_slope", "$f'(z) = $rule, \\; a = $f(z) \\text{ for each entry}"},
    {NoteKey::Softmax, "softmax", "P_{nj} = e^{$z_{nj}} / \\sum_k e^{$z_{nk}} \\text{ row by row}"},
    {NoteKey::OneHot, "one_hot", "Y \\text{ one-hot: } Y_{nj} = [j = y_n]"},
    {NoteKey::MaxRoute, "max_route",
     "\\text{each upstream cell goes to the input cell that won its window; the others get } 0"},
    {NoteKey::AvgSpread, "avg_spread", "\\text{each upstream cell is shared equally by its window}"},
    {NoteKey::CrossCorrelation, "cross_correlation",
     "\\star \\text{ is cross-correlation: } $out_{ij} = \\sum_{u,v} $x_{i+u, j+v} $k_{uv}"},
    {NoteKey::ConvInputGrad, "conv_input_grad", "\\text{the full convolution of the upstream with the flipped kernel}"},
    {NoteKey::ConvKernelGrad, "conv_kernel_grad", "\\text{the correlation of the input with the upstream}"},
    {NoteKey::PerChannel, "per_channel", "\\text{each channel of each example on its own}"},
    {NoteKey::GridConv, "grid_conv",
     "$out_{n,o,i,j} = \\sum_{c,u,v} $x_{n,c,\\,i s+u-p,\\,j s+v-p}\\, $k_{o,c,u,v}, \\; s=$s, p=$p "
     "\\text{ (zeros outside)}"},
    {NoteKey::GridConvInputGrad, "grid_conv_input_grad",
     "\\text{the full convolution of the upstream with the flipped kernel, summed over output channels}"},
    {NoteKey::GridConvKernelGrad, "grid_conv_kernel_grad",
     "\\text{the correlation of the input with the upstream, summed over the batch}"},
    {NoteKey::ChannelBias, "channel_bias", "$b_{c} \\text{ is added to every pixel of channel } c"},
    {NoteKey::ChannelBiasSum, "channel_bias_sum", "d$b_{c} = \\sum_{n,i,j} d$out_{n,c,i,j}"},
}};
// A missing row would be zero-filled (key Upstream) and fail this at compile time.
constexpr bool in_key_order() {
  for (std::size_t i = 0; i < kNoteCount; ++i) {
    if (static_cast<std::size_t>(kNotes[i].key) != i) return false;
  }
  return true;
}
static_assert(in_key_order(), "one note per NoteKey, in NoteKey order");

bool is_name_char(char c) { return c >= 'a' && c <= 'z'; }

// Calls piece(text) for literal text and param(name) for each $name of `latex`, in order.
template <class Piece, class Param>
void walk(const std::string& latex, Piece piece, Param param) {
  for (std::size_t i = 0; i < latex.size();) {
    if (latex[i] == '$' && i + 1 < latex.size() && is_name_char(latex[i + 1])) {
      std::size_t end = i + 1;
      while (end < latex.size() && is_name_char(latex[end])) ++end;
      param(latex.substr(i + 1, end - i - 1));
      i = end;
    } else {
      piece(latex[i++]);
    }
  }
}

}  // namespace

const std::array<NoteText, kNoteCount>& note_texts() { return kNotes; }

const NoteText& note_text(NoteKey key) { return note_texts()[static_cast<std::size_t>(key)]; }

std::vector<std::string> note_params(const NoteText& text) {
  std::vector<std::string> names;
  walk(text.latex, [](char) {}, [&](const std::string& name) {
    for (const std::string& known : names) if (known == name) return;
    names.push_back(name);
  });
  return names;
}

std::string note_latex(const Note& note) {
  std::string out;
  walk(note_text(note.key).latex, [&](char c) { out += c; }, [&](const std::string& name) {
    for (const auto& [key, value] : note.params) {
      if (key == name) {
        out += value;
        return;
      }
    }
    throw std::logic_error(std::string("note ") + note_text(note.key).name + ": no parameter " + name);
  });
  return out;
}

}  // namespace bp::tensor
