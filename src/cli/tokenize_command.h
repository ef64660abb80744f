#pragma once
// `mteval tokenize` arguments: the parser that fills a TokenizeRequest (app/tokenize.h).

#include <string>
#include <vector>

#include "app/tokenize.h"

namespace mteval {

TokenizeRequest ParseTokenizeArgs(const std::vector<std::string>& args);
std::string TokenizeHelp();

}  // namespace mteval
