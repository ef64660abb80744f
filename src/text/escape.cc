#include "text/escape.h"

#include <cstdio>

#include "text/utf8.h"

namespace mteval {
namespace {

// Decodes one code point at s[i] with validation; returns U+FFFD and
// advances one byte for an invalid sequence.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = u[*i];
  size_t len = Utf8SequenceLength(c);
  if (len == 1) {
    ++*i;
    return c < 0x80 ? c : 0xFFFD;
  }
  if (*i + len > s.size() || FindInvalidUtf8(s.substr(*i, len)) != std::string_view::npos) {
    ++*i;
    return 0xFFFD;
  }
  const char* p = s.data() + *i;
  char32_t cp = DecodeUtf8(p);
  *i += len;
  return cp;
}

enum class Mode { kElement, kAttribute, kPlain };

std::string Escape(std::string_view text, Mode mode) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && c >= 0x20 && c != 0x7F) {
      if (mode == Mode::kPlain) {
        out.push_back(static_cast<char>(c));
        ++i;
        continue;
      }
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = NextCodePoint(text, &i);
    if (cp == '\t') {
      out.push_back('\t');
    } else if (IsHiddenControl(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "[U+%04X]", static_cast<unsigned>(cp));
      out += mode == Mode::kElement ? std::string("<span class=\"ctl\">") + buf + "</span>" : std::string(buf);
    } else if (cp == 0xFFFD && text.substr(start, i - start) != "\xEF\xBF\xBD") {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.data() + start, i - start);
    }
  }
  return out;
}

}  // namespace

bool IsHiddenControl(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

std::string EscapeHtml(std::string_view text) { return Escape(text, Mode::kElement); }
std::string EscapeAttribute(std::string_view text) { return Escape(text, Mode::kAttribute); }
std::string ShowHiddenControls(std::string_view text) { return Escape(text, Mode::kPlain); }

std::string ShowHiddenControlsInLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    out += Escape(text.substr(0, nl), Mode::kPlain);
    if (nl == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace mteval
