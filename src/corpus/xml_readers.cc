#include "corpus/xml_readers.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <pugixml.hpp>

#include <mteval/error.h>
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

// One <src>, <ref> or <hyp> block of a document: its <seg>s in file order.
struct WmtBlock {
  size_t stream = 0;  // index into WmtXmlFile::refs or ::hyps (0 for the source)
  pugi::xml_node block;
  std::vector<Segment> segments;
  std::vector<pugi::xml_node> nodes;  // the <seg> of each segment, for messages
};

WmtBlock ReadWmtBlock(const XmlDocument& in, const pugi::xml_node& block, const std::string& doc_id, size_t stream) {
  WmtBlock out;
  out.stream = stream;
  out.block = block;
  out.nodes = Elements(block, "seg");
  out.segments.resize(out.nodes.size());
  for (size_t i = 0; i < out.nodes.size(); ++i) {
    Segment& s = out.segments[i];
    s.doc_id = doc_id;
    s.seg_id = RequiredAttr(in, out.nodes[i], "id", "<seg id=\"N\">");
    AppendInline(out.nodes[i], &s);
  }
  return out;
}

// Index of the stream named `key` in `streams`, added when new.
size_t StreamIndex(std::vector<SegmentedText>* streams, const std::string& key, const std::string& name,
                   const std::string& lang) {
  for (size_t i = 0; i < streams->size(); ++i) {
    if ((*streams)[i].name == key) return i;
  }
  streams->push_back(NewText(name, "wmt-xml"));
  streams->back().name = key;
  streams->back().lang = lang;
  return streams->size() - 1;
}

// One document's blocks, read before any of its segments is kept or left
// out: that depends on every reference of the document.
struct WmtDocument {
  DocumentInfo info;
  bool testsuite = false;  // <doc testsuite="..">
  std::vector<WmtBlock> source, refs, hyps;
};

// A document's segment ids in sacreBLEU's order (first seen in the source,
// then in the references and systems; sorted as numbers when every id is one,
// as sacreBLEU iterates sorted(int(id))), and each stream's segment of each
// id (nullptr where the stream lacks it). Throws Error(kInput) for an id
// twice in one stream.
class WmtSegmentTable {
 public:
  WmtSegmentTable(const XmlDocument& in, WmtDocument* doc, size_t num_refs, size_t num_hyps)
      : num_refs_(num_refs), num_hyps_(num_hyps) {
    size_t total = 0;
    for (auto* blocks : {&doc->source, &doc->refs, &doc->hyps}) {
      for (const WmtBlock& b : *blocks) total += b.segments.size();
    }
    ids_.reserve(total);  // position_ views these strings: they must not move
    position_.reserve(total);
    for (auto* blocks : {&doc->source, &doc->refs, &doc->hyps}) {
      for (const WmtBlock& b : *blocks) {
        for (const Segment& seg : b.segments) {
          if (position_.count(seg.seg_id) == 0) {
            ids_.push_back(seg.seg_id);
            position_.emplace(ids_.back(), ids_.size() - 1);
          }
        }
      }
    }
    SortNumeric();
    const size_t n = ids_.size();
    slots_.assign((1 + num_refs + num_hyps) * n, nullptr);
    Fill(in, doc->info.id, &doc->source, 0);
    Fill(in, doc->info.id, &doc->refs, n);
    Fill(in, doc->info.id, &doc->hyps, (1 + num_refs) * n);
  }

  size_t size() const { return ids_.size(); }
  const std::string& id(size_t i) const { return ids_[i]; }
  Segment* source(size_t i) const { return slots_[i]; }
  Segment* ref(size_t r, size_t i) const { return slots_[(1 + r) * ids_.size() + i]; }
  Segment* hyp(size_t h, size_t i) const { return slots_[(1 + num_refs_ + h) * ids_.size() + i]; }
  size_t num_refs() const { return num_refs_; }
  size_t num_hyps() const { return num_hyps_; }

 private:
  void SortNumeric() {
    std::vector<std::pair<uint64_t, size_t>> keys;  // (value, first-seen index)
    keys.reserve(ids_.size());
    for (const std::string& id : ids_) {
      if (id.empty() || id.size() > 18) return;
      uint64_t v = 0;
      for (char c : id) {
        if (c < '0' || c > '9') return;
        v = v * 10 + static_cast<uint64_t>(c - '0');
      }
      keys.emplace_back(v, keys.size());
    }
    if (std::is_sorted(keys.begin(), keys.end())) return;
    std::sort(keys.begin(), keys.end());  // the index makes equal values keep their order
    std::vector<std::string> sorted;
    sorted.reserve(ids_.capacity());
    for (const auto& k : keys) sorted.push_back(std::move(ids_[k.second]));
    ids_ = std::move(sorted);
    position_.clear();
    for (size_t i = 0; i < ids_.size(); ++i) position_.emplace(ids_[i], i);
  }

  // Each block's segments into the slots of its stream, from `base`.
  void Fill(const XmlDocument& in, const std::string& doc_id, std::vector<WmtBlock>* blocks, size_t base) {
    for (WmtBlock& b : *blocks) {
      for (size_t k = 0; k < b.segments.size(); ++k) {
        Segment*& slot = slots_[base + b.stream * ids_.size() + position_.at(b.segments[k].seg_id)];
        if (slot) {
          in.Fail(b.nodes[k], "segment id \"" + b.segments[k].seg_id + "\" appears twice in <" + b.block.name() +
                                  "> of document \"" + doc_id + "\"; segment ids must be unique within a document");
        }
        slot = &b.segments[k];
      }
    }
  }

  size_t num_refs_, num_hyps_;
  std::vector<std::string> ids_;
  std::unordered_map<std::string_view, size_t> position_;
  std::vector<Segment*> slots_;  // [source | each reference | each system] x ids
};

void PushSegment(const DocumentInfo& doc, Segment&& s, SegmentedText* out) {
  if (out->docs.empty() || out->docs.back().id != doc.id) out->docs.push_back(doc);
  out->segments.push_back(std::move(s));
}

// Adds `doc`'s segments to `out` as sacreBLEU reads them: a testsuite
// document is left out; so is a segment that no reference of the file
// translates (every <ref> lacks it or has it empty), when the file has
// references; a reference lacking a kept segment gets it empty. Left-out
// segments go to `left_out`.
void AddWmtDocument(const XmlDocument& in, WmtDocument* doc, WmtXmlFile* out, std::vector<Segment>* left_out) {
  const WmtSegmentTable table(in, doc, out->refs.size(), out->hyps.size());
  auto bare = [&](size_t i) {
    Segment s;
    s.doc_id = doc->info.id;
    s.seg_id = table.id(i);
    return s;
  };
  for (size_t i = 0; i < table.size(); ++i) {
    bool translated = false;
    for (size_t r = 0; r < table.num_refs() && !translated; ++r) translated = table.ref(r, i) && !table.ref(r, i)->text.empty();
    if (doc->testsuite || (table.num_refs() > 0 && !translated)) {
      left_out->push_back(bare(i));
      continue;
    }
    if (Segment* s = table.source(i)) PushSegment(doc->info, std::move(*s), &out->source);
    for (size_t r = 0; r < table.num_refs(); ++r) {
      Segment* s = table.ref(r, i);
      PushSegment(doc->info, s ? std::move(*s) : bare(i), &out->refs[r]);
    }
    for (size_t h = 0; h < table.num_hyps(); ++h) {
      if (Segment* s = table.hyp(h, i)) PushSegment(doc->info, std::move(*s), &out->hyps[h]);
    }
  }
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
  std::vector<pugi::xml_node> doc_nodes = Elements(root, "doc");
  if (doc_nodes.empty()) in.Fail(root, "expected <doc id=\"...\"> elements inside <dataset>, found none");
  // Every translator first: a reference stream gets every kept segment of
  // every document, empty where that translator lacks it.
  for (const pugi::xml_node& d : doc_nodes) {
    for (pugi::xml_node block : d.children()) {
      if (LocalName(block) == "ref") {
        StreamIndex(&out.refs, block.attribute("translator").value(), name, block.attribute("lang").value());
      }
    }
  }
  std::vector<Segment> left_out;
  for (const pugi::xml_node& d : doc_nodes) {
    WmtDocument doc;
    doc.info.id = RequiredAttr(in, d, "id", "<doc id=\"...\" origlang=\"..\">");
    doc.info.origlang = d.attribute("origlang").value();
    doc.info.domain = d.attribute("domain").value();
    doc.info.attrs = Attrs(d);
    doc.testsuite = static_cast<bool>(d.attribute("testsuite"));
    for (pugi::xml_node block : d.children()) {
      std::string_view tag = LocalName(block);
      const std::string lang = block.attribute("lang").value();
      if (tag == "src") {
        out.source.lang = lang;
        doc.source.push_back(ReadWmtBlock(in, block, doc.info.id, 0));
      } else if (tag == "ref") {
        const size_t stream = StreamIndex(&out.refs, block.attribute("translator").value(), name, lang);
        doc.refs.push_back(ReadWmtBlock(in, block, doc.info.id, stream));
      } else if (tag == "hyp") {
        const std::string system = RequiredAttr(in, block, "system", "<hyp system=\"NAME\">");
        doc.hyps.push_back(ReadWmtBlock(in, block, doc.info.id, StreamIndex(&out.hyps, system, name, lang)));
      }
    }
    AddWmtDocument(in, &doc, &out, &left_out);
  }
  for (std::vector<SegmentedText>* streams : {&out.refs, &out.hyps}) {
    for (SegmentedText& t : *streams) {
      t.has_file_ids = true;
      t.left_out = left_out;
    }
  }
  out.source.has_file_ids = true;
  out.source.left_out = std::move(left_out);
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
  out.source.has_file_ids = out.target.has_file_ids = true;  // unit ids are required
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
  bool every_tuid = true;
  for (pugi::xml_node tu : body.children("tu")) {
    ++number;
    pugi::xml_attribute tuid = tu.attribute("tuid");
    every_tuid = every_tuid && tuid;
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
  for (SegmentedText& t : out) t.has_file_ids = every_tuid && number > 0;
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
