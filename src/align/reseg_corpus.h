#pragma once
// Loading a corpus whose system outputs are segmented differently from the
// references (`mteval score --reseg`): each system output is read as free
// text and re-segmented (corpus/reseg.h) into the first reference stream's
// segments, so that every system has exactly one line per reference line.

#include "align/reseg.h"
#include "corpus/text_corpus.h"

namespace mteval {

// Reads the references as LoadTextCorpus does (including -nr) and each
// system output (standard input: one system) as free text, then cuts it into
// the first reference's segments. Errors as LoadTextCorpus and Resegment,
// and Error(kMismatch) for a system output without text (an empty system
// output fails without --reseg as well, on its line count).
TextCorpus LoadResegmentedCorpus(const TextCorpusOptions& options, const ResegOptions& reseg = {});

}  // namespace mteval
