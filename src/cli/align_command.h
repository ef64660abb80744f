#pragma once
// `mteval align` arguments: the parser that fills an AlignRequest (app/align.h).

#include <string>
#include <vector>

#include "app/align.h"

namespace mteval {

// Parses `mteval align` arguments (after the word "align").
AlignRequest ParseAlignArgs(const std::vector<std::string>& args);
std::string AlignHelp();

}  // namespace mteval
