#pragma once
// `mteval terms` arguments: the parser that fills a TermsRequest (app/terms.h).

#include <string>
#include <vector>

#include "app/terms.h"

namespace mteval {

// Parses `mteval terms` arguments (after the word "terms").
TermsRequest ParseTermsArgs(const std::vector<std::string>& args);
std::string TermsHelp();

}  // namespace mteval
