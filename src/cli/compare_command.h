#pragma once
// `mteval compare` arguments: the parser that fills a CompareRequest (app/compare.h).

#include <string>
#include <vector>

#include "app/compare.h"

namespace mteval {

CompareRequest ParseCompareArgs(const std::vector<std::string>& args);
std::string CompareHelp();

}  // namespace mteval
