#include "corpus/xml_document.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <mteval/error.h>
#include "corpus/reader_util.h"

namespace mteval {
namespace {

// XML 1.0's Char production.
bool IsXmlChar(unsigned long cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string CodePointName(unsigned long cp) {
  char buf[32];
  std::snprintf(buf, sizeof buf, cp > 0x10FFFF ? "0x%lX" : "U+%04lX", cp);
  return buf;
}

#if defined(__SSE2__)
// Bits of the 16 bytes at `p` that XmlTextChecker::Run must look at: '&',
// '<' before '!' or '?' (a declaration, comment, CDATA section or
// processing instruction; other tags need nothing), a C0 control other than
// tab, LF and CR, and the first byte of U+FFFE or U+FFFF. Reads p[0..17].
unsigned LookMask(const char* p) {
  const auto load = [](const char* q) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q)); };
  const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const __m128i v = load(p), next = load(p + 1);
  const __m128i markup =
      _mm_or_si128(eq(v, '&'), _mm_and_si128(eq(v, '<'), _mm_or_si128(eq(next, '!'), eq(next, '?'))));
  const __m128i control = _mm_andnot_si128(_mm_or_si128(_mm_or_si128(eq(v, '\t'), eq(v, '\n')), eq(v, '\r')),
                                           _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xE0))),
                                                          _mm_setzero_si128()));
  const __m128i nonchar =
      _mm_and_si128(_mm_and_si128(eq(v, static_cast<char>(0xEF)), eq(next, static_cast<char>(0xBF))),
                    eq(_mm_or_si128(load(p + 2), _mm_set1_epi8(1)), static_cast<char>(0xBF)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(markup, control), nonchar)));
}
#endif

// The checks of the header that pugixml does not make, in one pass over the
// (valid UTF-8) content.
class XmlTextChecker {
 public:
  XmlTextChecker(std::string_view content, const std::string& name) : s_(content), name_(name) {}

  void Run() {
    // Bytes that need a look: '<', '&', C0 controls other than tab, LF, CR,
    // and 0xEF (the lead byte of U+FFFE and U+FFFF); the rest is skipped
    // (16 bytes at a time with SSE2, see LookMask).
    static const std::array<bool, 256> kNeedsLook = [] {
      std::array<bool, 256> t{};
      for (int b = 0; b < 0x20; ++b) t[b] = b != '\t' && b != '\n' && b != '\r';
      t['<'] = t['&'] = t[0xEF] = true;
      return t;
    }();
    size_t i = 0;
    while (i < s_.size()) {
#if defined(__SSE2__)
      if (i + 18 <= s_.size()) {
        const unsigned mask = LookMask(s_.data() + i);
        if (mask == 0) {
          i += 16;
          continue;
        }
        i += static_cast<unsigned>(__builtin_ctz(mask));
      }
#endif
      if (!kNeedsLook[static_cast<unsigned char>(s_[i])]) {
        ++i;
        continue;
      }
      const char c = s_[i];
      if (c == '<') {
        i = SkipUnparsed(i);
      } else if (c == '&') {
        i = CheckReference(i);
      } else {
        CheckLiteral(i);
        ++i;
      }
    }
  }

 private:
  [[noreturn]] void Fail(size_t at, const std::string& what) const {
    throw Error(ErrorKind::kInput, DescribePosition(name_, s_, at) + ": " + what);
  }

  // A literal character XML 1.0 never allows: C0 controls but tab, LF, CR;
  // U+FFFE and U+FFFF (EF BF BE/BF). Surrogates cannot occur in valid UTF-8.
  void CheckLiteral(size_t i) const {
    const auto b = static_cast<unsigned char>(s_[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
      Fail(i, "control character " + CodePointName(b) +
                  " is not allowed in XML 1.0 (an XML parser such as sacreBLEU's lxml rejects the file); remove it");
    }
    if (b == 0xEF && i + 2 < s_.size() && static_cast<unsigned char>(s_[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s_[i + 2]) & 0xFE) == 0xBE) {
      Fail(i, "the noncharacter " + CodePointName(static_cast<unsigned char>(s_[i + 2]) == 0xBE ? 0xFFFE : 0xFFFF) +
                  " is not allowed in XML 1.0; remove it");
    }
  }

  // At a '<': refuses a DOCTYPE or ENTITY declaration (DTDs can declare
  // external entities or expansion bombs, and corpus files never need them);
  // skips a comment, CDATA section or processing instruction, whose text
  // holds no references, checking only its characters, and returns the
  // position after it. Any other '<' is markup, where no '&' may occur
  // outside attribute values, so the scan simply goes on. An unterminated
  // section is left to the parser to report.
  size_t SkipUnparsed(size_t i) const {
    static constexpr struct {
      std::string_view open, close;
    } kSections[] = {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
    if (i + 1 < s_.size() && s_[i + 1] != '!' && s_[i + 1] != '?') return i + 1;  // a tag
    for (std::string_view decl : {"<!DOCTYPE", "<!ENTITY"}) {
      if (s_.compare(i, decl.size(), decl) == 0) {
        Fail(i, "refusing a document with a " + std::string(decl.substr(2)) +
                    " declaration: DTDs can declare external entities (XXE) or entity-expansion bombs, and "
                    "corpus files never need them; remove the <!DOCTYPE ...> block");
      }
    }
    for (const auto& sec : kSections) {
      if (s_.compare(i, sec.open.size(), sec.open) != 0) continue;
      size_t end = s_.find(sec.close, i + sec.open.size());
      end = end == std::string_view::npos ? s_.size() : end + sec.close.size();
      for (size_t k = i; k < end; ++k) CheckLiteral(k);
      return end;
    }
    return i + 1;
  }

  // At a '&': checks the reference and returns the position after it.
  size_t CheckReference(size_t at) const {
    static constexpr size_t kMaxLength = 66;  // longer names or digit strings are not looked at
    const size_t semi = s_.substr(0, at + kMaxLength).find(';', at + 1);
    const bool is_char_ref = at + 1 < s_.size() && s_[at + 1] == '#';
    if (semi == std::string_view::npos) {
      Fail(at, std::string(is_char_ref ? "character reference without its closing ';'"
                                       : "'&' that starts no reference") +
                   "; write a literal '&' as &amp;");
    }
    const std::string_view ref = s_.substr(at, semi + 1 - at);
    if (is_char_ref) {
      CheckCharReference(at, ref);
    } else {
      CheckEntityReference(at, ref);
    }
    return semi + 1;
  }

  void CheckCharReference(size_t at, std::string_view ref) const {
    const bool hex = ref.size() > 2 && ref[2] == 'x';
    const std::string_view digits = ref.substr(hex ? 3 : 2, ref.size() - (hex ? 4 : 3));
    unsigned long cp = 0;
    bool ok = !digits.empty();
    for (char d : digits) {
      int v = d >= '0' && d <= '9' ? d - '0' : !hex ? -1 : d >= 'a' && d <= 'f' ? d - 'a' + 10 : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
      if (v < 0) ok = false;
      if (v < 0 || cp > 0x10FFFF) continue;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (!ok) {
      Fail(at, "malformed character reference " + std::string(ref) +
                   "; expected &#DIGITS; or &#xHEX; (a literal '&' is written &amp;)");
    }
    if (!IsXmlChar(cp)) {
      Fail(at, "character reference " + std::string(ref) + " names " + CodePointName(cp) +
                   ", which XML 1.0 does not allow (an XML parser such as sacreBLEU's lxml rejects the file); "
                   "remove it");
    }
  }

  void CheckEntityReference(size_t at, std::string_view ref) const {
    static constexpr std::string_view kPredefined[] = {"&lt;", "&gt;", "&amp;", "&apos;", "&quot;"};
    if (std::find(std::begin(kPredefined), std::end(kPredefined), ref) != std::end(kPredefined)) return;
    const std::string_view body = ref.substr(1, ref.size() - 2);
    const bool name_like = !body.empty() && std::all_of(body.begin(), body.end(), [](char ch) {
      const auto u = static_cast<unsigned char>(ch);
      return u >= 0x80 || std::isalnum(u) || ch == '_' || ch == ':' || ch == '.' || ch == '-';
    });
    if (!name_like) Fail(at, "'&' that starts no reference; write a literal '&' as &amp;");
    Fail(at, "undefined entity " + std::string(ref) +
                 ": XML defines only &lt; &gt; &amp; &apos; &quot; (and DTDs, which could define more, are refused); "
                 "write the character itself or as a character reference such as &#160;");
  }

  std::string_view s_;
  const std::string& name_;
};

std::string ParseStatusHint(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_end_element_mismatch:
      return "expected the closing tag of the innermost open element";
    case pugi::status_bad_end_element:
      return "expected a well-formed closing tag </name>";
    case pugi::status_bad_start_element:
      return "expected a well-formed start tag <name ...>";
    case pugi::status_bad_attribute:
      return "expected attributes written as name=\"value\"";
    case pugi::status_no_document_element:
      return "expected a root element (is the file empty?)";
    case pugi::status_bad_pcdata:
    case pugi::status_unrecognized_tag:
      return "expected text or a tag ('<' and '&' in text must be written &lt; and &amp;)";
    default:
      return "expected well-formed XML";
  }
}

}  // namespace

std::string XmlDocument::Where(const pugi::xml_node& node) const {
  const ptrdiff_t off = node.offset_debug();
  return off < 0 ? name : DescribePosition(name, content, static_cast<size_t>(off));
}

void XmlDocument::Fail(const pugi::xml_node& node, const std::string& what) const {
  throw Error(ErrorKind::kInput, Where(node) + ": " + what);
}

void ParseXmlDocument(std::string_view raw, const std::string& name, unsigned options, XmlDocument* out) {
  out->name = name;
  out->content = SkipUtf8Bom(raw);
  CheckUtf8(out->content, name);
  XmlTextChecker(out->content, name).Run();
  pugi::xml_parse_result r = out->doc.load_buffer(out->content.data(), out->content.size(), options, pugi::encoding_utf8);
  if (!r) {
    const auto off = static_cast<size_t>(std::max<ptrdiff_t>(0, r.offset));
    std::string msg = DescribePosition(name, out->content, off) + ": malformed XML (" + r.description() + "); " +
                      ParseStatusHint(r.status);
    if (off + 1 >= out->content.size() && r.status != pugi::status_no_document_element) {
      msg += "; the file ends before every element is closed (is it truncated?)";
    }
    throw Error(ErrorKind::kInput, msg);
  }
}

}  // namespace mteval
