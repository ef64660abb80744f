#pragma once
// Reads text the way sacreBLEU does, so that segment boundaries and contents
// agree byte for byte:
//  - strict UTF-8 (a byte-order mark is kept as U+FEFF, as Python's 'utf-8'
//    codec keeps it);
//  - files: lines end at '\n' only, so a lone '\r' stays inside a line;
//    standard input: universal newlines ('\n', '\r\n' and '\r' all end a line),
//    as Python's TextIOWrapper does for sys.stdin;
//  - every line is right-stripped of Python whitespace (so "\r\n" endings and
//    trailing tabs disappear); a final line without '\n' counts, an empty file
//    has no lines;
//  - paths ending in ".gz" are decompressed.
// Errors throw Error(kInput) naming the file, line, column and byte offset.

#include <string>
#include <string_view>
#include <vector>

#include <mteval/corpus.h>

namespace mteval {

// Reads and splits file `path` ("-" reads standard input). The lines are
// views into the mapped file (or the read buffer), which the list keeps.
LineList ReadLineList(const std::string& path);
// The same lines as strings of their own.
std::vector<std::string> ReadLines(const std::string& path);

// Splits already-read bytes; `name` is used in error messages. The views
// point into `content`.
std::vector<std::string_view> SplitLineViews(std::string_view content, const std::string& name,
                                             bool universal_newlines);
std::vector<std::string> SplitLines(std::string_view content, const std::string& name, bool universal_newlines);

// Reads the whole file (decompressing .gz); throws Error(kInput) on failure.
std::string ReadFileBytes(const std::string& path);

}  // namespace mteval
