#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "text/escape.h"

namespace mteval {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A "nice" axis step for the range.
double NiceStep(double range, int ticks) {
  if (range <= 0) return 1;
  double raw = range / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double r = raw / mag;
  double nice = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
  return nice * mag;
}

// The smallest multiple of `step` >= v, ignoring rounding noise such as
// 100.00000000000001.
double CeilTo(double v, double step) { return std::ceil(v / step - 1e-9) * step; }

std::string Open(const std::string& id, const std::string& title, int w, int h) {
  return "<svg class=\"chart\" data-chart=\"" + EscapeAttribute(id) + "\" xmlns=\"http://www.w3.org/2000/svg\" " +
         "viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) + "\" width=\"" + std::to_string(w) +
         "\" height=\"" + std::to_string(h) + "\" role=\"img\"><title>" + EscapeHtml(title) + "</title>" +
         "<text class=\"ct\" x=\"" + std::to_string(w / 2) + "\" y=\"16\" text-anchor=\"middle\">" + EscapeHtml(title) +
         "</text>";
}

std::string Text(double x, double y, const std::string& s, const char* anchor, const char* cls = "al") {
  return "<text class=\"" + std::string(cls) + "\" x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" + anchor +
         "\">" + EscapeHtml(s) + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, const char* cls) {
  return "<line class=\"" + std::string(cls) + "\" x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) +
         "\" y2=\"" + Num(y2) + "\"/>";
}

std::string Rect(double x, double y, double w, double h, const std::string& fill, const std::string& tip) {
  return "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(std::max(w, 0.0)) + "\" height=\"" +
         Num(std::max(h, 0.0)) + "\" fill=\"" + fill + "\"><title>" + EscapeHtml(tip) + "</title></rect>";
}

std::string Shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

// Vertical value axis with gridlines from lo to hi.
std::string YAxis(double lo, double hi, double x0, double x1, double y_top, double y_bottom, const std::string& label) {
  std::string out;
  double step = NiceStep(hi - lo, 5);
  int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-6; v += step) {
    double y = y_bottom - (v - lo) / (hi - lo) * (y_bottom - y_top);
    out += Line(x0, y, x1, y, "grid");
    out += Text(x0 - 4, y + 4, Fixed(v, decimals), "end");
  }
  out += "<text class=\"al\" transform=\"translate(12," + Num((y_top + y_bottom) / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + EscapeHtml(label) + "</text>";
  return out;
}

}  // namespace

std::string SeriesColor(size_t i) {
  static const char* kPalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                                   "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#17becf", "#8c564b"};
  return kPalette[i % 12];
}

std::string SvgBarChart(const std::string& id, const std::string& title, const std::string& y_label,
                        const std::vector<SvgBar>& bars) {
  size_t longest = 1;
  for (const auto& b : bars) longest = std::max(longest, std::min<size_t>(b.label.size(), 18));
  // Room for the labels, rotated by 40 degrees.
  const int label_h = 18 + static_cast<int>(longest * 4.2);
  const int w = std::max<int>(360, 90 + static_cast<int>(bars.size()) * 48), h = 210 + label_h;
  const double x0 = 56, x1 = w - 10, y_top = 30, y_bottom = h - label_h;
  double hi = 0, lo = 0;
  for (const auto& b : bars) {
    hi = std::max(hi, b.ci ? std::max(b.value, b.ci->upper) : b.value);
    lo = std::min(lo, b.ci ? std::min(b.value, b.ci->lower) : b.value);
  }
  hi = hi <= lo ? lo + 1 : hi + (hi - lo) * 0.05;
  hi = CeilTo(hi, NiceStep(hi - lo, 5));
  auto Y = [&](double v) { return y_bottom - (v - lo) / (hi - lo) * (y_bottom - y_top); };
  std::string out = Open(id, title, w, h);
  out += YAxis(lo, hi, x0, x1, y_top, y_bottom, y_label);
  const double slot = (x1 - x0) / std::max<size_t>(bars.size(), 1);
  for (size_t i = 0; i < bars.size(); ++i) {
    const SvgBar& b = bars[i];
    double cx = x0 + slot * (i + 0.5), bw = slot * 0.64;
    std::string tip = b.label + ": " + Fixed(b.value, 2);
    if (b.ci) tip += " (95% CI " + Fixed(b.ci->lower, 2) + "-" + Fixed(b.ci->upper, 2) + ")";
    out += Rect(cx - bw / 2, std::min(Y(b.value), Y(0)), bw, std::fabs(Y(0) - Y(b.value)),
                b.highlight ? "#9aa7b8" : SeriesColor(0), tip);
    // The value sits above the bar, or above the whisker when there is one.
    out += Text(cx, Y(b.ci ? std::max(b.value, b.ci->upper) : b.value) - 4, Fixed(b.value, 1), "middle", "vl");
    if (b.ci) {
      out += Line(cx, Y(b.ci->lower), cx, Y(b.ci->upper), "whisker");
      out += Line(cx - 5, Y(b.ci->lower), cx + 5, Y(b.ci->lower), "whisker");
      out += Line(cx - 5, Y(b.ci->upper), cx + 5, Y(b.ci->upper), "whisker");
    }
    out += "<text class=\"al\" transform=\"translate(" + Num(cx + 4) + "," + Num(y_bottom + 10) +
           ") rotate(-40)\" text-anchor=\"end\">" + EscapeHtml(Shorten(b.label, 18)) + "</text>";
  }
  out += Line(x0, Y(0), x1, Y(0), "axis");
  return out + "</svg>";
}

std::string SvgGroupedBarChart(const std::string& id, const std::string& title, const std::string& y_label,
                               const std::vector<std::string>& series, const std::vector<Bucket>& groups) {
  const size_t ns = std::max<size_t>(series.size(), 1);
  const int legend_rows = static_cast<int>((series.size() + 3) / 4);
  const int w = std::max<int>(480, 80 + static_cast<int>(groups.size() * (ns * 9 + 16))),
            h = 272 + legend_rows * 16;
  const double x0 = 56, x1 = w - 10, y_top = 30, y_bottom = 230;
  double hi = 0;
  for (const auto& g : groups) {
    for (const auto& v : g.values) {
      if (v) hi = std::max(hi, *v);
    }
  }
  double step = NiceStep(hi <= 0 ? 1 : hi, 5);
  hi = std::max(step, CeilTo(hi, step));
  auto Y = [&](double v) { return y_bottom - v / hi * (y_bottom - y_top); };
  std::string out = Open(id, title, w, h);
  out += YAxis(0, hi, x0, x1, y_top, y_bottom, y_label);
  const double slot = (x1 - x0) / std::max<size_t>(groups.size(), 1);
  const double bw = slot * 0.8 / ns;
  for (size_t g = 0; g < groups.size(); ++g) {
    double gx = x0 + slot * g + slot * 0.1;
    for (size_t s = 0; s < groups[g].values.size(); ++s) {
      if (!groups[g].values[s]) continue;
      double v = std::max(0.0, *groups[g].values[s]);
      std::string name = s < series.size() ? series[s] : "";
      out += Rect(gx + bw * s, Y(v), bw * 0.92, y_bottom - Y(v), SeriesColor(s),
                  name + ", " + groups[g].label + ": " + Fixed(*groups[g].values[s], 2));
    }
    out += Text(x0 + slot * (g + 0.5), y_bottom + 14, groups[g].label, "middle");
    out += Text(x0 + slot * (g + 0.5), y_bottom + 26, "n=" + std::to_string(groups[g].count), "middle", "al small");
  }
  out += Line(x0, y_bottom, x1, y_bottom, "axis");
  const double colw = (w - 20) / 4.0;
  for (size_t s = 0; s < series.size(); ++s) {
    double lx = 10 + colw * (s % 4), ly = 262 + 16 * (s / 4);
    out += "<rect x=\"" + Num(lx) + "\" y=\"" + Num(ly) + "\" width=\"10\" height=\"10\" fill=\"" + SeriesColor(s) +
           "\"/>";
    out += Text(lx + 14, ly + 9, Shorten(series[s], 26), "start");
  }
  return out + "</svg>";
}

std::string SvgBoxPlot(const std::string& id, const std::string& title, const std::string& x_label,
                       const std::vector<std::string>& series, const std::vector<Summary>& boxes, bool zero_line) {
  const int row = 22;
  const int w = 640, h = 60 + static_cast<int>(series.size()) * row + 20;
  const double x0 = 150, x1 = w - 16, y_top = 28;
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (const auto& b : boxes) {
    if (b.count == 0) continue;
    lo = std::min(lo, b.min);
    hi = std::max(hi, b.max);
  }
  if (!(lo < hi)) {
    lo = std::isfinite(lo) ? lo - 1 : 0;
    hi = std::isfinite(hi) ? hi + 1 : 1;
  }
  auto X = [&](double v) { return x0 + (v - lo) / (hi - lo) * (x1 - x0); };
  std::string out = Open(id, title, w, h);
  const double y_bottom = y_top + series.size() * row;
  double step = NiceStep(hi - lo, 6);
  int decimals = step >= 1 ? 0 : 1;
  for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-6; v += step) {
    out += Line(X(v), y_top, X(v), y_bottom, "grid");
    out += Text(X(v), y_bottom + 14, Fixed(v, decimals), "middle");
  }
  if (zero_line && lo < 0 && hi > 0) out += Line(X(0), y_top - 4, X(0), y_bottom, "zero");
  out += Text((x0 + x1) / 2, y_bottom + 32, x_label, "middle");
  for (size_t s = 0; s < series.size() && s < boxes.size(); ++s) {
    const Summary& b = boxes[s];
    double cy = y_top + row * (s + 0.5);
    out += Text(x0 - 6, cy + 4, Shorten(series[s], 22), "end");
    if (b.count == 0) {
      out += Text(x0 + 4, cy + 4, "(baseline)", "start", "al small");
      continue;
    }
    std::string tip = series[s] + ": min " + Fixed(b.min, 1) + ", Q1 " + Fixed(b.q1, 1) + ", median " +
                      Fixed(b.median, 1) + ", Q3 " + Fixed(b.q3, 1) + ", max " + Fixed(b.max, 1) + ", mean " +
                      Fixed(b.mean, 2);
    out += Line(X(b.min), cy, X(b.q1), cy, "whisker");
    out += Line(X(b.q3), cy, X(b.max), cy, "whisker");
    out += Line(X(b.min), cy - 5, X(b.min), cy + 5, "whisker");
    out += Line(X(b.max), cy - 5, X(b.max), cy + 5, "whisker");
    out += "<rect x=\"" + Num(X(b.q1)) + "\" y=\"" + Num(cy - 7) + "\" width=\"" +
           Num(std::max(1.0, X(b.q3) - X(b.q1))) + "\" height=\"14\" fill=\"" + SeriesColor(s) +
           "\" fill-opacity=\"0.55\" stroke=\"" + SeriesColor(s) + "\"><title>" + EscapeHtml(tip) + "</title></rect>";
    out += Line(X(b.median), cy - 7, X(b.median), cy + 7, "median");
    out += "<circle cx=\"" + Num(X(b.mean)) + "\" cy=\"" + Num(cy) + "\" r=\"2.5\" class=\"mean\"/>";
  }
  return out + "</svg>";
}

}  // namespace mteval
