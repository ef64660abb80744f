#include "corpus/format_detect.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>

#include <mteval/error.h>
#include "common/input_files.h"
#include "corpus/gzip_file.h"

namespace mteval {
namespace {

struct FormatEntry {
  CorpusFormat format;
  const char* name;
  const char* description;
};

constexpr FormatEntry kFormats[] = {
    {CorpusFormat::kText, "text", "plain text"},   {CorpusFormat::kTsv, "tsv", "TSV"},
    {CorpusFormat::kJsonl, "jsonl", "JSON Lines"}, {CorpusFormat::kWmtXml, "wmt-xml", "WMT XML"},
    {CorpusFormat::kSgml, "sgml", "NIST SGML"},    {CorpusFormat::kXliff, "xliff", "XLIFF"},
    {CorpusFormat::kTmx, "tmx", "TMX"},
};

const FormatEntry& Entry(CorpusFormat f) {
  for (const auto& e : kFormats) {
    if (e.format == f) return e;
  }
  return kFormats[0];
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// First bytes of the file, decompressed if it is gzip (by its magic bytes;
// other files are read directly: zlib's set-up and its buffers' fresh pages
// cost more than the whole sniff). The file is opened through OpenInput, so
// a FIFO or pipe is read once and sniffed from the copy its reader reads
// too. Unreadable files give "" (the reader reports).
std::string ReadHead(const std::string& path) {
  try {
    const int fd = OpenInput(path);
    char buf[4096];
    ssize_t n;
    // A short read is fine: the sniff only needs a prefix.
    while ((n = ::read(fd, buf, sizeof buf)) < 0 && errno == EINTR) {
    }
    const bool gzip = n >= 2 && static_cast<unsigned char>(buf[0]) == 0x1F && static_cast<unsigned char>(buf[1]) == 0x8B;
    if (!gzip || lseek(fd, 0, SEEK_SET) != 0) {
      ::close(fd);
      return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
    }
    GzipFile gz(fd, true, path);
    const size_t m = gz.Read(buf, sizeof buf);
    return std::string(buf, m);
  } catch (const Error&) {
    return "";
  }
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

const char* FormatName(CorpusFormat format) { return Entry(format).name; }
const char* FormatDescription(CorpusFormat format) { return Entry(format).description; }

std::vector<std::string> FormatNames() {
  std::vector<std::string> out{"auto"};
  for (const auto& e : kFormats) out.emplace_back(e.name);
  return out;
}

bool ParseFormatName(const std::string& name, CorpusFormat* format) {
  if (name == "auto") return false;
  for (const auto& e : kFormats) {
    if (name == e.name) {
      *format = e.format;
      return true;
    }
  }
  std::string names;
  for (const auto& n : FormatNames()) names += (names.empty() ? "" : ", ") + n;
  throw Error(ErrorKind::kUsage, "unknown input format '" + name + "' (choose from " + names + ")");
}

bool FormatFromExtension(const std::string& path, CorpusFormat* format) {
  std::string p = Lower(path);
  if (p.size() > 3 && p.compare(p.size() - 3, 3, ".gz") == 0) p.resize(p.size() - 3);
  const size_t dot = p.rfind('.');
  const size_t slash = p.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  const std::string ext = p.substr(dot + 1);
  if (ext == "tsv") *format = CorpusFormat::kTsv;
  else if (ext == "jsonl" || ext == "ndjson") *format = CorpusFormat::kJsonl;
  else if (ext == "sgm" || ext == "sgml") *format = CorpusFormat::kSgml;
  else if (ext == "xlf" || ext == "xliff") *format = CorpusFormat::kXliff;
  else if (ext == "tmx") *format = CorpusFormat::kTmx;
  else if (ext == "txt") *format = CorpusFormat::kText;
  else return false;  // ".xml" and everything else: look at the content
  return true;
}

CorpusFormat FormatFromContent(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t i = 0;
  // Skip whitespace, the XML declaration, comments and processing instructions.
  while (i < head.size()) {
    if (std::isspace(static_cast<unsigned char>(head[i]))) {
      ++i;
    } else if (StartsWith(head.substr(i), "<?")) {
      size_t end = head.find("?>", i);
      if (end == std::string_view::npos) return CorpusFormat::kText;
      i = end + 2;
    } else if (StartsWith(head.substr(i), "<!--")) {
      size_t end = head.find("-->", i);
      if (end == std::string_view::npos) return CorpusFormat::kText;
      i = end + 3;
    } else {
      break;
    }
  }
  std::string_view rest = head.substr(i);
  if (rest.empty() || rest[0] != '<') {
    return !rest.empty() && rest[0] == '{' ? CorpusFormat::kJsonl : CorpusFormat::kText;
  }
  size_t end = rest.find_first_of(" \t\r\n>/", 1);
  std::string root = Lower(std::string(rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1)));
  if (root == "dataset") return CorpusFormat::kWmtXml;
  if (root == "xliff") return CorpusFormat::kXliff;
  if (root == "tmx") return CorpusFormat::kTmx;
  if (root == "srcset" || root == "refset" || root == "tstset") return CorpusFormat::kSgml;
  if (root == "!doctype") {
    // A DOCTYPE comes before the root; the XML readers refuse it with a clear
    // message, so send the file to the one its root name suggests.
    if (rest.find("<dataset") != std::string_view::npos) return CorpusFormat::kWmtXml;
    if (rest.find("<xliff") != std::string_view::npos) return CorpusFormat::kXliff;
    if (rest.find("<tmx") != std::string_view::npos) return CorpusFormat::kTmx;
  }
  return CorpusFormat::kText;
}

CorpusFormat DetectFormat(const std::string& path, const std::string& requested, std::vector<std::string>* warnings) {
  CorpusFormat flag = CorpusFormat::kText;
  const bool given = ParseFormatName(requested, &flag);
  if (path == "-") return given ? flag : CorpusFormat::kText;
  CorpusFormat by_ext = CorpusFormat::kText;
  const bool has_ext = FormatFromExtension(path, &by_ext);
  if (given && flag != CorpusFormat::kText && flag != CorpusFormat::kJsonl && flag != CorpusFormat::kTsv) return flag;
  const CorpusFormat by_content = FormatFromContent(ReadHead(path));
  const bool markup = by_content != CorpusFormat::kText && by_content != CorpusFormat::kJsonl;
  if (given) {
    if (markup) {
      const std::string msg = "'" + path + "' looks like " + FormatDescription(by_content) + " but is read as " +
                              FormatDescription(flag) + " (as the format flag asks)";
      if (flag != CorpusFormat::kText) {
        throw Error(ErrorKind::kInput, msg + "; pass the format flag '" + FormatName(by_content) + "' or 'auto'");
      }
      warnings->push_back(msg + ": its markup lines will be scored as text");
    }
    return flag;
  }
  if (!has_ext) return markup ? by_content : CorpusFormat::kText;
  if (markup && by_content != by_ext) {
    throw Error(ErrorKind::kInput, "'" + path + "' looks like " + FormatDescription(by_content) +
                                       " but its extension says " + FormatDescription(by_ext) +
                                       "; pass --input-format " + FormatName(by_content) + " to read it as " +
                                       FormatDescription(by_content) + ", or --input-format text to score its lines as they are");
  }
  return by_ext;
}

}  // namespace mteval
