#include "metrics/ter/ter_normalizer.h"

#include <cstring>

#include "text/case.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

// Each pass below is one re.sub() of tokenizer_ter.py (or a few that cannot
// interact, where noted), written as a scan over the UTF-8 text that finds
// the same non-overlapping matches left to right as Python's `re` does on
// code points, and copies the text between them. Every pattern's literal
// characters are ASCII, so a multi-byte character only ever matters as one
// unit of [^0-9] or as a member of a CJK class. Passes read `in` and write
// `out` (distinct buffers); a pass that cannot match returns false without
// writing.

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }  // [0-9]

// Byte length of the code point starting at p.
size_t CharLen(const std::string& s, size_t p) { return Utf8SequenceLength(static_cast<unsigned char>(s[p])); }

// Output buffer with room for the worst case, written through a pointer.
class Writer {
 public:
  Writer(std::string* out, size_t max_size) : out_(out) {
    out_->resize(max_size);
    p_ = &(*out_)[0];
    begin_ = p_;
  }
  void Put(char c) { *p_++ = c; }
  void Put(const char* s, size_t n) {
    std::memcpy(p_, s, n);
    p_ += n;
  }
  ~Writer() { out_->resize(static_cast<size_t>(p_ - begin_)); }

 private:
  std::string* out_;
  char* p_;
  char* begin_;
};

// re.sub(r"\n-", "", s) then re.sub(r"\n", " ", s): one scan gives the same
// result, since the first pass never rescans what it produced and the second
// only sees the newlines the first left.
bool JoinLines(const std::string& in, std::string* out) {
  if (in.find('\n') == std::string::npos) return false;
  Writer w(out, in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\n') {
      if (i + 1 < in.size() && in[i + 1] == '-') {
        ++i;
      } else {
        w.Put(' ');
      }
    } else {
      w.Put(in[i]);
    }
  }
  return true;
}

// re.sub(pattern, replacement, s) for literal ASCII strings.
bool ReplaceLiteral(const std::string& in, const char* pattern, const char* replacement, std::string* out) {
  const size_t m = std::strlen(pattern), r = std::strlen(replacement);
  size_t hit = in.find(pattern);
  if (hit == std::string::npos) return false;
  Writer w(out, in.size() / m * r + in.size());
  size_t i = 0;
  while (hit != std::string::npos) {
    w.Put(in.data() + i, hit - i);
    w.Put(replacement, r);
    i = hit + m;
    hit = in.find(pattern, i);
  }
  w.Put(in.data() + i, in.size() - i);
  return true;
}

// ([{-~[-` -&(-+:-@/]): ASCII punctuation and space except ' , - .
bool IsTercomPunct(unsigned char c) {
  return (c >= 0x7B && c <= 0x7E) || (c >= 0x5B && c <= 0x60) || (c >= 0x20 && c <= 0x26) ||
         (c >= 0x28 && c <= 0x2B) || (c >= 0x3A && c <= 0x40) || c == 0x2F;
}

// The four character classes _normalize_asian pads one after another
// (CJK ideographs and extension A, strokes and radicals, compatibility
// blocks, and the 3200-3F22 range).
bool IsAsianPadded(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x31C0 && c <= 0x31EF) ||
         (c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x3300 && c <= 0x33FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0x3200 && c <= 0x3F22);
}

// TercomTokenizer.ASIAN_PUNCT and FULL_WIDTH_PUNCT.
bool IsAsianPunct(char32_t c) {
  return c == 0x3001 || c == 0x3002 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) ||
         (c >= 0xFF61 && c <= 0xFF65) || c == 0x30FB;
}
bool IsFullWidthPunct(char32_t c) {
  return c == 0xFF0E || c == 0xFF0C || c == 0xFF1F || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF02 ||
         c == 0xFF08 || c == 0xFF09;
}
bool IsCjkPunct(char32_t c) { return IsAsianPunct(c) || IsFullWidthPunct(c); }

// _remove_punct's class [\.,\?:;!\"\(\)].
bool IsRemovedPunct(unsigned char c) {
  return c == '.' || c == ',' || c == '?' || c == ':' || c == ';' || c == '!' || c == '"' || c == '(' || c == ')';
}

// f" {s} " and re.sub(r"([{-~[-` -&(-+:-@/])", r" \1 ", s).
void WrapAndPadPunct(const std::string& in, std::string* out) {
  Writer w(out, 3 * in.size() + 6);
  const char wrap[] = {' ', ' ', ' '};  // the added space is itself padded
  w.Put(wrap, 3);
  for (char c : in) {
    if (IsTercomPunct(static_cast<unsigned char>(c))) {
      w.Put(' ');
      w.Put(c);
      w.Put(' ');
    } else {
      w.Put(c);
    }
  }
  w.Put(wrap, 3);
}

// re.sub(r"([^0-9])([\.,])", r"\1 \2 ", s)
bool SplitPeriodCommaAfterNonDigit(const std::string& in, std::string* out) {
  Writer w(out, 2 * in.size());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const size_t len = CharLen(in, i);
    if (i + len < n && (in[i + len] == '.' || in[i + len] == ',') && !IsDigit(static_cast<unsigned char>(in[i]))) {
      w.Put(in.data() + i, len);
      w.Put(' ');
      w.Put(in[i + len]);
      w.Put(' ');
      i += len + 1;
    } else {
      w.Put(in.data() + i, len);
      i += len;
    }
  }
  return true;
}

// re.sub(r"([\.,])([^0-9])", r" \1 \2", s)
bool SplitPeriodCommaBeforeNonDigit(const std::string& in, std::string* out) {
  Writer w(out, 2 * in.size());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const char c = in[i];
    if ((c == '.' || c == ',') && i + 1 < n && !IsDigit(static_cast<unsigned char>(in[i + 1]))) {
      const size_t len = CharLen(in, i + 1);
      w.Put(' ');
      w.Put(c);
      w.Put(' ');
      w.Put(in.data() + i + 1, len);
      i += 1 + len;
    } else {
      w.Put(c);
      ++i;
    }
  }
  return true;
}

// re.sub(r"([0-9])(-)", r"\1 \2 ", s)
bool SplitDashAfterDigit(const std::string& in, std::string* out) {
  Writer w(out, 2 * in.size());
  const size_t n = in.size();
  for (size_t i = 0; i < n; ++i) {
    w.Put(in[i]);
    if (IsDigit(static_cast<unsigned char>(in[i])) && i + 1 < n && in[i + 1] == '-') {
      w.Put(" - ", 3);
      ++i;
    }
  }
  return true;
}

// re.sub(r"([class])", r" \1 ", s) for a class of non-ASCII code points.
template <typename Pred>
bool PadCodePoints(const std::string& in, Pred in_class, std::string* out) {
  Writer w(out, 3 * in.size());
  const char* p = in.data();
  const char* end = p + in.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      w.Put(*p++);
      continue;
    }
    const char* start = p;
    const char32_t c = DecodeUtf8(p);
    const bool pad = in_class(c);
    if (pad) w.Put(' ');
    w.Put(start, static_cast<size_t>(p - start));
    if (pad) w.Put(' ');
  }
  return true;
}

// re.sub(r"[class]", "", s) for a class of non-ASCII code points.
template <typename Pred>
bool RemoveCodePoints(const std::string& in, Pred in_class, std::string* out) {
  Writer w(out, in.size());
  const char* p = in.data();
  const char* end = p + in.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      w.Put(*p++);
      continue;
    }
    const char* start = p;
    if (!in_class(DecodeUtf8(p))) w.Put(start, static_cast<size_t>(p - start));
  }
  return true;
}

// re.sub(r"(^|^[R])([R]+)(?=$|^[R])", r"\1 \2 ", s) for a range R. Without
// MULTILINE, '^' only matches at 0 and '$' at the end or before a final
// "\n", so the one possible match is a run of R from the start that reaches
// the end (or the final newline); it becomes " run ". (After the western
// normalisation the text starts with a space, so this never fires there.)
void PadWholeRun(std::string* s, char32_t lo, char32_t hi) {
  const char* p = s->data();
  const char* end = p + s->size();
  while (p < end && static_cast<unsigned char>(*p) >= 0x80) {
    const char* q = p;
    const char32_t c = DecodeUtf8(q);
    if (c < lo || c > hi) break;
    p = q;
  }
  const size_t k = static_cast<size_t>(p - s->data());
  if (k == 0) return;
  if (k == s->size() || (k + 1 == s->size() && (*s)[k] == '\n')) {
    s->insert(k, 1, ' ');
    s->insert(0, 1, ' ');
  }
}

// True when `s` has a byte outside ASCII (a candidate for the CJK classes).
bool HasNonAscii(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

void TercomNormalizer::NormalizeText(std::string* s) {
  std::string* t = &tmp_;
  // Runs a pass from *s into *t and swaps them when it changed something.
  auto run = [&](bool changed) {
    if (changed) std::swap(*s, *t);
  };
  if (options_.normalized) {
    // _normalize_general_and_western
    run(JoinLines(*s, t));
    // XML entities, one pass each, in this order ("&amp;lt;" becomes "<").
    if (s->find('&') != std::string::npos) {
      run(ReplaceLiteral(*s, "&quot;", "\"", t));
      run(ReplaceLiteral(*s, "&amp;", "&", t));
      run(ReplaceLiteral(*s, "&lt;", "<", t));
      run(ReplaceLiteral(*s, "&gt;", ">", t));
    }
    WrapAndPadPunct(*s, t);
    std::swap(*s, *t);
    // possessives: "'s " anywhere, then "'s" at the end (never, as the text
    // now ends with a space, but kept for fidelity)
    run(ReplaceLiteral(*s, "'s ", " 's ", t));
    {
      const size_t n = s->size();
      if (n >= 2 && s->compare(n - 2, 2, "'s") == 0) {
        s->insert(n - 2, 1, ' ');
      } else if (n >= 3 && s->compare(n - 3, 3, "'s\n") == 0) {
        s->insert(n - 3, 1, ' ');
      }
    }
    if (s->find_first_of(".,") != std::string::npos) {
      run(SplitPeriodCommaAfterNonDigit(*s, t));
      run(SplitPeriodCommaBeforeNonDigit(*s, t));
    }
    if (s->find('-') != std::string::npos) run(SplitDashAfterDigit(*s, t));

    if (options_.asian_support && HasNonAscii(*s)) {
      // _normalize_asian (whose classes are all outside ASCII). Its first four passes only surround single
      // characters with spaces and nothing between them looks at spaces, so
      // they are one pass over the union of their classes (only the number
      // of spaces between words could differ, and spaces are collapsed at the
      // end); likewise the last two.
      run(PadCodePoints(*s, IsAsianPadded, t));
      PadWholeRun(s, 0x3040, 0x309F);  // Hiragana
      PadWholeRun(s, 0x30A0, 0x30FF);  // Katakana
      PadWholeRun(s, 0x31F0, 0x31FF);  // Katakana Phonetic Extensions
      run(PadCodePoints(*s, IsCjkPunct, t));
    }
  }
  if (options_.no_punct) {
    // _remove_punct, then _remove_asian_punct
    {
      Writer w(t, s->size());
      for (char c : *s) {
        if (!IsRemovedPunct(static_cast<unsigned char>(c))) w.Put(c);
      }
    }
    std::swap(*s, *t);
    if (options_.asian_support && HasNonAscii(*s)) run(RemoveCodePoints(*s, IsCjkPunct, t));
  }
}

void TercomNormalizer::Words(std::string_view sent, std::string* storage, std::vector<std::string_view>* words) {
  words->clear();
  sent = PyRstrip(sent);
  if (!options_.normalized && !options_.no_punct && options_.case_sensitive) {
    // Nothing to change: split the text itself.
    ForEachPyWord(sent, [&](std::string_view w) { words->push_back(w); });
    return;
  }
  if (options_.case_sensitive) {
    storage->assign(sent.data(), sent.size());
  } else {
    PyLowerInto(sent, storage);
  }
  if (options_.normalized || options_.no_punct) NormalizeText(storage);
  ForEachPyWord(*storage, [&](std::string_view w) { words->push_back(w); });
}

void TercomNormalizer::ReferenceWords(std::string_view sent, std::string* storage,
                                      std::vector<std::string_view>* words) {
  Words(sent, storage, words);
  // Without normalisation or punctuation removal the second pass only
  // lowercases and splits again, which changes nothing: str.lower() is
  // idempotent on every code point (tests/text pins this for PyLower). It
  // is skipped, also because Words would then point the words into
  // first_pass_, which the next reference overwrites.
  if (!options_.normalized && !options_.no_punct) return;
  first_pass_.clear();
  for (std::string_view w : *words) {
    if (!first_pass_.empty()) first_pass_.push_back(' ');
    first_pass_.append(w);
  }
  Words(first_pass_, storage, words);
}

std::string TercomNormalizer::Normalize(std::string_view sent) {
  std::string storage;
  std::vector<std::string_view> words;
  Words(sent, &storage, &words);
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

}  // namespace mteval
