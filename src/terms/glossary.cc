#include <mteval/terminology.h>

#include <unicode/uloc.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_set>
#include <pugixml.hpp>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "corpus/reader_util.h"
#include "corpus/xml_document.h"
#include "text/case.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

[[noreturn]] void Bad(const std::string& where, const std::string& what) {
  throw Error(ErrorKind::kInput, where + ": " + what);
}

std::string Trim(std::string_view s) { return std::string(PyStrip(s)); }

std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string PrimarySubtag(const std::string& code) {
  return AsciiLower(code.substr(0, code.find_first_of("-_")));
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void CheckLanguage(const std::string& code, const std::string& where) {
  if (!code.empty() && !IsKnownLanguageCode(code))
    Bad(where, "unknown language code '" + code + "'; expected an ISO 639 code such as en, zh, fr or pt-BR");
}

std::vector<std::string> SplitVariants(const std::string& cell, const std::string& where, const char* what) {
  std::vector<std::string> out;
  if (Trim(cell).empty()) return out;
  size_t b = 0;
  for (;;) {
    size_t e = cell.find('|', b);
    std::string v = Trim(std::string_view(cell).substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (v.empty()) Bad(where, std::string("empty ") + what + " variant in '" + cell + "'; expected forms separated by '|'");
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    if (e == std::string::npos) return out;
    b = e + 1;
  }
}

// Adds `e` unless the same source term is already there: identical variants
// are merged silently, different ones are an error naming both places.
void AddEntry(Glossary* g, GlossaryEntry e, std::map<std::string, size_t>* seen) {
  std::string key = (e.case_sensitive ? "1" : "0") + (e.case_sensitive ? e.source : PyLower(e.source));
  auto it = seen->find(key);
  if (it != seen->end()) {
    const GlossaryEntry& old = g->entries[it->second];
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    if (sorted(old.allowed) == sorted(e.allowed) && sorted(old.forbidden) == sorted(e.forbidden)) return;
    Bad(e.origin, "duplicate entry for source term '" + e.source + "' (first defined at " + old.origin +
                      ") with different target variants; merge the two entries into one");
  }
  seen->emplace(key, g->entries.size());
  g->entries.push_back(std::move(e));
}

// RFC 4180-style split of one line (delimiter, double quotes).
std::vector<std::string> SplitCells(std::string_view line, char delim, const std::string& where) {
  std::vector<std::string> cells(1);
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cells.back().push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cells.back().push_back(c);
      }
    } else if (c == '"' && Trim(cells.back()).empty() && !was_quoted) {
      cells.back().clear();
      quoted = was_quoted = true;
    } else if (c == delim) {
      cells.emplace_back();
      was_quoted = false;
    } else {
      cells.back().push_back(c);
    }
  }
  if (quoted) Bad(where, "unterminated quoted cell; expected a closing '\"'");
  return cells;
}

bool ParseCase(const std::string& cell, const std::string& where) {
  std::string v = AsciiLower(Trim(cell));
  if (v.empty() || v == "no" || v == "ci" || v == "false" || v == "0" || v == "case-insensitive") return false;
  if (v == "yes" || v == "cs" || v == "true" || v == "1" || v == "case-sensitive") return true;
  Bad(where, "bad case-sensitivity value '" + cell + "'; expected yes/cs/true or no/ci/false");
}

}  // namespace

bool IsKnownLanguageCode(const std::string& code) {
  // ICU's ISO 639 codes, two-letter and three-letter ("fra", "zho"), gathered
  // once: a TBX file asks for every language section.
  static const std::unordered_set<std::string> known = [] {
    std::unordered_set<std::string> codes;
    for (const char* const* p = uloc_getISOLanguages(); *p != nullptr; ++p) {
      codes.insert(*p);
      codes.insert(uloc_getISO3Language(*p));
    }
    return codes;
  }();
  std::string primary = PrimarySubtag(code);
  return primary.size() >= 2 && primary.size() <= 3 && known.count(primary) != 0;
}

Glossary ParseDelimitedGlossary(std::string_view content, const std::string& name, char delimiter) {
  content = SkipUtf8Bom(content);
  if (FindInvalidUtf8(content) != std::string_view::npos)
    Bad(name, "invalid UTF-8; convert the glossary to UTF-8 (e.g. with iconv)");
  Glossary g;
  g.path = name;
  std::map<std::string, size_t> seen;
  std::vector<std::string> lines = SplitLines(content, name, false);
  bool first_content = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string where = name + ":" + std::to_string(i + 1);
    std::string_view line = lines[i];
    std::string_view stripped = PyStrip(line);
    if (stripped.empty()) continue;
    if (stripped[0] == '#') {
      std::string_view rest = PyStrip(stripped.substr(1));
      if (rest.rfind("languages:", 0) == 0) {
        std::vector<std::string_view> langs = PySplit(rest.substr(10));
        if (langs.size() != 2) Bad(where, "expected '# languages: SRC TGT'");
        g.src_lang = std::string(langs[0]);
        g.tgt_lang = std::string(langs[1]);
        CheckLanguage(g.src_lang, where);
        CheckLanguage(g.tgt_lang, where);
      }
      continue;
    }
    std::vector<std::string> cells = SplitCells(line, delimiter, where);
    if (first_content && AsciiLower(Trim(cells[0])) == "source") {
      first_content = false;
      continue;
    }
    first_content = false;
    if (cells.size() < 2)
      Bad(where, std::string("expected at least 2 ") + (delimiter == '\t' ? "tab" : "comma") +
                     "-separated columns (source term, allowed target variants), found 1");
    if (cells.size() > 5)
      Bad(where, "expected at most 5 columns (source, allowed, forbidden, case, note), found " +
                     std::to_string(cells.size()));
    GlossaryEntry e;
    e.origin = where;
    e.source = Trim(cells[0]);
    if (e.source.empty()) Bad(where, "empty source term; expected the source term in column 1");
    e.allowed = SplitVariants(cells[1], where, "allowed");
    if (e.allowed.empty()) Bad(where, "no allowed target variant for '" + e.source + "'; expected them in column 2");
    if (cells.size() > 2) e.forbidden = SplitVariants(cells[2], where, "forbidden");
    for (const std::string& f : e.forbidden)
      if (std::find(e.allowed.begin(), e.allowed.end(), f) != e.allowed.end())
        Bad(where, "'" + f + "' is both allowed and forbidden for '" + e.source + "'");
    if (cells.size() > 3) e.case_sensitive = ParseCase(cells[3], where);
    if (cells.size() > 4) e.note = Trim(cells[4]);
    AddEntry(&g, std::move(e), &seen);
  }
  return g;
}

namespace {

struct TbxTerm {
  std::string text;
  int status = 1;  // 0 preferred, 1 admitted/none, 2 forbidden
  std::string lang;
};

std::string LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

}  // namespace

Glossary ParseTbxGlossary(std::string_view content, const std::string& name, const std::string& src_lang_in,
                          const std::string& tgt_lang_in) {
  XmlDocument xml;
  ParseXmlDocument(content, name, pugi::parse_default, &xml);
  const LineIndex lines(xml.content);
  auto where = [&](const pugi::xml_node& n) {
    return name + ":" + std::to_string(lines.LineAt(static_cast<size_t>(n.offset_debug()))) + ": <" + n.name() + ">";
  };
  pugi::xml_node root = xml.doc.document_element();
  std::string root_name = LocalName(root.name());
  if (root_name != "martif" && root_name != "tbx")
    Bad(where(root), "not a TBX file; expected the root element <tbx> (TBX v3) or <martif> (TBX-Basic, TBX v2)");
  Glossary g;
  g.path = name;
  g.src_lang = src_lang_in.empty() ? root.attribute("xml:lang").value() : src_lang_in;
  g.tgt_lang = tgt_lang_in;
  CheckLanguage(g.src_lang, where(root));
  CheckLanguage(g.tgt_lang, name);

  // Collect concepts first, checking every language code.
  std::vector<pugi::xml_node> concepts;
  std::vector<std::string> langs;
  for (pugi::xpath_node x : root.select_nodes("//*[local-name()='termEntry' or local-name()='conceptEntry']"))
    concepts.push_back(x.node());
  if (concepts.empty()) Bad(where(root), "no <termEntry> or <conceptEntry> elements; expected at least one concept");
  for (const pugi::xml_node& c : concepts)
    for (pugi::xml_node ls : c.children()) {
      std::string ln = LocalName(ls.name());
      if (ln != "langSet" && ln != "langSec") continue;
      std::string lang = ls.attribute("xml:lang").value();
      if (lang.empty()) Bad(where(ls), "missing xml:lang; expected <" + ln + " xml:lang=\"CODE\">");
      CheckLanguage(lang, where(ls));
      if (std::find(langs.begin(), langs.end(), PrimarySubtag(lang)) == langs.end()) langs.push_back(PrimarySubtag(lang));
    }
  if (g.src_lang.empty() || g.tgt_lang.empty()) {
    std::vector<std::string> others;
    for (const auto& l : langs)
      if (g.src_lang.empty() || l != PrimarySubtag(g.src_lang)) others.push_back(l);
    if (!g.src_lang.empty() && others.size() == 1) {
      g.tgt_lang = others[0];
    } else {
      std::string list;
      for (const auto& l : langs) list += (list.empty() ? "" : ", ") + l;
      throw Error(ErrorKind::kUsage, name + ": cannot tell the source and target languages of the TBX (languages: " +
                                         list + "); give --src-lang and --tgt-lang");
    }
  }
  std::string src = PrimarySubtag(g.src_lang), tgt = PrimarySubtag(g.tgt_lang);

  // Compiled once: each concept asks them.
  const pugi::xpath_query notes(".//*[local-name()='descrip' or local-name()='note']");
  const pugi::xpath_query term_element(".//*[local-name()='term']");
  const pugi::xpath_query descendants(".//*");
  std::map<std::string, size_t> seen;
  for (const pugi::xml_node& c : concepts) {
    std::vector<TbxTerm> terms;
    std::string note;
    for (pugi::xpath_node x : c.select_nodes(notes)) {
      if (note.empty()) note = Trim(x.node().child_value());
    }
    for (pugi::xml_node ls : c.children()) {
      std::string ln = LocalName(ls.name());
      if (ln != "langSet" && ln != "langSec") continue;
      std::string lang = PrimarySubtag(ls.attribute("xml:lang").value());
      if (lang != src && lang != tgt) continue;
      for (pugi::xml_node ts : ls.children()) {
        std::string tn = LocalName(ts.name());
        if (tn != "tig" && tn != "ntig" && tn != "termSec") continue;
        pugi::xml_node term = ts.select_node(term_element).node();
        if (!term) Bad(where(ts), "no <term>; expected <" + tn + "><term>...</term></" + tn + ">");
        TbxTerm t;
        t.lang = lang;
        t.text = Trim(term.text().get());
        if (t.text.empty()) Bad(where(term), "empty term; expected the term's text");
        for (pugi::xpath_node s : ts.select_nodes(descendants)) {
          pugi::xml_node n = s.node();
          bool is_status = LocalName(n.name()) == "administrativeStatus" ||
                           (LocalName(n.name()) == "termNote" &&
                            std::string(n.attribute("type").value()) == "administrativeStatus");
          if (!is_status) continue;
          std::string v = AsciiLower(Trim(n.text().get()));
          if (v.find("preferred") != std::string::npos) t.status = 0;
          else if (v.find("admitted") != std::string::npos) t.status = 1;
          else if (v.find("deprecated") != std::string::npos || v.find("superseded") != std::string::npos) t.status = 2;
          else
            Bad(where(n), "unknown administrativeStatus '" + v +
                              "'; expected preferred, admitted, deprecated or superseded (e.g. preferredTerm-admn-sts)");
        }
        terms.push_back(std::move(t));
      }
    }
    std::vector<const TbxTerm*> targets;
    for (const TbxTerm& t : terms)
      if (t.lang == tgt) targets.push_back(&t);
    std::stable_sort(targets.begin(), targets.end(), [](const TbxTerm* a, const TbxTerm* b) { return a->status < b->status; });
    bool any_source = false;
    for (const TbxTerm& s : terms) {
      if (s.lang != src || s.status == 2) continue;
      any_source = true;
      GlossaryEntry e;
      e.origin = where(c);
      e.source = s.text;
      e.note = note;
      for (const TbxTerm* t : targets) {
        auto& list = t->status == 2 ? e.forbidden : e.allowed;
        if (std::find(list.begin(), list.end(), t->text) == list.end()) list.push_back(t->text);
      }
      if (e.allowed.empty())
        Bad(e.origin, "concept with source term '" + e.source + "' has no preferred or admitted " + tgt +
                          " term; expected at least one");
      AddEntry(&g, std::move(e), &seen);
    }
    (void)any_source;
  }
  return g;
}

void RequireGlossaryEntries(const Glossary& g, const std::string& how_to_allow) {
  if (!g.entries.empty()) return;
  Bad(g.path, "the glossary has no entries (only comments, blank lines or a header), so no term can be checked; "
              "add entries" + (how_to_allow.empty() ? std::string() : ", or " + how_to_allow));
}

Glossary ReadGlossary(const std::string& path, const std::string& src_lang, const std::string& tgt_lang) {
  std::string lower = AsciiLower(path);
  std::string bytes = ReadFileBytes(path);
  Glossary g;
  if (EndsWith(lower, ".tbx") || EndsWith(lower, ".xml")) {
    g = ParseTbxGlossary(bytes, path, src_lang, tgt_lang);
  } else if (EndsWith(lower, ".csv")) {
    g = ParseDelimitedGlossary(bytes, path, ',');
  } else {
    g = ParseDelimitedGlossary(bytes, path, '\t');
  }
  CheckLanguage(src_lang, "--src-lang");
  CheckLanguage(tgt_lang, "--tgt-lang");
  if (!src_lang.empty()) g.src_lang = src_lang;
  if (!tgt_lang.empty()) g.tgt_lang = tgt_lang;
  return g;
}

}  // namespace mteval
