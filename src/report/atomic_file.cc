#include "report/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.h"

namespace mteval {
namespace {

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  if (stat(a.c_str(), &sa) != 0 || stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace

void CheckWriteTarget(const std::string& path, const AtomicWriteOptions& options) {
  for (const std::string& input : options.protected_paths) {
    if (input == path || SameFile(input, path)) {
      throw Error(ErrorKind::kUsage, "refusing to write '" + path + "': it is one of the inputs");
    }
  }
  struct stat st;
  if (!options.force && stat(path.c_str(), &st) == 0) {
    throw Error(ErrorKind::kUsage, "'" + path + "' already exists; pass --force to replace it");
  }
}

void WriteFileAtomically(const std::string& path, const std::string& content, const AtomicWriteOptions& options) {
  CheckWriteTarget(path, options);
  std::string tmp = path + ".tmp.XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) {
    throw Error(ErrorKind::kInput, "cannot create a temporary file next to '" + path + "': " + std::strerror(errno));
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      unlink(tmp.c_str());
      throw Error(ErrorKind::kInput, "cannot write '" + tmp + "': " + std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  fchmod(fd, 0644);
  if (fsync(fd) != 0 || close(fd) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    throw Error(ErrorKind::kInput, "cannot write '" + tmp + "': " + std::strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    throw Error(ErrorKind::kInput, "cannot rename '" + tmp + "' to '" + path + "': " + std::strerror(err));
  }
}

}  // namespace mteval
