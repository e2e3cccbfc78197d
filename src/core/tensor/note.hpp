// The side notes of the matrix rules ("b is added to every row"), as keys with parameters rather than English
// text, so that every page can say them in its reader's language: the wire sends {"key", "params"} and each
// web catalog (web/src/i18n/tensor.js ENGINE_NOTES) holds one template per key. The engine's own template is
// the English LaTeX it also writes out (the rule's "where"), with $name where a parameter goes.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace bp::tensor {

enum class NoteKey {
  Upstream, AddRows, BatchSum, Activation, ActivationSlope, Softmax, OneHot, MaxRoute, AvgSpread,
  CrossCorrelation, ConvInputGrad, ConvKernelGrad, PerChannel, GridConv, GridConvInputGrad, GridConvKernelGrad,
  ChannelBias, ChannelBiasSum,
  Count  // not a note: the size of the table
};

struct NoteText {
  NoteKey key;
  const char* name;   // "add_rows": the key on the wire and in the catalogs
  const char* latex;  // "$b \\text{ is added to every row}": math, \text{words} and $parameters
};

constexpr std::size_t kNoteCount = static_cast<std::size_t>(NoteKey::Count);

// Every note, in NoteKey order (what capabilities() lists and the catalog test checks).
const std::array<NoteText, kNoteCount>& note_texts();
const NoteText& note_text(NoteKey key);
// The parameter names of a template, in order of first use ("b", "out").
std::vector<std::string> note_params(const NoteText& text);

struct Note {
  NoteKey key;
  std::vector<std::pair<std::string, std::string>> params;  // name -> LaTeX (a node's name, a number)
};

// The template with each $name replaced by its parameter (one pass: a parameter's text is never rescanned).
std::string note_latex(const Note& note);

}  // namespace bp::tensor
