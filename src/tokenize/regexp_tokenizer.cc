#include "tokenize/regexp_tokenizer.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "text/python_str.h"
#include "text/utf8.h"
#include "tokenize/byte_classes.h"

namespace mteval {
namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsPeriodComma(char c) { return c == '.' || c == ','; }

// Each pass reads `n` bytes from `in` and writes at most 3n (pass 1) or 2n
// (passes 2-4) bytes to `out`, returning the output length.
size_t Pass1(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n; ++i) {
    char c = in[i];
    if (Is13aRule1Byte(static_cast<unsigned char>(c))) {
      *o++ = ' ';
      *o++ = c;
      *o++ = ' ';
    } else {
      *o++ = c;
    }
  }
  return static_cast<size_t>(o - out);
}

// Byte-level scanning is exact for rules 2-4: every match needs an ASCII byte
// at a fixed place, so a match can never start inside a multi-byte character
// in a way that differs from scanning code points.
size_t Pass2(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && !IsDigit(in[i]) && IsPeriodComma(in[i + 1])) {
      *o++ = in[i];
      *o++ = ' ';
      *o++ = in[i + 1];
      *o++ = ' ';
      i += 2;
    } else {
      *o++ = in[i++];
    }
  }
  return static_cast<size_t>(o - out);
}

size_t Pass3(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && IsPeriodComma(in[i]) && !IsDigit(in[i + 1])) {
      *o++ = ' ';
      *o++ = in[i];
      *o++ = ' ';
      *o++ = in[i + 1];
      i += 2;
    } else {
      *o++ = in[i++];
    }
  }
  return static_cast<size_t>(o - out);
}

size_t Pass4(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && IsDigit(in[i]) && in[i + 1] == '-') {
      *o++ = in[i];
      *o++ = ' ';
      *o++ = '-';
      *o++ = ' ';
      i += 2;
    } else {
      *o++ = in[i++];
    }
  }
  return static_cast<size_t>(o - out);
}

// Runs the four passes over s; the result is in `a` (of the returned length).
size_t ApplyPasses(std::string_view s, std::vector<char>* a, std::vector<char>* b) {
  const size_t cap = 24 * s.size() + 8;  // 3x, then at most 2x per later pass
  if (a->size() < cap) a->resize(cap);
  if (b->size() < cap) b->resize(cap);
  size_t n = Pass1(s.data(), s.size(), b->data());
  n = Pass2(b->data(), n, a->data());
  n = Pass3(a->data(), n, b->data());
  return Pass4(b->data(), n, a->data());
}

// Appends tokens to a raw output buffer with room reserved by the caller.
struct StringSink {
  char* o;
  char* begin;
  // Copies a token from the line (readable up to src_end) or from a
  // scratch buffer (readable up to scratch_end).
  void Token(const char* p, size_t n, const char* readable_end) {
    if (o != begin) *o++ = ' ';
    // Most tokens are short: copy a fixed 16 bytes (inlined, no call) when
    // both buffers have room; the output buffer always has slack.
    if (n <= 16 && p + 16 <= readable_end) {
      std::memcpy(o, p, 16);
    } else {
      std::memcpy(o, p, n);
    }
    o += n;
  }
  void LineToken(const char* p, size_t n, const char* line_end) { Token(p, n, line_end); }
  void ScratchToken(const char* p, size_t n, const char* scratch_end) { Token(p, n, scratch_end); }
};

// Collects tokens as views: those of the line point into it, those made by
// the literal passes are copied into `arena`, whose capacity the caller
// reserved so that it never reallocates (earlier views stay valid).
// `views` has room for every token (at most one per byte of the line), so
// appending is a plain store.
struct SpanSink {
  TokenSpans* out;
  std::string_view* views;
  size_t count = 0;
  void LineToken(const char* p, size_t n, const char*) { views[count++] = std::string_view(p, n); }
  void ScratchToken(const char* p, size_t n, const char*) {
    const size_t at = out->arena.size();
    out->arena.append(p, n);
    views[count++] = std::string_view(out->arena.data() + at, n);
  }
};

// Emits the tokens of word [w, p) of the line [begin, end); the word has no
// whitespace and at least one special byte, and `special` is the line's
// special-byte bitmap (see byte_classes.h). Words are visited through their
// special bytes only (usually one or two), not byte by byte.
template <typename Sink>
void SpecialWord(const char* w, const char* p, const char* begin, const char* end, bool padded, const uint64_t* special,
                 Sink& sink) {
  const size_t n = static_cast<size_t>(p - w);
  const size_t wb = static_cast<size_t>(w - begin), we = static_cast<size_t>(p - begin);
  int rule1 = 0, period_comma = 0, dashes = 0;
  bool digit_dash = false;         // a '-' after a digit (rule 4 splits it)
  const char* last_pcd = nullptr;  // the last '.', ',' or '-'
  ForEachBitInRange(special, wb, we, [&](size_t i) {
    const char c = begin[i];
    if (c == '.' || c == ',') {
      ++period_comma;
      last_pcd = begin + i;
    } else if (c == '-') {
      ++dashes;
      digit_dash |= i > wb && IsDigit(begin[i - 1]);
      last_pcd = begin + i;
    } else {
      ++rule1;
    }
  });
  if (!last_pcd) {
    // Only rule 1 applies: each such byte becomes a token of its own.
    const char* t = w;
    ForEachBitInRange(special, wb, we, [&](size_t i) {
      const char* q = begin + i;
      if (q > t) sink.LineToken(t, static_cast<size_t>(q - t), end);
      sink.LineToken(q, 1, end);
      t = q + 1;
    });
    if (p > t) sink.LineToken(t, static_cast<size_t>(p - t), end);
  } else if (rule1 == 0 && period_comma == 0 && !digit_dash) {
    // Only dashes, none after a digit ("well-known", "-"): no rule applies
    // (what precedes the word is whitespace or an isolated character, never
    // a digit).
    sink.LineToken(w, n, end);
  } else if (rule1 == 0 && dashes == 0 && period_comma == 1 && n >= 2 && last_pcd == p - 1 && !IsDigit(*(p - 2))) {
    // "word." / "word,": rule 2 splits the final period or comma.
    sink.LineToken(w, n - 1, end);
    sink.LineToken(p - 1, 1, end);
  } else {
    // Anything else: the literal passes, with a space standing for each
    // neighbouring whitespace.
    thread_local std::vector<char> pa, pb;
    thread_local std::string buf;
    buf.clear();
    if (padded || w > begin) buf.push_back(' ');
    buf.append(w, n);
    if (padded || p < end) buf.push_back(' ');
    const size_t m = ApplyPasses(buf, &pa, &pb);
    // The word had no whitespace, so the output splits on ASCII spaces.
    const char* scratch_end = pa.data() + pa.size();
    for (size_t i = 0; i < m;) {
      while (i < m && pa[i] == ' ') ++i;
      size_t j = i;
      while (j < m && pa[j] != ' ') ++j;
      if (j > i) sink.ScratchToken(pa.data() + i, j - i, scratch_end);
      i = j;
    }
  }
}

// The line's whitespace and special-byte bitmaps (see byte_classes.h), in
// per-thread buffers reused from line to line.
struct LineClasses {
  const uint64_t* space;
  const uint64_t* special;
};
LineClasses Classify(std::string_view s) {
  thread_local std::vector<uint64_t> space, special;
  ClassifyBytes(s.data(), s.size(), &space, &special);
  return {space.data(), special.data()};
}

// Emits the tokens of word [b, e) of the line s: a word without special
// bytes is one token as it is, which is by far the most common case.
template <typename Sink>
void EmitWord(std::string_view s, size_t b, size_t e, bool padded, const uint64_t* special, Sink& sink) {
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  if (!AnyBitInRange(special, b, e)) {
    sink.LineToken(begin + b, e - b, end);
  } else {
    SpecialWord(begin + b, begin + e, begin, end, padded, special, sink);
  }
}

// Sets (set = true) or clears the bits [b, e).
void SetBitRange(uint64_t* bits, size_t b, size_t e, bool set) {
  for (size_t i = b; i < e;) {
    const size_t w = i >> 6, lo = i & 63, hi = std::min<size_t>(64, lo + (e - i));
    const uint64_t mask = (hi == 64 ? ~uint64_t{0} : (uint64_t{1} << hi) - 1) & (~uint64_t{0} << lo);
    bits[w] = set ? (bits[w] | mask) : (bits[w] & ~mask);
    i += hi - lo;
  }
}

// The highest set bit below i, or -1 (as size_t: SIZE_MAX) when none.
size_t PrevSetBit(const uint64_t* bits, size_t i) {
  size_t w = i >> 6;
  uint64_t x = bits[w] & ((uint64_t{1} << (i & 63)) - 1);
  while (x == 0) {
    if (w == 0) return SIZE_MAX;
    x = bits[--w];
  }
  return (w << 6) + 63 - static_cast<size_t>(__builtin_clzll(x));
}

// The lowest set bit at or after i (the caller knows there is one).
size_t NextSetBit(const uint64_t* bits, size_t i) {
  size_t w = i >> 6;
  uint64_t x = bits[w] & (~uint64_t{0} << (i & 63));
  while (x == 0) x = bits[++w];
  return (w << 6) + static_cast<size_t>(__builtin_ctzll(x));
}

// The line scanner. Most words need only two facts about their bytes: which
// ones become tokens of their own ("isolated") and where whitespace is. The
// token boundaries then follow from the bitmaps a block of 64 bytes at a
// time, and the tokens are emitted without a branch per word:
//  - rule 1's bytes are isolated;
//  - a '-' after a digit is isolated (rule 4; passes 1-3 never separate a
//    digit from a following '-', since neither is rule 1, '.' or ',');
//  - a '.' or ',' that is its word's last byte and the only one in the word
//    is isolated: after a non-digit rule 2 splits it off (its left neighbour
//    is never taken by an earlier rule 2 match, which would need a '.' or
//    ',' there), after a digit rule 3 does, because whitespace follows, or
//    the padding does at the end of a padded line. At the end of an unpadded
//    line after a digit nothing splits it: that word is left to SpecialWord.
// Every other word with a '.' or ',' (decimals "3.5", "U.S.", "...") is
// "complex": SpecialWord runs the literal passes on it, in line order.
// Tests compare all of this with the literal passes on every short string
// of the characters the rules distinguish.
template <typename Sink>
void Scan(std::string_view s, bool padded, Sink& sink) {
  const size_t n = s.size();
  if (n == 0) return;
  const LineClasses classes = Classify(s);
  const uint64_t* const space = classes.space;
  const char* const begin = s.data();
  const char* const end = begin + n;
  const size_t blocks = (n + 63) / 64;
  // One block more than the line: a byte's right neighbour is read from the
  // next block (the space bitmap has it too, see ByteClassWords).
  thread_local std::vector<uint64_t> iso_buf, complex_buf;
  thread_local std::vector<std::pair<size_t, size_t>> complex_words;
  if (iso_buf.size() < blocks + 1) {
    iso_buf.resize(blocks + 1);
    complex_buf.resize(blocks + 1);
  }
  uint64_t* const iso = iso_buf.data();
  uint64_t* const cx = complex_buf.data();
  std::memset(iso, 0, (blocks + 1) * sizeof(uint64_t));
  complex_words.clear();

  // The special bytes, in order (few per line).
  size_t skip_until = 0;  // bytes before this belong to a complex word found already
  ForEachBitInRange(classes.special, 0, n, [&](size_t i) {
    if (i < skip_until) return;
    const char c = begin[i];
    if (c == '.' || c == ',') {
      const bool word_end = TestBit(space, i + 1);  // bit n is set
      const bool after_digit = i > 0 && IsDigit(begin[i - 1]);
      if (word_end && !(after_digit && i + 1 == n && !padded)) {
        SetBit(iso, i);
        return;
      }
      // An earlier '.' or ',' of this word cannot be isolated: it would be
      // the word's last byte. Rule 1 bytes before it may be; undo them.
      const size_t before = PrevSetBit(space, i);
      const size_t ws = before == SIZE_MAX ? 0 : before + 1;
      const size_t we = NextSetBit(space, i + 1);
      if (complex_words.empty()) std::memset(cx, 0, (blocks + 1) * sizeof(uint64_t));
      SetBitRange(iso, ws, i, false);
      SetBitRange(cx, ws, we, true);
      complex_words.emplace_back(ws, we);
      skip_until = we;
    } else if (c == '-') {
      if (i > 0 && IsDigit(begin[i - 1])) SetBit(iso, i);
    } else {
      SetBit(iso, i);
    }
  });
  const bool any_complex = !complex_words.empty();

  // Token starts: non-space bytes after whitespace or an isolated byte, or
  // isolated themselves; token ends (last bytes) likewise with the right
  // neighbour. Bits past the line and of complex words are left out.
  // The bits of block b that are bytes of the line.
  auto valid = [&](size_t b) {
    return b + 1 < blocks || n % 64 == 0 ? ~uint64_t{0} : (uint64_t{1} << (n % 64)) - 1;
  };
  auto starts = [&](size_t b) {
    const uint64_t sp = space[b];
    const uint64_t prev_sp = (sp << 1) | (b == 0 ? 1 : space[b - 1] >> 63);
    const uint64_t prev_iso = (iso[b] << 1) | (b == 0 ? 0 : iso[b - 1] >> 63);
    uint64_t x = ~sp & valid(b) & (prev_sp | prev_iso | iso[b]);
    return any_complex ? x & ~cx[b] : x;
  };
  auto ends = [&](size_t b) {
    const uint64_t sp = space[b];
    const uint64_t next_sp = (sp >> 1) | (space[b + 1] << 63);
    const uint64_t next_iso = (iso[b] >> 1) | (iso[b + 1] << 63);
    uint64_t x = ~sp & valid(b) & (next_sp | next_iso | iso[b]);
    return any_complex ? x & ~cx[b] : x;
  };

  size_t next_complex = 0;
  size_t complex_start = any_complex ? complex_words[0].first : SIZE_MAX;
  auto emit_complex = [&]() {
    const auto [ws, we] = complex_words[next_complex++];
    SpecialWord(begin + ws, begin + we, begin, end, padded, classes.special, sink);
    complex_start = next_complex < complex_words.size() ? complex_words[next_complex].first : SIZE_MAX;
  };
  // Starts and ends alternate (a one-byte token has both on its byte), so
  // one cursor walks the ends while the loop walks the starts.
  size_t end_block = 0;
  uint64_t end_bits = ends(0);
  for (size_t b = 0; b < blocks; ++b) {
    uint64_t start_bits = starts(b);
    while (start_bits) {
      const size_t first = (b << 6) + static_cast<size_t>(__builtin_ctzll(start_bits));
      start_bits &= start_bits - 1;
      while (complex_start < first) emit_complex();
      while (end_bits == 0) end_bits = ends(++end_block);
      const size_t last = (end_block << 6) + static_cast<size_t>(__builtin_ctzll(end_bits));
      end_bits &= end_bits - 1;
      sink.LineToken(begin + first, last + 1 - first, end);
    }
  }
  while (complex_start != SIZE_MAX) emit_complex();
}

void Tokenize(std::string_view s, bool padded, std::string* out) {
  thread_local std::vector<char> obuf;
  // Output is at most 24x a word plus separators (see ApplyPasses).
  if (obuf.size() < 24 * s.size() + 32) obuf.resize(24 * s.size() + 32);
  StringSink sink{obuf.data(), obuf.data()};
  Scan(s, padded, sink);
  out->assign(obuf.data(), static_cast<size_t>(sink.o - obuf.data()));
}

// Runs scan(s, sink) over a zero-padded copy s of the line (so that every
// view has TokenSpans::kPadding readable bytes), collecting views in *out.
template <typename ScanFn>
void CollectSpans(std::string_view line, TokenSpans* out, ScanFn&& scan) {
  out->source.assign(line.data(), line.size());
  out->source.append(TokenSpans::kPadding, '\0');
  const std::string_view s(out->source.data(), line.size());
  // The passes only insert spaces, so the tokens' bytes never exceed the
  // line's: with this capacity the arena never reallocates.
  out->arena.clear();
  out->arena.reserve(s.size() + TokenSpans::kPadding + 16);
  SpanSink sink{out, out->Prepare(s.size())};
  scan(s, sink);
  out->SetSize(sink.count);
  out->arena.append(TokenSpans::kPadding, '\0');
}

void TokenizeSpans(std::string_view line, bool padded, TokenSpans* out) {
  CollectSpans(line, out, [&](std::string_view s, SpanSink& sink) { Scan(s, padded, sink); });
}

// The words of the line split further at isolated characters: each such
// character is a token, and the pieces between them are words of their own
// (a space stands beside them, as the inserted spaces would).
void ScanIsolating(std::string_view s, const uint64_t* isolate, SpanSink& sink) {
  const LineClasses classes = Classify(s);
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  // A piece is a word of the spaced line (never padded: the zh tokenizer
  // strips the line instead).
  auto piece = [&](const char* a, const char* z) {
    if (a == z) return;
    EmitWord(s, static_cast<size_t>(a - begin), static_cast<size_t>(z - begin), false, classes.special, sink);
  };
  ForEachWord(classes.space, s.size(), [&](size_t b, size_t e) {
    const char* p = begin + b;
    const char* const word_end = begin + e;
    const char* from = p;  // start of the current piece
    while (p < word_end) {
      if (static_cast<unsigned char>(*p) < 0x80) {
        ++p;
        continue;
      }
      const char* const at = p;
      // Three-byte characters first: CJK text is nearly all of them. (The
      // same order inside DecodeUtf8 measured 2% slower for BLEU and chrF
      // on en-zh: its other callers see every byte, ASCII included.)
      const auto lead = static_cast<unsigned char>(*p);
      char32_t c;
      if ((lead & 0xF0) == 0xE0) {
        c = (char32_t(lead & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(p[1]) & 0x3F) << 6) |
            (static_cast<unsigned char>(p[2]) & 0x3F);
        p += 3;
      } else {
        c = DecodeUtf8(p);
      }
      if (c < 0x10000 && ((isolate[c >> 6] >> (c & 63)) & 1)) {
        piece(from, at);
        sink.LineToken(at, static_cast<size_t>(p - at), end);
        from = p;
      }
    }
    piece(from, word_end);
  });
}

}  // namespace

void RegexpTokenize(std::string_view s, std::string* out) { Tokenize(s, false, out); }
void RegexpTokenizePadded(std::string_view s, std::string* out) { Tokenize(s, true, out); }
void RegexpTokenizeSpans(std::string_view s, TokenSpans* out) { TokenizeSpans(s, false, out); }
void RegexpTokenizeSpansPadded(std::string_view s, TokenSpans* out) { TokenizeSpans(s, true, out); }
void RegexpTokenizeSpansIsolating(std::string_view s, const uint64_t* isolate, TokenSpans* out) {
  CollectSpans(s, out, [&](std::string_view copy, SpanSink& sink) { ScanIsolating(copy, isolate, sink); });
}

std::string RegexpTokenizeReference(std::string_view s) {
  std::vector<char> a, b;
  size_t n = ApplyPasses(s, &a, &b);
  return PyNormalizeSpaces(std::string_view(a.data(), n));
}

}  // namespace mteval
