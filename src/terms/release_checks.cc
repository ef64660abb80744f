// Monolingual checks of a translated release (mteval/terminology.h,
// CheckRelease): acronyms, variants of one term, and a reviewer's
// typographic checks. Everything works on word tokens with byte spans, so
// every finding points back into the text.

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include "text/utf8.h"

namespace mteval {
namespace {

struct Token {
  size_t begin = 0, end = 0;  // bytes into the segment's text
  std::string text;           // as written
  std::string lower;          // ASCII-lowercased (enough for the keys below)
  bool word = false;          // letters/digits (with inner hyphens and apostrophes)
  bool sentence_start = false;
};

bool IsWordChar(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words (letters and digits, with single inner '-', '\'' or U+2019 between
// word characters) and single punctuation characters; spaces separate.
std::vector<Token> Tokenize(const std::string& text) {
  std::vector<Token> tokens;
  const char* p = text.data();
  const char* end = p + text.size();
  bool sentence_start = true;
  while (p < end) {
    const char* start = p;
    const char* q = p;
    char32_t c = DecodeUtf8(q);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
      p = q;
      continue;
    }
    Token t;
    t.begin = static_cast<size_t>(start - text.data());
    if (IsWordChar(c)) {
      p = q;
      while (p < end) {
        const char* r = p;
        char32_t d = DecodeUtf8(r);
        if (IsWordChar(d)) {
          p = r;
          continue;
        }
        if (d == '-' || d == '\'' || d == 0x2019) {
          const char* s = r;
          if (s < end && IsWordChar(DecodeUtf8(s))) {
            p = r;
            continue;
          }
        }
        break;
      }
      t.word = true;
    } else {
      p = q;
    }
    t.end = static_cast<size_t>(p - text.data());
    t.text = text.substr(t.begin, t.end - t.begin);
    t.lower = AsciiLower(t.text);
    t.sentence_start = t.word && sentence_start;
    if (t.word) {
      sentence_start = false;
    } else if (t.text == "." || t.text == "!" || t.text == "?" || t.text == ":") {
      sentence_start = true;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool IsRomanNumeral(const std::string& w) {
  return w.find_first_not_of("IVXLC") == std::string::npos;
}

// An acronym: 2 to 10 characters, at least two capital letters, no lowercase
// letter except a final plural 's' is not accepted either (kept simple).
bool IsAcronym(const std::string& w) {
  if (w.size() < 2 || w.size() > 10 || IsRomanNumeral(w)) return false;
  int upper = 0;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (!(c >= '0' && c <= '9') && c != '&' && c != '-') {
      return false;
    }
  }
  return upper >= 2 && w[0] >= 'A' && w[0] <= 'Z';
}

bool IsCapitalized(const std::string& w) {
  if (w.empty()) return false;
  const char* p = w.data();
  return u_isupper(static_cast<UChar32>(DecodeUtf8(p))) != 0;
}

const std::set<std::string>& StopWords() {
  static const std::set<std::string> words = {
      "a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with", "from", "as",
      "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "that", "this",
      "these", "those", "its", "their", "his", "her", "it", "they", "he", "she", "we", "also", "not"};
  return words;
}
bool IsStopWord(const std::string& lower) { return StopWords().count(lower) > 0; }
bool IsArticle(const std::string& lower) { return lower == "the" || lower == "a" || lower == "an"; }

// Schwartz & Hearst (2003): the shortest run of words ending `candidate` whose
// characters contain the short form's letters in order, the first one at the
// start of a word. Returns the byte offset in `candidate` where it starts, or
// npos.
size_t LongFormStart(const std::string& short_form, const std::string& candidate) {
  long s = static_cast<long>(short_form.size()) - 1;
  long l = static_cast<long>(candidate.size()) - 1;
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  while (s >= 0) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(short_form[static_cast<size_t>(s)])));
    if (!alnum(c)) {
      --s;
      continue;
    }
    while (l >= 0 && (std::tolower(static_cast<unsigned char>(candidate[static_cast<size_t>(l)])) != c ||
                      (s == 0 && l > 0 && alnum(candidate[static_cast<size_t>(l - 1)])))) {
      --l;
    }
    if (l < 0) return std::string::npos;
    --l;
    --s;
  }
  const size_t space = candidate.rfind(' ', static_cast<size_t>(l + 1));
  return space == std::string::npos ? 0 : space + 1;
}

struct Occurrence {
  size_t segment = 0;
  size_t token = 0;  // first token
  size_t count = 1;  // tokens
};

struct Definition {
  std::string acronym;
  std::string long_form;        // as written
  std::string long_form_key;    // lowercase words joined by one space
  Occurrence acronym_at, long_form_at;
};

class Checker {
 public:
  Checker(const SegmentedText& text, const ReleaseCheckOptions& options) : text_(text), options_(options) {
    for (const Segment& s : text.segments) {
      segments_.push_back(Tokenize(s.text));
      heading_.push_back(IsHeading(segments_.back()));
    }
  }

  // A title or heading: no sentence-final punctuation and most words
  // capitalized. Headlines use acronyms before the body defines them and
  // capitalize every word, so some checks leave them out.
  static bool IsHeading(const std::vector<Token>& toks) {
    size_t words = 0, capitals = 0;
    for (const Token& t : toks) {
      words += t.word;
      capitals += t.word && IsCapitalized(t.text);
    }
    if (words < 3 || toks.empty()) return false;
    const std::string& last = toks.back().text;
    if (last == "." || last == "!" || last == "?" || last == ";" || last == ":") return false;
    return capitals * 2 >= words;
  }

  std::vector<ReleaseFinding> Run() {
    acronym_uses_ = FindAcronymUses();
    FindDefinitions();
    CheckAcronyms();
    CheckArticles();
    CheckHyphenation();
    CheckCase();
    CheckRepeats();
    CheckQuotes();
    CheckNumbers();
    std::vector<ReleaseFinding> kept;
    for (ReleaseFinding& f : findings_) {
      if (f.confidence >= options_.min_confidence) kept.push_back(std::move(f));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const ReleaseFinding& a, const ReleaseFinding& b) {
      return a.confidence > b.confidence;
    });
    return kept;
  }

 private:
  TermLocation Locate(const Occurrence& o) const {
    const std::vector<Token>& toks = segments_[o.segment];
    const Segment& seg = text_.segments[o.segment];
    TermLocation l;
    l.segment = o.segment;
    l.doc_id = seg.doc_id;
    l.seg_id = seg.seg_id;
    l.begin = toks[o.token].begin;
    l.end = toks[o.token + o.count - 1].end;
    return l;
  }
  std::string Surface(const Occurrence& o) const {
    const TermLocation l = Locate(o);
    return text_.segments[o.segment].text.substr(l.begin, l.end - l.begin);
  }
  bool Before(const Occurrence& a, const Occurrence& b) const {
    return a.segment != b.segment ? a.segment < b.segment : a.token < b.token;
  }

  // Every occurrence of the word sequence `key` (lowercase words joined by
  // one space), case-insensitively.
  std::vector<Occurrence> FindPhrase(const std::string& key) {
    if (first_word_.empty()) {
      for (size_t s = 0; s < segments_.size(); ++s) {
        for (size_t i = 0; i < segments_[s].size(); ++i) {
          if (segments_[s][i].word) first_word_[segments_[s][i].lower].push_back({s, i, 1});
        }
      }
    }
    std::vector<std::string> words;
    for (size_t i = 0, j; i < key.size(); i = j + 1) {
      j = key.find(' ', i);
      if (j == std::string::npos) j = key.size();
      words.push_back(key.substr(i, j - i));
    }
    std::vector<Occurrence> out;
    auto starts = first_word_.find(words[0]);
    if (starts == first_word_.end()) return out;
    for (const Occurrence& start : starts->second) {
      const std::vector<Token>& toks = segments_[start.segment];
      if (start.token + words.size() > toks.size()) continue;
      size_t k = 1;
      while (k < words.size() && toks[start.token + k].lower == words[k]) ++k;
      if (k == words.size()) out.push_back({start.segment, start.token, words.size()});
    }
    return out;
  }

  void Add(std::string check, std::string term, std::string message, double confidence,
           std::vector<std::pair<std::string, std::vector<Occurrence>>> variants) {
    ReleaseFinding f;
    f.check = std::move(check);
    f.term = std::move(term);
    f.message = std::move(message);
    f.confidence = confidence;
    std::stable_sort(variants.begin(), variants.end(),
                     [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    for (auto& [form, occs] : variants) {
      ReleaseVariant v;
      v.text = form;
      for (const Occurrence& o : occs) v.locations.push_back(Locate(o));
      f.variants.push_back(std::move(v));
    }
    findings_.push_back(std::move(f));
  }

  // "Long Form (LF)" and "LF (Long Form)".
  void FindDefinitions() {
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      for (size_t i = 0; i + 2 < toks.size(); ++i) {
        if (toks[i].text != "(") continue;
        size_t close = i + 1;
        while (close < toks.size() && toks[close].text != ")" && close - i <= 12) ++close;
        if (close >= toks.size() || toks[close].text != ")") continue;
        if (close == i + 2 && IsAcronym(toks[i + 1].text)) {
          // Long Form (LF): the words before '(' in the same sentence.
          const std::string& acronym = toks[i + 1].text;
          const size_t window = std::min<size_t>(acronym.size() + 5, 2 * acronym.size());
          size_t first = i;
          while (first > 0 && toks[first - 1].word && i - first < window) --first;
          if (first == i) continue;
          std::string candidate;
          std::vector<size_t> starts;
          for (size_t k = first; k < i; ++k) {
            if (!candidate.empty()) candidate += ' ';
            starts.push_back(candidate.size());
            candidate += toks[k].text;
          }
          const size_t at = LongFormStart(acronym, candidate);
          if (at == std::string::npos) {
            loose_definitions_.insert(acronym);
            continue;
          }
          size_t lf_first = first;
          while (lf_first - first + 1 < starts.size() && starts[lf_first - first + 1] <= at) ++lf_first;
          AddDefinition(acronym, {s, i + 1, 1}, {s, lf_first, i - lf_first});
        } else if (close >= i + 3 && i > 0 && IsAcronym(toks[i - 1].text)) {
          // LF (Long Form): every word inside the parentheses.
          const std::string& acronym = toks[i - 1].text;
          std::string candidate;
          bool all_words = true;
          for (size_t k = i + 1; k < close; ++k) {
            all_words = all_words && toks[k].word;
            if (!candidate.empty()) candidate += ' ';
            candidate += toks[k].text;
          }
          if (!all_words || LongFormStart(acronym, candidate) != 0) continue;
          AddDefinition(acronym, {s, i - 1, 1}, {s, i + 1, close - i - 1});
        }
      }
    }
  }

  void AddDefinition(const std::string& acronym, Occurrence acronym_at, Occurrence long_form_at) {
    Definition d;
    d.acronym = acronym;
    d.acronym_at = acronym_at;
    d.long_form_at = long_form_at;
    d.long_form = Surface(long_form_at);
    const std::vector<Token>& toks = segments_[long_form_at.segment];
    for (size_t k = 0; k < long_form_at.count; ++k) {
      if (!d.long_form_key.empty()) d.long_form_key += ' ';
      d.long_form_key += toks[long_form_at.token + k].lower;
    }
    definitions_.push_back(std::move(d));
  }

  bool InsideDefinedLongForm(const Occurrence& o, const std::string& except_key) const {
    for (const Definition& d : definitions_) {
      if (d.long_form_key == except_key || d.long_form_at.segment != o.segment) continue;
      if (o.token >= d.long_form_at.token && o.token + o.count <= d.long_form_at.token + d.long_form_at.count) {
        return true;
      }
    }
    return false;
  }

  // Part of a longer name: the occurrence is capitalized and a capitalized
  // word (not starting a sentence) or an acronym is next to it, possibly
  // across one function word ("Service for Intellectual Property").
  bool PartOfName(const Occurrence& o) const {
    const std::vector<Token>& toks = segments_[o.segment];
    if (!IsCapitalized(toks[o.token].text)) return false;
    auto name_word = [&](size_t k) {
      return toks[k].word && !toks[k].sentence_start && IsCapitalized(toks[k].text) && !IsStopWord(toks[k].lower);
    };
    for (size_t k = o.token, skipped = 0; k-- > 0 && skipped <= 1;) {
      if (name_word(k)) return true;
      if (!toks[k].word || !IsStopWord(toks[k].lower)) break;
      ++skipped;
    }
    for (size_t k = o.token + o.count, skipped = 0; k < toks.size() && skipped <= 1; ++k) {
      if (name_word(k)) return true;
      if (!toks[k].word || !IsStopWord(toks[k].lower)) break;
      ++skipped;
    }
    return false;
  }

  std::map<std::string, std::vector<Occurrence>> FindAcronymUses() const {
    std::map<std::string, std::vector<Occurrence>> uses;
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      size_t words = 0, caps = 0;
      for (const Token& t : toks) {
        words += t.word;
        caps += t.word && IsAcronym(t.text);
      }
      if (words >= 4 && caps * 2 > words) continue;  // an all-capitals line: a heading, not acronyms
      for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].word && IsAcronym(toks[i].text)) uses[toks[i].text].push_back({s, i, 1});
      }
    }
    return uses;
  }

  // Initials of a lowercase phrase key, skipping function words.
  static std::string Initials(const std::string& key) {
    std::string out;
    for (size_t i = 0, j; i < key.size(); i = j + 1) {
      j = key.find(' ', i);
      if (j == std::string::npos) j = key.size();
      const std::string w = key.substr(i, j - i);
      if (!IsStopWord(w)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    }
    return out;
  }

  void CheckAcronyms() {
    const auto& uses = acronym_uses_;
    std::map<std::string, std::set<std::string>> forms_of_acronym;  // acronym -> long form keys
    std::map<std::string, const Definition*> first_definition;
    for (const Definition& d : definitions_) {
      forms_of_acronym[d.acronym].insert(d.long_form_key);
      if (!first_definition.count(d.acronym)) first_definition[d.acronym] = &d;
    }
    std::set<std::string> explained;  // acronyms covered by a finding below
    // One acronym, two long forms.
    for (const auto& [acronym, keys] : forms_of_acronym) {
      if (keys.size() < 2) continue;
      std::vector<std::pair<std::string, std::vector<Occurrence>>> variants;
      for (const Definition& d : definitions_) {
        if (d.acronym == acronym) variants.push_back({d.long_form, {d.long_form_at}});
      }
      Add("acronym-two-long-forms", acronym, acronym + " is defined with " + std::to_string(keys.size()) +
          " different long forms", 0.9, std::move(variants));
    }
    for (const auto& [acronym, definition] : first_definition) {
      const Definition& d = *definition;
      auto it = uses.find(acronym);
      std::vector<Occurrence> acronym_uses = it == uses.end() ? std::vector<Occurrence>{} : it->second;
      // Used before its definition.
      std::vector<Occurrence> early;
      for (const Occurrence& o : acronym_uses) {
        if (Before(o, d.acronym_at) && !heading_[o.segment]) early.push_back(o);
      }
      if (!early.empty()) {
        Add("acronym-used-before-definition", acronym,
            acronym + " is used " + std::to_string(early.size()) + " time(s) before it is defined as \"" +
                d.long_form + "\"",
            0.8, {{acronym + " (before the definition)", early}, {d.long_form + " (" + acronym + ")", {d.acronym_at}}});
      }
      // Other acronyms for the same long form: IPR next to IP (Intellectual
      // Property): the defined acronym plus one letter, or the long form's
      // initials plus one.
      std::vector<std::pair<std::string, std::vector<Occurrence>>> variants;
      variants.push_back({acronym, acronym_uses});
      const std::string initials = Initials(d.long_form_key);
      for (const auto& [other, occs] : uses) {
        if (other == acronym || forms_of_acronym.count(other)) continue;
        const bool extends = other.size() == acronym.size() + 1 && other.compare(0, acronym.size(), acronym) == 0;
        const bool initials_plus = other.size() == initials.size() + 1 && other.compare(0, initials.size(), initials) == 0;
        if (extends || initials_plus) {
          variants.push_back({other, occs});
          explained.insert(other);
        }
      }
      // The long form spelled out again after the definition (not inside
      // another definition, not as part of a longer name).
      std::vector<Occurrence> spelled;
      for (const Occurrence& o : FindPhrase(d.long_form_key)) {
        if (!Before(d.acronym_at, o) || InsideDefinedLongForm(o, d.long_form_key) || PartOfName(o)) continue;
        spelled.push_back(o);
      }
      if (!spelled.empty()) variants.push_back({AsciiLower(d.long_form) + " (spelled out after the definition)", spelled});
      if (variants.size() >= 2) {
        std::string names;
        for (size_t v = 1; v < variants.size(); ++v) names += (v > 1 ? ", " : "") + variants[v].first;
        Add("term-forms", d.long_form,
            "\"" + d.long_form + "\" is defined as " + acronym + " but also written as " + names, 0.8,
            std::move(variants));
      }
    }
    // Acronyms that are never defined: matched to a phrase whose initials
    // spell them (SIPO and "State Intellectual Property Office"), else listed.
    for (const auto& [acronym, occs] : uses) {
      if (forms_of_acronym.count(acronym) || explained.count(acronym) || loose_definitions_.count(acronym)) continue;
      const PhraseMatch match = FindExpansion(acronym, occs);
      if (!match.occurrences.empty()) {
        const bool exact = match.missing_letters == 0;
        Add("acronym-and-long-form", acronym,
            acronym + " is never defined, and \"" + match.surface + "\"" + (exact ? "" : " (its first letters)") +
                " is written out elsewhere: the same term in two forms",
            exact ? 0.8 : 0.6, {{acronym, occs}, {match.surface, match.occurrences}});
      } else {
        Add("acronym-undefined", acronym, acronym + " is used " + std::to_string(occs.size()) + " time(s) and never defined",
            0.3, {{acronym, occs}});
      }
    }
  }

  struct PhraseMatch {
    std::string surface;
    std::vector<Occurrence> occurrences;
    int missing_letters = 0;
  };
  // A run of content words (2 to 6) whose initials spell `acronym`, or all
  // of it but its last letter (IPR: "intellectual property"), that occurs
  // somewhere not inside a parenthesis.
  //
  // Only acronyms of three letters or more. A lowercase phrase, or one a
  // letter short, is a weaker match: it needs two occurrences within ten
  // segments of a use of the acronym (a corpus of many documents holds
  // chance matches far apart).
  PhraseMatch FindExpansion(const std::string& acronym, const std::vector<Occurrence>& uses) {
    if (acronym.size() < 3) return {};  // two letters match too many phrases by chance
    BuildExpansionIndex();
    std::vector<size_t> use_segments;
    for (const Occurrence& u : uses) use_segments.push_back(u.segment);
    std::sort(use_segments.begin(), use_segments.end());
    auto near_a_use = [&](const Occurrence& o) {
      auto it = std::lower_bound(use_segments.begin(), use_segments.end(), o.segment > 10 ? o.segment - 10 : 0);
      return it != use_segments.end() && *it <= o.segment + 10;
    };
    PhraseMatch best;
    for (int missing = 0; missing <= 1 && best.occurrences.empty(); ++missing) {
      auto phrases = expansions_.find(acronym.substr(0, acronym.size() - static_cast<size_t>(missing)));
      if (phrases == expansions_.end()) continue;
      for (const auto& [key, phrase] : phrases->second) {
        const bool weak = missing > 0 || phrase.lowercase;
        std::vector<Occurrence> occs;
        for (const Occurrence& o : phrase.occurrences) {
          if (!weak || near_a_use(o)) occs.push_back(o);
        }
        // Without its last letter (IPR for "intellectual property"), or in
        // lowercase, the phrase must recur: a single "pilot project" says
        // nothing of PPH.
        if (weak && occs.size() < 2) continue;
        if (occs.size() > best.occurrences.size()) {
          best.surface = phrase.surface;
          best.occurrences = occs;
          best.missing_letters = missing;
        }
      }
    }
    return best;
  }

  struct Phrase {
    std::string surface;  // first occurrence as written
    std::vector<Occurrence> occurrences;
    bool lowercase = false;
  };
  // Every run of 2 to 8 content words that could expand an acronym, by its
  // initials (function words inside are skipped, not at the start), built
  // in one pass: a name in capitals ("State Intellectual Property Office",
  // "Communist Party of China") or a lowercase term of content words of
  // three letters or more ("intellectual property"), not a chance run of
  // words ("so far", "After I arrived"), and not part of a longer name.
  void BuildExpansionIndex() {
    if (expansions_built_) return;
    expansions_built_ = true;
    std::set<std::string> prefixes;  // of the acronyms in the text: runs are kept only while they spell one
    for (const auto& [acronym, occs] : acronym_uses_) {
      for (size_t n = 1; n <= acronym.size(); ++n) prefixes.insert(acronym.substr(0, n));
    }
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      for (size_t i = 0; i < toks.size(); ++i) {
        if (!toks[i].word || IsStopWord(toks[i].lower)) continue;
        std::string initials, key;
        bool title = true, plain = !toks[i].sentence_start;
        for (size_t k = i; k < toks.size() && k - i < 8 && toks[k].word; ++k) {
          if (!key.empty()) key += ' ';
          key += toks[k].lower;
          if (IsStopWord(toks[k].lower)) {
            plain = false;
            continue;
          }
          title = title && IsCapitalized(toks[k].text);
          plain = plain && !IsCapitalized(toks[k].text) && CountCodePoints(toks[k].text) >= 3;
          if (!title && !plain) break;
          initials += static_cast<char>(std::toupper(static_cast<unsigned char>(toks[k].text[0])));
          if (!prefixes.count(initials)) break;
          if (initials.size() < 2) continue;
          Occurrence o{s, i, k - i + 1};
          if (PartOfName(o)) continue;  // "Intellectual Property" inside "State Intellectual Property Office"
          Phrase& phrase = expansions_[initials][key];
          if (phrase.occurrences.empty()) phrase.surface = Surface(o);
          phrase.occurrences.push_back(o);
          phrase.lowercase = !title;
        }
      }
    }
  }

  // "the GAIPSR" and "GAIPSR". An acronym's uses in running text (not in
  // headings, not its definition, not as the modifier of a recurring
  // compound such as "IP seminar") either all take "the" or none does; and
  // a long form defined without an article ("of General Authority for ...
  // (GAIPSR)") is not then used as "the GAIPSR". (A long form with "the"
  // and a bare acronym, "the State ... Office (SIPO)" then "SIPO", is
  // ordinary English.)
  void CheckArticles() {
    const auto& uses = acronym_uses_;
    std::map<std::string, int> bigrams;  // "acronym next" -> count
    for (const auto& [acronym, occs] : uses) {
      for (const Occurrence& o : occs) {
        const std::vector<Token>& toks = segments_[o.segment];
        if (o.token + 1 < toks.size() && toks[o.token + 1].word) ++bigrams[acronym + " " + toks[o.token + 1].lower];
      }
    }
    std::map<std::string, const Definition*> definition;
    for (const Definition& d : definitions_) {
      if (!definition.count(d.acronym)) definition[d.acronym] = &d;
    }
    for (const auto& [acronym, occs] : uses) {
      const auto def = definition.find(acronym);
      std::vector<Occurrence> with, without;
      for (const Occurrence& o : occs) {
        const std::vector<Token>& toks = segments_[o.segment];
        if (heading_[o.segment]) continue;
        if (def != definition.end() && o.segment == def->second->acronym_at.segment &&
            o.token == def->second->acronym_at.token) {
          continue;
        }
        const bool compound = o.token + 1 < toks.size() && toks[o.token + 1].word &&
                              (bigrams[acronym + " " + toks[o.token + 1].lower] >= 2 ||
                               IsCapitalized(toks[o.token + 1].text));
        if (compound) continue;
        if (o.token > 0 && toks[o.token - 1].lower == "the") {
          with.push_back({o.segment, o.token - 1, 2});
        } else {
          without.push_back(o);
        }
      }
      if (!with.empty() && !without.empty()) {
        Add("article-variants", acronym, acronym + " is written both with and without \"the\"", 0.6,
            {{"the " + acronym, with}, {acronym, without}});
      } else if (!with.empty() && def != definition.end()) {
        const Occurrence& lf = def->second->long_form_at;
        const bool lf_article = lf.token > 0 && segments_[lf.segment][lf.token - 1].lower == "the";
        if (!lf_article) {
          // The whole definition, "Long Form (LF)" or "LF (Long Form)".
          const Occurrence& ac = def->second->acronym_at;
          const size_t first = std::min(lf.token, ac.token);
          const size_t last = std::min(std::max(lf.token + lf.count, ac.token + 1) + 1, segments_[lf.segment].size());
          Occurrence at{lf.segment, first, last - first};
          Add("article-variants", acronym,
              acronym + " is defined without \"the\" (\"" + def->second->long_form + "\") but used as \"the " +
                  acronym + "\"",
              0.6, {{"the " + acronym, with}, {acronym + " (defined without \"the\")", {at}}});
        }
      }
    }
  }

  // "China-EU" and "China EU", "e-mail" and "email".
  void CheckHyphenation() {
    std::map<std::string, std::vector<Occurrence>> hyphenated;
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].word && toks[i].lower.find('-') != std::string::npos) hyphenated[toks[i].lower].push_back({s, i, 1});
      }
    }
    for (const auto& [word, occs] : hyphenated) {
      if (word.find_first_not_of("0123456789-") == std::string::npos) continue;  // 3-5 is a range, not 35
      std::string spaced = word, joined;
      std::replace(spaced.begin(), spaced.end(), '-', ' ');
      for (char c : word) {
        if (c != '-') joined += c;
      }
      std::vector<std::pair<std::string, std::vector<Occurrence>>> variants{{Surface(occs[0]), occs}};
      for (const std::string& other : {spaced, joined}) {
        std::vector<Occurrence> found = FindPhrase(other);
        if (!found.empty()) variants.push_back({Surface(found[0]), found});
      }
      if (variants.size() >= 2) {
        // "email"/"e-mail", "China-EU"/"China EU", "B-2"/"B2" are one term
        // written two ways; "high-quality"/"high quality" is often grammar
        // (a compound adjective before a noun), so it is less sure.
        const std::string& first = variants[0].first;
        bool sure = first.find_first_of("0123456789") != std::string::npos;
        for (const auto& v : variants) sure = sure || v.first.find(' ') == std::string::npos || v.first != AsciiLower(v.first);
        sure = sure || first != AsciiLower(first);
        const std::string message = "\"" + Surface(occs[0]) + "\" is also written as \"" + variants[1].first + "\"";
        Add("hyphenation-variants", Surface(occs[0]), message, sure ? 0.7 : 0.45, std::move(variants));
      }
    }
  }

  // The same words in different capitals ("IP Seminar" and "IP seminar"):
  // 2- and 3-word terms without function words, not starting a sentence,
  // outside headings and longer names, written in two or more ways.
  void CheckCase() {
    std::map<std::string, std::map<std::string, std::vector<Occurrence>>> groups;  // key -> surface -> occs
    std::set<std::string> defined;
    for (const Definition& d : definitions_) defined.insert(d.long_form_key);
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      for (size_t n = 2; n <= 3; ++n) {
        for (size_t i = 0; i + n <= toks.size(); ++i) {
          bool ok = !toks[i].sentence_start && !heading_[s];
          std::string key, surface;
          for (size_t k = i; k < i + n && ok; ++k) {
            ok = toks[k].word;
            if (!key.empty()) key += ' ';
            key += toks[k].lower;
          }
          for (size_t k = i; k < i + n && ok; ++k) ok = !IsStopWord(toks[k].lower);
          if (!ok) continue;
          if (defined.count(key)) continue;  // the acronym checks cover defined long forms
          Occurrence o{s, i, n};
          if (PartOfName(o)) continue;  // "... Cooperation in IP Information Services" is a title
          groups[key][Surface(o)].push_back(o);
        }
      }
    }
    for (auto& [key, surfaces] : groups) {
      // Forms that differ only in their first letter are most likely a
      // sentence start the tokenizer did not see (after a quote or a dash).
      std::map<std::string, std::vector<Occurrence>> distinct;
      for (auto& [surface, occs] : surfaces) {
        std::string tail = surface.substr(1);
        auto& slot = distinct[tail];
        slot.insert(slot.end(), occs.begin(), occs.end());
      }
      if (distinct.size() < 2) continue;
      std::vector<std::pair<std::string, std::vector<Occurrence>>> variants(surfaces.begin(), surfaces.end());
      Add("case-variants", key, "\"" + key + "\" is capitalized in " + std::to_string(surfaces.size()) +
          " different ways", 0.6, std::move(variants));
    }
  }

  // "the the"; "the next the IP seminar".
  void CheckRepeats() {
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      for (size_t i = 0; i + 1 < toks.size(); ++i) {
        if (toks[i].word && toks[i + 1].word && toks[i].lower == toks[i + 1].lower &&
            !std::isdigit(static_cast<unsigned char>(toks[i].lower[0])) && toks[i].lower != "that" &&
            toks[i].lower != "had" && toks[i].lower != "is") {  // "that that", "had had", "is is" can be grammar
          const bool function = IsStopWord(toks[i].lower);
          Add("doubled-word", toks[i].text, "\"" + toks[i].text + " " + toks[i + 1].text + "\": a word written twice",
              function ? 0.9 : 0.6, {{Surface({s, i, 2}), {{s, i, 2}}}});
        }
        if (i + 2 < toks.size() && toks[i].word && toks[i + 1].word && toks[i + 2].word && IsArticle(toks[i].lower) &&
            toks[i + 2].lower == toks[i].lower && !IsStopWord(toks[i + 1].lower)) {
          Add("repeated-article", toks[i].text, "\"" + Surface({s, i, 3}) + "\": an article repeated around one word",
              0.8, {{Surface({s, i, 3}), {{s, i, 3}}}});
        }
      }
    }
  }

  // Straight and typographic quotes or apostrophes in one text.
  void CheckQuotes() {
    struct Style {
      std::string name;
      std::vector<std::string> marks;
    };
    const std::vector<std::pair<Style, Style>> pairs = {
        {{"straight double quotes", {"\""}}, {"typographic double quotes", {"\xE2\x80\x9C", "\xE2\x80\x9D"}}},
        {{"straight apostrophes", {"'"}}, {"typographic apostrophes", {"\xE2\x80\x98", "\xE2\x80\x99"}}},
    };
    for (const auto& [a, b] : pairs) {
      std::vector<Occurrence> with_a, with_b;
      for (size_t s = 0; s < segments_.size(); ++s) {
        const std::vector<Token>& toks = segments_[s];
        for (size_t i = 0; i < toks.size(); ++i) {
          for (const std::string& m : a.marks) {
            if (toks[i].text.find(m) != std::string::npos) with_a.push_back({s, i, 1});
          }
          for (const std::string& m : b.marks) {
            if (toks[i].text.find(m) != std::string::npos) with_b.push_back({s, i, 1});
          }
        }
      }
      if (!with_a.empty() && !with_b.empty()) {
        Add("mixed-quotes", a.name + " / " + b.name, "both " + a.name + " and " + b.name + " are used", 0.7,
            {{a.name, with_a}, {b.name, with_b}});
      }
    }
  }

  // Thousands written with and without separators (1,000 / 1000; years are
  // left alone), and dates as "September 6" and "6 September".
  void CheckNumbers() {
    static const std::set<std::string> months = {"january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"};
    std::vector<Occurrence> grouped, plain, month_day, day_month;
    for (size_t s = 0; s < segments_.size(); ++s) {
      const std::vector<Token>& toks = segments_[s];
      for (size_t i = 0; i < toks.size(); ++i) {
        const std::string& w = toks[i].lower;
        if (toks[i].word && w.size() >= 4 && w.find_first_not_of("0123456789") == std::string::npos) {
          const bool year = w.size() == 4 && w >= "1900" && w <= "2100";
          const bool decimal_part = i >= 2 && toks[i - 1].text == "." && toks[i - 1].begin == toks[i - 2].end;
          if (!year && !decimal_part) plain.push_back({s, i, 1});
        }
        // 1,234 as three tokens "1" "," "234" written without spaces.
        if (i + 2 < toks.size() && toks[i].word && toks[i + 1].text == "," && toks[i + 2].word &&
            toks[i + 1].begin == toks[i].end && toks[i + 2].begin == toks[i + 1].end && toks[i + 2].lower.size() == 3 &&
            toks[i + 2].lower.find_first_not_of("0123456789") == std::string::npos &&
            toks[i].lower.find_first_not_of("0123456789") == std::string::npos) {
          grouped.push_back({s, i, 3});
        }
        if (toks[i].word && months.count(w) && IsCapitalized(toks[i].text)) {
          auto day = [](const std::string& d) {
            return !d.empty() && d.size() <= 2 && d.find_first_not_of("0123456789") == std::string::npos;
          };
          if (i + 1 < toks.size() && day(toks[i + 1].lower)) month_day.push_back({s, i, 2});
          if (i > 0 && day(toks[i - 1].lower)) day_month.push_back({s, i - 1, 2});
        }
      }
    }
    if (!grouped.empty() && !plain.empty()) {
      Add("number-formats", "thousands separators", "numbers are written both with and without thousands separators",
          0.6, {{"1,000", grouped}, {"1000", plain}});
    }
    if (!month_day.empty() && !day_month.empty()) {
      Add("date-formats", "dates", "dates are written both as \"Month day\" and as \"day Month\"", 0.6,
          {{"Month day", month_day}, {"day Month", day_month}});
    }
  }

  const SegmentedText& text_;
  const ReleaseCheckOptions& options_;
  std::vector<std::vector<Token>> segments_;
  std::vector<bool> heading_;
  std::map<std::string, std::vector<Occurrence>> first_word_;  // lowercase word -> where it is (FindPhrase)
  std::vector<Definition> definitions_;
  std::map<std::string, std::vector<Occurrence>> acronym_uses_;  // acronym -> where it is (running text, not all-caps lines)
  std::set<std::string> loose_definitions_;  // "(PPH)" after words that do not spell it
  std::map<std::string, std::map<std::string, Phrase>> expansions_;  // initials -> phrase key -> phrase
  bool expansions_built_ = false;
  std::vector<ReleaseFinding> findings_;
};

}  // namespace

void ReleaseCheckOptions::Validate() const {
  if (!(min_confidence >= 0.0 && min_confidence <= 1.0)) {
    throw Error(ErrorKind::kUsage, "min_confidence must be between 0 and 1, got " + std::to_string(min_confidence));
  }
}

std::vector<ReleaseFinding> CheckRelease(const SegmentedText& text, const ReleaseCheckOptions& options) {
  options.Validate();
  for (size_t i = 0; i < text.segments.size(); ++i) {
    const size_t bad = FindInvalidUtf8(text.segments[i].text);
    if (bad != std::string::npos) {
      throw Error(ErrorKind::kInput, (text.path.empty() ? std::string("text") : text.path) + ": segment " +
                                         std::to_string(i + 1) + " is not valid UTF-8 at byte " + std::to_string(bad) +
                                         "; convert the file to UTF-8");
    }
  }
  return Checker(text, options).Run();
}

}  // namespace mteval
