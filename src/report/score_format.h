#pragma once
// Formats scores exactly as sacreBLEU's Score.format() and its result
// printers do, plus mteval's statistics fields in JSON.

#include <string>
#include <vector>

#include "metric/metric.h"

namespace mteval {

// f"{score:.{width}f}"
std::string FormatFixedWidth(double value, int width);

// "NAME|SIGNATURE = SCORE VERBOSE" (sacreBLEU's text line).
std::string FormatScoreText(const MetricScore& score, const std::string& signature, int width);

// sacreBLEU's JSON object (json.dumps(indent=1)): name, score rounded to
// `width`, signature, verbose_score, the signature's fields, then mteval's
// statistics fields.
std::string FormatScoreJson(const MetricScore& score, const Signature& signature, int width);

// sacreBLEU's print_single_results: one line for one result, or lines
// right-aligned on their first '=' for several.
std::string AlignScoreLines(const std::vector<std::string>& lines);

// sacreBLEU prints several JSON results as "[\n" + ",\n".join(objs) + "\n]".
std::string JoinJsonObjects(const std::vector<std::string>& objects);

}  // namespace mteval
