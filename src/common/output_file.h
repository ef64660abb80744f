#pragma once
// Writes an output file (-o, --stats-out) so that nothing is lost:
//  - a regular file is written to a temporary file in its directory, which
//    then replaces it in one rename, so that readers never see a partial
//    file; an existing one is replaced only with `force`, keeps its mode
//    (and its owner where the process may set it), and is never one of the
//    files the command has read (common/input_files.h);
//  - a new file gets mode 0666 less the umask, as any program's output;
//  - a symbolic link is followed: its target is replaced, the link stays;
//  - "-", /dev/stdout and other names of this process's open descriptors
//    (/dev/stderr, /dev/fd/N, /proc/self/fd/N), character devices
//    (/dev/null, a terminal) and FIFOs are written through, never replaced;
//  - anything else (a directory, a block device, a socket) is refused.

#include <string>

namespace mteval {

// The checks WriteOutputFile makes before writing, for callers that want to
// fail before doing long work. Throws Error(kUsage) when `path` names an
// existing regular file and `force` is false, names something that cannot
// be written (a directory, a block device, a socket), or is one of the
// files read so far.
void CheckOutputTarget(const std::string& path, bool force);

// True when WriteOutputFile(path, ...) writes through (standard output,
// another descriptor, a device or a FIFO) rather than to a file.
bool IsStreamOutput(const std::string& path);

// Writes `content` to `path` as described above. Throws Error(kUsage) as
// CheckOutputTarget does (the inputs are looked at again), Error(kInput)
// when the file cannot be written.
void WriteOutputFile(const std::string& path, const std::string& content, bool force);

}  // namespace mteval
