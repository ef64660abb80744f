#include <mteval/terminology.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <mteval/error.h>
#include "text/case.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);  // full-width
  return -1;
}

struct Number {
  std::string canonical;
  bool month = false;  // followed by 月
};

std::string Canonical(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return buf;
}

std::vector<Number> Numbers(const std::string& text) {
  std::vector<char32_t> cps;
  for (const char* p = text.data(); p < text.data() + text.size();) cps.push_back(DecodeUtf8(p));
  std::vector<Number> out;
  size_t i = 0;
  while (i < cps.size()) {
    if (DigitValue(cps[i]) < 0 || (i > 0 && (DigitValue(cps[i - 1]) >= 0))) {
      ++i;
      continue;
    }
    // groups of digits separated by single '.' or ','
    std::vector<std::string> groups(1);
    std::vector<char32_t> seps;
    size_t j = i;
    for (;;) {
      while (j < cps.size() && DigitValue(cps[j]) >= 0) groups.back().push_back(static_cast<char>('0' + DigitValue(cps[j++])));
      if (j + 1 < cps.size() && (cps[j] == '.' || cps[j] == ',' || cps[j] == 0xFF0C || cps[j] == 0xFF0E) &&
          DigitValue(cps[j + 1]) >= 0) {
        seps.push_back(cps[j] == 0xFF0C ? ',' : cps[j] == 0xFF0E ? '.' : cps[j]);
        groups.emplace_back();
        ++j;
        continue;
      }
      break;
    }
    // Thousands separators: every group after the first has 3 digits and all
    // separators are the same; the last separator is otherwise the decimal point.
    std::string digits;
    bool thousands = !seps.empty() && std::all_of(seps.begin(), seps.end(), [&](char32_t s) { return s == seps[0]; }) &&
                     std::all_of(groups.begin() + 1, groups.end(), [](const std::string& g) { return g.size() == 3; }) &&
                     (seps.size() > 1 || seps[0] == ',');
    for (size_t g = 0; g < groups.size(); ++g) {
      if (g > 0 && !(thousands) && g == groups.size() - 1) digits += '.';
      digits += groups[g];
    }
    double v = std::strtod(digits.c_str(), nullptr);
    // Scale words and characters.
    size_t k = j;
    while (k < cps.size() && IsPySpace(cps[k])) ++k;
    Number n;
    if (k < cps.size() && cps[k] == 0x4E07) v *= 1e4;        // 万
    else if (k < cps.size() && cps[k] == 0x4EBF) v *= 1e8;   // 亿
    else if (k < cps.size() && cps[k] == 0x6708) n.month = true;  // 月
    else {
      std::string word;
      for (size_t q = k; q < cps.size() && q < k + 10 && ((cps[q] | 0x20) >= 'a' && (cps[q] | 0x20) <= 'z'); ++q)
        word.push_back(static_cast<char>(cps[q] | 0x20));
      if (word == "thousand") v *= 1e3;
      else if (word == "million") v *= 1e6;
      else if (word == "billion") v *= 1e9;
    }
    n.canonical = Canonical(v);
    out.push_back(std::move(n));
    i = j;
  }
  return out;
}

const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                               "july",    "august",   "september", "october", "november", "december"};

void AddToGroup(std::vector<QaSegmentGroup>* groups, std::map<std::string, size_t>* index, const std::string& key,
                const std::string& seg_id, const std::string& variant) {
  auto it = index->find(key);
  if (it == index->end()) {
    it = index->emplace(key, groups->size()).first;
    groups->push_back(QaSegmentGroup{key, {}, {}});
  }
  QaSegmentGroup& g = (*groups)[it->second];
  g.seg_ids.push_back(seg_id);
  if (std::find(g.variants.begin(), g.variants.end(), variant) == g.variants.end()) g.variants.push_back(variant);
}

std::vector<QaSegmentGroup> KeepDiffering(std::vector<QaSegmentGroup> groups) {
  std::vector<QaSegmentGroup> out;
  for (auto& g : groups)
    if (g.variants.size() > 1) out.push_back(std::move(g));
  return out;
}

}  // namespace

std::vector<std::string> ExtractNumbers(const std::string& text) {
  std::vector<std::string> out;
  for (const Number& n : Numbers(text)) out.push_back(n.canonical);
  return out;
}

QaResult RunQaChecks(const SegmentedText& src, const SegmentedText& hyp) {
  if (src.segments.size() != hyp.segments.size())
    throw Error(ErrorKind::kMismatch, src.path + " has " + std::to_string(src.segments.size()) + " segments but " +
                                          hyp.path + " has " + std::to_string(hyp.segments.size()));
  QaResult out;
  std::vector<QaSegmentGroup> by_src, by_hyp;
  std::map<std::string, size_t> src_index, hyp_index;
  for (size_t i = 0; i < src.segments.size(); ++i) {
    const Segment& s = src.segments[i];
    const Segment& h = hyp.segments[i];
    std::string sn = PyNormalizeSpaces(s.text), hn = PyNormalizeSpaces(h.text);
    std::string id = s.doc_id.empty() ? s.seg_id : s.doc_id + ":" + s.seg_id;
    if (!sn.empty()) AddToGroup(&by_src, &src_index, sn, id, hn);
    if (!hn.empty()) AddToGroup(&by_hyp, &hyp_index, hn, id, sn);

    std::vector<Number> sn_nums = Numbers(s.text), hn_nums = Numbers(h.text);
    std::string lower_hyp = PyLower(h.text);
    std::vector<bool> taken(hn_nums.size(), false);
    QaNumberIssue issue;
    issue.segment = i;
    issue.doc_id = s.doc_id;
    issue.seg_id = s.seg_id;
    for (const Number& n : sn_nums) {
      bool found = false;
      for (size_t k = 0; k < hn_nums.size() && !found; ++k)
        if (!taken[k] && hn_nums[k].canonical == n.canonical) taken[k] = found = true;
      if (!found && n.month) {
        int m = std::atoi(n.canonical.c_str());
        found = m >= 1 && m <= 12 && lower_hyp.find(kMonths[m - 1]) != std::string::npos;
      }
      if (!found) issue.missing.push_back(n.canonical);
    }
    for (size_t k = 0; k < hn_nums.size(); ++k)
      if (!taken[k]) issue.unexpected.push_back(hn_nums[k].canonical);
    if (!issue.missing.empty()) out.numbers.push_back(std::move(issue));
  }
  out.same_source_different_translation = KeepDiffering(std::move(by_src));
  out.same_translation_different_source = KeepDiffering(std::move(by_hyp));
  return out;
}

}  // namespace mteval
