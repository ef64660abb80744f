#pragma once
// Small inline-SVG chart writers for the HTML report: no scripts, no
// external resources; every label is escaped. Each chart is one <svg>
// element with class "chart" and a data-chart attribute naming it, and a
// <title> for accessibility.

#include <optional>
#include <string>
#include <vector>

#include <mteval/report_data.h>

namespace mteval {

// Colour of series `i` (a fixed 12-colour palette, cycled).
std::string SeriesColor(size_t i);

struct SvgBar {
  std::string label;
  double value = 0.0;
  std::optional<ConfidenceInterval> ci;  // drawn as a whisker when present
  bool highlight = false;                // the baseline
};

// One bar per system with optional CI whiskers.
std::string SvgBarChart(const std::string& id, const std::string& title, const std::string& y_label,
                        const std::vector<SvgBar>& bars);

// Groups of bars (one group per bucket, one bar per series).
std::string SvgGroupedBarChart(const std::string& id, const std::string& title, const std::string& y_label,
                               const std::vector<std::string>& series, const std::vector<Bucket>& groups);

// One horizontal box (min, q1, median, q3, max, mean marker) per series;
// a vertical zero line when `zero_line`.
std::string SvgBoxPlot(const std::string& id, const std::string& title, const std::string& x_label,
                       const std::vector<std::string>& series, const std::vector<Summary>& boxes, bool zero_line);

}  // namespace mteval
