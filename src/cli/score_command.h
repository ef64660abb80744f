#pragma once
// `mteval score` arguments: the parser that fills a ScoreRequest (app/score.h).

#include <string>
#include <vector>

#include "app/score.h"

namespace mteval {

// Parses `mteval score` arguments (after the word "score").
ScoreRequest ParseScoreArgs(const std::vector<std::string>& args);
// Whether the arguments ask for the help (-h) or the version (-V), in any
// spelling the parser accepts; as in argparse, the first one read wins and
// arguments after it are not looked at.
enum class ScoreInfoRequest { kNone, kHelp, kVersion };
ScoreInfoRequest ScoreInfoRequested(const std::vector<std::string>& args);
std::string ScoreHelp();

}  // namespace mteval
