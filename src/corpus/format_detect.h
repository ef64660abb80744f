#pragma once
// Which corpus format a file is in: from the --*-format flag, else from the
// extension (".gz" is looked through), else from the content. A file whose
// content contradicts its extension (say NIST SGML named .txt) is refused
// with a message naming both and the flag that settles it.

#include <string>
#include <string_view>
#include <vector>

namespace mteval {

enum class CorpusFormat { kText, kTsv, kJsonl, kWmtXml, kSgml, kXliff, kTmx };

// "text", "tsv", "jsonl", "wmt-xml", "sgml", "xliff", "tmx".
const char* FormatName(CorpusFormat format);
// Human-readable, for messages: "plain text", "NIST SGML", ...
const char* FormatDescription(CorpusFormat format);
// Parses a format name (also "auto" -> false); throws Error(kUsage).
bool ParseFormatName(const std::string& name, CorpusFormat* format);
std::vector<std::string> FormatNames();  // including "auto"

// Format implied by the extension, if it names one (false otherwise).
bool FormatFromExtension(const std::string& path, CorpusFormat* format);
// Format implied by the first bytes of a file: markup formats by their root
// element; anything else is plain text.
CorpusFormat FormatFromContent(std::string_view head);

// The format to read `path` in. `requested` is "auto" or a format name (from
// a flag). With "auto", the extension decides, then the content; a conflict
// between them throws Error(kInput). With a format given, content that looks
// like another markup format throws Error(kInput) too, unless it is "text"
// (the user asked to score the raw lines), which adds a warning.
CorpusFormat DetectFormat(const std::string& path, const std::string& requested, std::vector<std::string>* warnings);

}  // namespace mteval
