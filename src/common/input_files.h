#pragma once
// Every file mteval reads is opened through OpenInput, which
//  - opens it exactly once when it is not a regular file: a FIFO, a pipe
//    (/dev/stdin, a process substitution) or a character device is read to
//    its end on the first open and kept in memory, so that sniffing its
//    format and then reading it get the same bytes instead of losing the
//    writer's data and blocking on a second open;
//  - remembers it as an input, so that no output ever replaces a file the
//    command has read (FindInputSameAs, used by output_file.h). Files that
//    a library opens by itself (a SentencePiece model, MeCab's dictionary)
//    are added with NoteInputFile.
// Standard input given as "-" is read by the callers directly.

#include <string>
#include <sys/types.h>

namespace mteval {

// A read-only descriptor of `path`'s bytes, at offset 0; the caller closes
// it. A regular file is opened directly; anything else is read once into
// memory (later calls for the same file get a new descriptor of that copy).
// Throws Error(kInput) naming the file when it cannot be opened or read, or
// is a directory.
int OpenInput(const std::string& path);

// Records a file that a library reads by itself as an input.
void NoteInputFile(const std::string& path);
// Records every file directly in directory `dir` (a MeCab dictionary).
void NoteInputFilesIn(const std::string& dir);

// The input (as it was named) that is the same file as (dev, ino), or "".
std::string FindInputSameAs(dev_t dev, ino_t ino);

}  // namespace mteval
