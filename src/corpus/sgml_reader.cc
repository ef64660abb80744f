#include "corpus/sgml_reader.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

using Attrs = std::map<std::string, std::string>;

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == ':' || c == '.';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class SgmlParser {
 public:
  SgmlParser(std::string_view content, const std::string& name) : s_(content), name_(name) {}

  SegmentedText Parse() {
    out_.path = name_;
    out_.format = "sgml";
    size_t bad = FindInvalidUtf8(s_);
    if (bad != std::string_view::npos) {
      pos_ = bad;
      Fail("invalid UTF-8 (byte offset " + std::to_string(bad) + "); " + Utf8ConversionAdvice(s_));
    }
    while (pos_ < s_.size()) {
      if (s_[pos_] == '<') {
        ParseMarkup();
      } else {
        size_t next = s_.find('<', pos_);
        if (next == std::string_view::npos) next = s_.size();
        Text(pos_, next);
        pos_ = next;
      }
    }
    if (in_term_) Fail("end of file inside <term> opened on line " + std::to_string(term_line_) + "; expected </term>");
    if (in_seg_) Fail("end of file inside <seg> opened on line " + std::to_string(seg_line_) + "; expected </seg>");
    if (in_doc_) Fail("end of file inside <doc> opened on line " + std::to_string(doc_line_) + "; expected </doc>");
    if (!set_.empty()) Fail("end of file inside <" + set_ + ">; expected </" + set_ + ">");
    out_.has_file_ids = every_seg_has_id_ && !out_.segments.empty();
    return std::move(out_);
  }

 private:
  // 1-based line of byte `pos`; positions only grow, so counting is incremental.
  size_t LineAt(size_t pos) {
    pos = std::min(pos, s_.size());
    if (pos < counted_pos_) {
      counted_pos_ = 0;
      counted_line_ = 1;
    }
    counted_line_ += static_cast<size_t>(std::count(s_.begin() + counted_pos_, s_.begin() + pos, '\n'));
    counted_pos_ = pos;
    return counted_line_;
  }

  [[noreturn]] void FailAt(size_t pos, const std::string& what) {
    throw Error(ErrorKind::kInput, name_ + ":" + std::to_string(LineAt(pos)) + ": " + what);
  }
  [[noreturn]] void Fail(const std::string& what) { FailAt(pos_, what); }

  // Decodes entities in s_[begin, end) and appends to `out`.
  void AppendDecoded(size_t begin, size_t end, std::string* out) {
    size_t p = begin;
    while (p < end) {
      size_t amp = s_.find('&', p);
      if (amp == std::string_view::npos || amp >= end) {
        out->append(s_.data() + p, end - p);
        return;
      }
      out->append(s_.data() + p, amp - p);
      size_t q = amp + 1;
      bool numeric = q < end && s_[q] == '#';
      if (numeric) ++q;
      bool hex = numeric && q < end && (s_[q] == 'x' || s_[q] == 'X');
      if (hex) ++q;
      size_t name_begin = q;
      while (q < end && q - name_begin < 32 && IsNameChar(s_[q])) ++q;
      if (q >= end || s_[q] != ';' || q == name_begin) {  // not a reference: keep '&' literally
        out->push_back('&');
        p = amp + 1;
        continue;
      }
      std::string_view ref = s_.substr(name_begin, q - name_begin);
      if (numeric) {
        uint32_t cp = 0;
        bool ok = ref.size() <= 8;
        for (char c : ref) {
          int d = (c >= '0' && c <= '9') ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                : -1;
          if (d < 0) ok = false;
          if (ok) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        }
        if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
          FailAt(amp, "bad character reference '" + std::string(s_.substr(amp, q + 1 - amp)) +
                          "'; expected &#DECIMAL; or &#xHEX; naming a Unicode scalar value");
        AppendUtf8(static_cast<char32_t>(cp), out);
      } else if (ref == "amp") {
        out->push_back('&');
      } else if (ref == "lt") {
        out->push_back('<');
      } else if (ref == "gt") {
        out->push_back('>');
      } else if (ref == "quot") {
        out->push_back('"');
      } else if (ref == "apos") {
        out->push_back('\'');
      } else if (ref == "nbsp") {
        out->append("\xC2\xA0");
      } else {
        FailAt(amp, "unknown entity '&" + std::string(ref) +
                        ";'; expected &amp; &lt; &gt; &quot; &apos; &nbsp; or a numeric reference &#N;");
      }
      p = q + 1;
    }
  }

  void Text(size_t begin, size_t end) {
    if (in_seg_) {
      AppendDecoded(begin, end, &seg_.text);
      return;
    }
    std::string_view t = s_.substr(begin, end - begin);
    std::string_view stripped = PyLstrip(t);
    if (!stripped.empty())
      FailAt(begin + (t.size() - stripped.size()),
             "text outside <seg>: '" + std::string(stripped.substr(0, std::min<size_t>(30, stripped.find('\n')))) +
                 "'; expected only markup and whitespace between segments");
  }

  void SkipSpaces(size_t* p) {
    while (*p < s_.size() && (s_[*p] == ' ' || s_[*p] == '\t' || s_[*p] == '\n' || s_[*p] == '\r')) ++*p;
  }

  void ParseMarkup() {
    size_t start = pos_;
    if (s_.compare(pos_, 4, "<!--") == 0) {
      size_t e = s_.find("-->", pos_ + 4);
      if (e == std::string_view::npos) Fail("unterminated comment; expected '-->'");
      pos_ = e + 3;
      return;
    }
    if (s_.compare(pos_, 2, "<?") == 0 || s_.compare(pos_, 2, "<!") == 0) {  // <?xml ..?>, <!DOCTYPE ..>
      if (in_seg_) Fail("declaration inside <seg>; expected text, <term> or </seg>");
      size_t e = s_.find('>', pos_);
      if (e == std::string_view::npos) Fail("unterminated declaration; expected '>'");
      pos_ = e + 1;
      return;
    }
    size_t p = pos_ + 1;
    bool closing = p < s_.size() && s_[p] == '/';
    if (closing) ++p;
    size_t nb = p;
    while (p < s_.size() && IsNameChar(s_[p])) ++p;
    if (p == nb) {
      if (in_seg_) {  // a literal '<' in segment text, as lenient SGML readers keep it
        AppendDecoded(pos_, pos_ + 1, &seg_.text);
        pos_ += 1;
        return;
      }
      Fail("'<' not followed by an element name; expected a tag such as <seg id=\"1\">");
    }
    std::string tag = Lower(s_.substr(nb, p - nb));
    Attrs attrs;
    for (;;) {
      SkipSpaces(&p);
      if (p >= s_.size()) FailAt(start, "unterminated tag <" + tag + "; expected '>'");
      if (s_[p] == '>') {
        ++p;
        break;
      }
      if (s_[p] == '/' && p + 1 < s_.size() && s_[p + 1] == '>') {
        p += 2;
        break;
      }
      if (closing) FailAt(p, "unexpected content in closing tag </" + tag + ">; expected '>'");
      size_t ab = p;
      while (p < s_.size() && IsNameChar(s_[p])) ++p;
      if (p == ab)
        FailAt(p, "unexpected character '" + std::string(1, s_[p]) + "' in tag <" + tag +
                      ">; expected an attribute name or '>'");
      std::string key = Lower(s_.substr(ab, p - ab));
      SkipSpaces(&p);
      std::string value;
      if (p < s_.size() && s_[p] == '=') {
        ++p;
        SkipSpaces(&p);
        if (p < s_.size() && (s_[p] == '"' || s_[p] == '\'')) {
          char q = s_[p];
          size_t vb = ++p;
          size_t ve = s_.find(q, vb);
          if (ve == std::string_view::npos)
            FailAt(vb, "unterminated value of attribute '" + key + "'; expected a closing " + std::string(1, q));
          AppendDecoded(vb, ve, &value);
          p = ve + 1;
        } else {
          size_t vb = p;
          while (p < s_.size() && s_[p] != '>' && s_[p] != ' ' && s_[p] != '\t' && s_[p] != '\n' && s_[p] != '\r')
            ++p;
          if (p == vb) FailAt(p, "missing value of attribute '" + key + "'; expected " + key + "=\"...\"");
          AppendDecoded(vb, p, &value);
        }
      }
      if (attrs.count(key)) FailAt(ab, "attribute '" + key + "' repeated in <" + tag + ">; expected it once");
      attrs[key] = std::move(value);
    }
    size_t tag_pos = start;
    pos_ = p;
    if (closing)
      Close(tag, tag_pos);
    else
      Open(tag, std::move(attrs), tag_pos);
  }

  void Open(const std::string& tag, Attrs attrs, size_t at) {
    if (in_seg_) {
      if (tag != "term") FailAt(at, "element <" + tag + "> inside <seg>; expected text, <term> or </seg>");
      if (in_term_) FailAt(at, "<term> inside <term> opened on line " + std::to_string(term_line_) + "; expected </term>");
      in_term_ = true;
      term_line_ = LineAt(at);
      term_.begin = seg_.text.size();
      term_.kind = "term";
      term_.attrs = std::move(attrs);
      return;
    }
    if (tag == "srcset" || tag == "refset" || tag == "tstset") {
      if (!set_.empty()) FailAt(at, "<" + tag + "> inside <" + set_ + ">; expected </" + set_ + "> first");
      set_ = tag;
      auto lang = attrs.find(tag == "srcset" ? "srclang" : "trglang");
      if (lang != attrs.end()) out_.lang = lang->second;
      auto sys = attrs.find("sysid");
      if (sys != attrs.end()) out_.name = sys->second;
    } else if (tag == "doc") {
      if (in_doc_) FailAt(at, "<doc> inside <doc> opened on line " + std::to_string(doc_line_) + "; expected </doc>");
      in_doc_ = true;
      doc_line_ = LineAt(at);
      doc_segs_ = 0;
      DocumentInfo info;
      auto id = attrs.find("docid");
      if (id == attrs.end()) FailAt(at, "<doc> without a docid attribute; expected <doc docid=\"...\">");
      info.id = id->second;
      if (attrs.count("origlang")) info.origlang = attrs["origlang"];
      if (attrs.count("genre")) info.domain = attrs["genre"];
      if (out_.name.empty() && attrs.count("sysid")) out_.name = attrs["sysid"];
      info.attrs = std::move(attrs);
      out_.docs.push_back(std::move(info));
    } else if (tag == "seg") {
      in_seg_ = true;
      seg_line_ = LineAt(at);
      seg_ = Segment();
      ++doc_segs_;
      if (in_doc_) seg_.doc_id = out_.docs.back().id;
      auto id = attrs.find("id");
      seg_.seg_id = id != attrs.end() ? id->second : std::to_string(doc_segs_);
      every_seg_has_id_ = every_seg_has_id_ && id != attrs.end();
    } else if (tag == "p" || tag == "hl" || tag == "mteval") {
      // structural wrappers without meaning for scoring
    } else {
      FailAt(at, "unknown element <" + tag + ">; expected <srcset>, <refset>, <tstset>, <doc>, <p> or <seg>");
    }
  }

  void Close(const std::string& tag, size_t at) {
    if (in_seg_) {
      if (tag == "term") {
        if (!in_term_) FailAt(at, "</term> without <term>; expected text, <term> or </seg>");
        in_term_ = false;
        // Trim the span to the term's text without surrounding whitespace.
        std::string_view all(seg_.text);
        std::string_view inside = all.substr(term_.begin);
        std::string_view stripped = PyStrip(inside);
        size_t begin = term_.begin + static_cast<size_t>(stripped.data() - inside.data());
        term_.begin = begin;
        term_.end = begin + stripped.size();
        seg_.spans.push_back(std::move(term_));
        term_ = TextSpan();
        return;
      }
      if (tag != "seg") FailAt(at, "</" + tag + "> inside <seg>; expected </seg>");
      if (in_term_) FailAt(at, "</seg> inside <term> opened on line " + std::to_string(term_line_) + "; expected </term>");
      in_seg_ = false;
      out_.segments.push_back(std::move(seg_));
      seg_ = Segment();
      return;
    }
    if (tag == "srcset" || tag == "refset" || tag == "tstset") {
      if (set_ != tag) FailAt(at, "</" + tag + "> without <" + tag + ">" + (set_.empty() ? "" : "; expected </" + set_ + ">"));
      if (in_doc_) FailAt(at, "</" + tag + "> inside <doc> opened on line " + std::to_string(doc_line_) + "; expected </doc>");
      set_.clear();
    } else if (tag == "doc") {
      if (!in_doc_) FailAt(at, "</doc> without <doc>");
      in_doc_ = false;
    } else if (tag == "p" || tag == "hl" || tag == "mteval") {
    } else if (tag == "seg" || tag == "term") {
      FailAt(at, "</" + tag + "> without <" + tag + ">");
    } else {
      FailAt(at, "unknown element </" + tag + ">; expected </doc>, </p>, </seg> or the set's closing tag");
    }
  }

  std::string_view s_;
  const std::string& name_;
  size_t pos_ = 0;
  size_t counted_pos_ = 0, counted_line_ = 1;
  SegmentedText out_;
  std::string set_;
  bool in_doc_ = false, in_seg_ = false, in_term_ = false;
  bool every_seg_has_id_ = true;
  size_t doc_line_ = 0, seg_line_ = 0, term_line_ = 0, doc_segs_ = 0;
  Segment seg_;
  TextSpan term_;
};

}  // namespace

SegmentedText ParseSgml(std::string_view content, const std::string& name) {
  return SgmlParser(content, name).Parse();
}

SegmentedText ReadSgml(const std::string& path) { return ParseSgml(ReadFileBytes(path), path); }

}  // namespace mteval
