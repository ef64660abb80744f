#include "corpus/xml_readers.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <pugixml.hpp>

#include "common/error.h"
#include "corpus/line_reader.h"
#include "corpus/xml_document.h"
#include "text/utf8.h"

namespace mteval {
namespace {

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view n = node.name();
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Checks and parses `raw` into `in` (xml_document.h).
void ParseXml(std::string_view raw, const std::string& name, XmlDocument* in) {
  ParseXmlDocument(raw, name, pugi::parse_default | pugi::parse_ws_pcdata, in);
}

pugi::xml_node Root(const XmlDocument& in, std::string_view expected, const std::string& format) {
  pugi::xml_node root = in.doc.document_element();
  if (LocalName(root) != expected) {
    in.Fail(root, "expected the root element <" + std::string(expected) + "> of " + format + ", found <" +
                      root.name() + ">");
  }
  return root;
}

std::string RequiredAttr(const XmlDocument& in, const pugi::xml_node& node, const char* attr, const std::string& hint) {
  pugi::xml_attribute a = node.attribute(attr);
  if (!a) {
    in.Fail(node, "element <" + std::string(node.name()) + "> has no " + attr + " attribute (expected " + hint + ")");
  }
  return a.value();
}

std::map<std::string, std::string> Attrs(const pugi::xml_node& node) {
  std::map<std::string, std::string> out;
  for (pugi::xml_attribute a : node.attributes()) out[a.name()] = a.value();
  return out;
}

bool IsStandaloneCode(std::string_view tag) {
  static const char* kCodes[] = {"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em"};
  return std::any_of(std::begin(kCodes), std::end(kCodes), [&](const char* c) { return tag == c; });
}

// Deeper element nesting is refused (the walks below recurse).
constexpr int kMaxDepth = 200;

// Thrown by the walks, turned into an Error with the file position by
// WithDepthGuard (the walks do not know the file).
struct DepthExceeded {
  pugi::xml_node node;
};

[[noreturn]] void TooDeep(const pugi::xml_node& node) { throw DepthExceeded{node}; }

template <typename F>
auto WithDepthGuard(const XmlDocument& in, F&& f) {
  try {
    return f();
  } catch (const DepthExceeded& e) {
    in.Fail(e.node, std::string("elements nested more than ") + std::to_string(kMaxDepth) + " levels deep inside <" +
                        e.node.name() + ">; corpus files never need that");
  }
}

// Appends the text of `node`'s children to `seg`, turning inline markup into
// spans (see the header).
void AppendInline(const pugi::xml_node& node, Segment* seg, int depth = 0) {
  if (depth > kMaxDepth) TooDeep(node);
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      seg->text += child.value();
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    std::string_view tag = LocalName(child);
    TextSpan span;
    span.attrs = Attrs(child);
    span.attrs["tag"] = std::string(tag);
    span.begin = seg->text.size();
    if (tag == "cp") {  // XLIFF 2 code point that XML cannot carry literally
      char32_t cp = static_cast<char32_t>(std::strtoul(child.attribute("hex").value(), nullptr, 16));
      if (cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) AppendUtf8(cp, &seg->text);
      continue;
    }
    if (IsStandaloneCode(tag)) {
      span.kind = "placeholder";
    } else {
      span.kind = "inline";
      AppendInline(child, seg, depth + 1);
    }
    span.end = seg->text.size();
    seg->spans.push_back(std::move(span));
  }
}

void CollectElements(const pugi::xml_node& node, std::string_view tag, std::vector<pugi::xml_node>* out,
                     int depth = 0) {
  if (depth > kMaxDepth) TooDeep(node);
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == tag) {
      out->push_back(child);
    } else {
      CollectElements(child, tag, out, depth + 1);
    }
  }
}

std::vector<pugi::xml_node> Elements(const pugi::xml_node& node, std::string_view tag) {
  std::vector<pugi::xml_node> out;
  CollectElements(node, tag, &out);
  return out;
}

SegmentedText NewText(const std::string& name, const char* format) {
  SegmentedText t;
  t.path = name;
  t.format = format;
  return t;
}

// ---- WMT XML ---------------------------------------------------------------

// Appends the <seg>s of one <src>/<ref>/<hyp> block of document `doc`.
void AppendWmtSegments(const XmlDocument& in, const pugi::xml_node& block, const DocumentInfo& doc, SegmentedText* out) {
  if (out->docs.empty() || out->docs.back().id != doc.id) out->docs.push_back(doc);
  for (const pugi::xml_node& seg : Elements(block, "seg")) {
    Segment s;
    s.doc_id = doc.id;
    s.seg_id = RequiredAttr(in, seg, "id", "<seg id=\"N\">");
    AppendInline(seg, &s);
    out->segments.push_back(std::move(s));
  }
}

SegmentedText* StreamFor(std::vector<SegmentedText>* streams, const std::string& key, const std::string& name,
                         const std::string& lang) {
  for (SegmentedText& t : *streams) {
    if (t.name == key) return &t;
  }
  streams->push_back(NewText(name, "wmt-xml"));
  streams->back().name = key;
  streams->back().lang = lang;
  return &streams->back();
}

// ---- XLIFF -----------------------------------------------------------------

void AddPair(Segment src, const pugi::xml_node& target, BilingualText* out) {
  if (target) {
    Segment tgt;
    tgt.doc_id = src.doc_id;
    tgt.seg_id = src.seg_id;
    AppendInline(target, &tgt);
    out->target.segments.push_back(std::move(tgt));
  }
  out->source.segments.push_back(std::move(src));
}

std::vector<pugi::xml_node> SegMarks(const pugi::xml_node& node) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xml_node& m : Elements(node, "mrk")) {
    if (std::string_view(m.attribute("mtype").value()) == "seg") out.push_back(m);
  }
  return out;
}

void ReadXliff12Unit(const XmlDocument& in, const pugi::xml_node& unit, const std::string& doc_id, BilingualText* out) {
  const std::string id = RequiredAttr(in, unit, "id", "<trans-unit id=\"...\">");
  pugi::xml_node source = unit.child("source");
  if (!source) in.Fail(unit, "<trans-unit id=\"" + id + "\"> has no <source> element");
  pugi::xml_node target = unit.child("target");
  pugi::xml_node seg_source = unit.child("seg-source");
  if (!seg_source) {
    Segment s;
    s.doc_id = doc_id;
    s.seg_id = id;
    AppendInline(source, &s);
    AddPair(std::move(s), target, out);
    return;
  }
  std::map<std::string, pugi::xml_node> target_marks;
  if (target) {
    for (const pugi::xml_node& m : SegMarks(target)) target_marks[m.attribute("mid").value()] = m;
  }
  for (const pugi::xml_node& m : SegMarks(seg_source)) {
    Segment s;
    s.doc_id = doc_id;
    s.seg_id = id + "/" + RequiredAttr(in, m, "mid", "<mrk mtype=\"seg\" mid=\"...\">");
    AppendInline(m, &s);
    auto it = target_marks.find(s.seg_id.substr(id.size() + 1));
    AddPair(std::move(s), it == target_marks.end() ? pugi::xml_node() : it->second, out);
  }
}

void ReadXliff2Unit(const XmlDocument& in, const pugi::xml_node& unit, const std::string& doc_id, BilingualText* out) {
  const std::string id = RequiredAttr(in, unit, "id", "<unit id=\"...\">");
  std::vector<pugi::xml_node> segments;
  for (pugi::xml_node c : unit.children()) {
    if (LocalName(c) == "segment") segments.push_back(c);
  }
  if (segments.empty()) in.Fail(unit, "<unit id=\"" + id + "\"> has no <segment> element");
  for (size_t i = 0; i < segments.size(); ++i) {
    pugi::xml_node source = segments[i].child("source");
    if (!source) in.Fail(segments[i], "<segment> has no <source> element");
    Segment s;
    s.doc_id = doc_id;
    s.seg_id = id;
    if (segments.size() > 1) {
      pugi::xml_attribute sid = segments[i].attribute("id");
      s.seg_id += "/" + (sid ? std::string(sid.value()) : std::to_string(i + 1));
    }
    AppendInline(source, &s);
    AddPair(std::move(s), segments[i].child("target"), out);
  }
}

WmtXmlFile ReadWmtDataset(const XmlDocument& in, const std::string& name) {
  pugi::xml_node root = Root(in, "dataset", "WMT XML");
  WmtXmlFile out;
  out.source = NewText(name, "wmt-xml");
  std::vector<pugi::xml_node> docs = Elements(root, "doc");
  if (docs.empty()) in.Fail(root, "expected <doc id=\"...\"> elements inside <dataset>, found none");
  for (const pugi::xml_node& d : docs) {
    DocumentInfo info;
    info.id = RequiredAttr(in, d, "id", "<doc id=\"...\" origlang=\"..\">");
    info.origlang = d.attribute("origlang").value();
    info.domain = d.attribute("domain").value();
    info.attrs = Attrs(d);
    for (pugi::xml_node block : d.children()) {
      std::string_view tag = LocalName(block);
      const std::string lang = block.attribute("lang").value();
      if (tag == "src") {
        out.source.lang = lang;
        AppendWmtSegments(in, block, info, &out.source);
      } else if (tag == "ref") {
        AppendWmtSegments(in, block, info, StreamFor(&out.refs, block.attribute("translator").value(), name, lang));
      } else if (tag == "hyp") {
        const std::string system = RequiredAttr(in, block, "system", "<hyp system=\"NAME\">");
        AppendWmtSegments(in, block, info, StreamFor(&out.hyps, system, name, lang));
      }
    }
  }
  return out;
}

}  // namespace

WmtXmlFile ParseWmtXml(std::string_view content, const std::string& name) {
  XmlDocument in;
  ParseXml(content, name, &in);
  return WithDepthGuard(in, [&] { return ReadWmtDataset(in, name); });
}

WmtXmlFile ReadWmtXml(const std::string& path) { return ParseWmtXml(ReadFileBytes(path), path); }

namespace {

BilingualText ReadXliffDocument(const XmlDocument& in, const std::string& name) {
  pugi::xml_node root = Root(in, "xliff", "XLIFF");
  const std::string version = root.attribute("version").value();
  const bool v1 = version.empty() || version[0] == '1';
  BilingualText out;
  out.source = NewText(name, "xliff");
  out.target = NewText(name, "xliff");
  if (!v1) {
    out.source.lang = root.attribute("srcLang").value();
    out.target.lang = root.attribute("trgLang").value();
  }
  std::vector<pugi::xml_node> files = Elements(root, "file");
  if (files.empty()) in.Fail(root, "expected <file> elements inside <xliff>, found none");
  for (const pugi::xml_node& f : files) {
    DocumentInfo info;
    info.id = f.attribute(v1 ? "original" : "id").value();
    info.attrs = Attrs(f);
    if (v1) {
      if (out.source.lang.empty()) out.source.lang = f.attribute("source-language").value();
      if (out.target.lang.empty()) out.target.lang = f.attribute("target-language").value();
    }
    out.source.docs.push_back(info);
    out.target.docs.push_back(info);
    for (const pugi::xml_node& unit : Elements(f, v1 ? "trans-unit" : "unit")) {
      if (v1) {
        ReadXliff12Unit(in, unit, info.id, &out);
      } else {
        ReadXliff2Unit(in, unit, info.id, &out);
      }
    }
  }
  return out;
}

}  // namespace

BilingualText ParseXliff(std::string_view content, const std::string& name) {
  XmlDocument in;
  ParseXml(content, name, &in);
  return WithDepthGuard(in, [&] { return ReadXliffDocument(in, name); });
}

BilingualText ReadXliff(const std::string& path) { return ParseXliff(ReadFileBytes(path), path); }

namespace {

std::vector<SegmentedText> ReadTmxDocument(const XmlDocument& in, const std::string& name) {
  pugi::xml_node root = Root(in, "tmx", "TMX");
  std::vector<SegmentedText> out;
  std::map<std::string, size_t> by_lang;  // lower-cased language -> index in out
  auto stream = [&](const std::string& lang) -> SegmentedText& {
    auto [it, added] = by_lang.emplace(Lower(lang), out.size());
    if (added) {
      out.push_back(NewText(name, "tmx"));
      out.back().lang = lang;
    }
    return out[it->second];
  };
  const std::string srclang = root.child("header").attribute("srclang").value();
  if (!srclang.empty() && srclang != "*all*") stream(srclang);
  pugi::xml_node body = root.child("body");
  if (!body) in.Fail(root, "expected a <body> element inside <tmx>");
  size_t number = 0;
  for (pugi::xml_node tu : body.children("tu")) {
    ++number;
    pugi::xml_attribute tuid = tu.attribute("tuid");
    const std::string id = tuid ? tuid.value() : std::to_string(number);
    for (pugi::xml_node tuv : tu.children("tuv")) {
      pugi::xml_attribute lang = tuv.attribute("xml:lang");
      if (!lang) lang = tuv.attribute("lang");  // TMX 1.1
      if (!lang) in.Fail(tuv, "element <tuv> has no xml:lang attribute (expected <tuv xml:lang=\"..\">)");
      pugi::xml_node seg = tuv.child("seg");
      if (!seg) in.Fail(tuv, "element <tuv> has no <seg> element (expected <tuv xml:lang=\"..\"><seg>...</seg>)");
      Segment s;
      s.seg_id = id;
      AppendInline(seg, &s);
      stream(lang.value()).segments.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

std::vector<SegmentedText> ParseTmx(std::string_view content, const std::string& name) {
  XmlDocument in;
  ParseXml(content, name, &in);
  return WithDepthGuard(in, [&] { return ReadTmxDocument(in, name); });
}

std::vector<SegmentedText> ReadTmx(const std::string& path) { return ParseTmx(ReadFileBytes(path), path); }

}  // namespace mteval
