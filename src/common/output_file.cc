#include "common/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include <mteval/error.h>
#include "common/input_files.h"

namespace mteval {
namespace {

enum class TargetKind {
  kNew,           // nothing there yet: created
  kRegular,       // an existing regular file: replaced
  kWriteThrough,  // a character device or FIFO: opened and written
  kDescriptor,    // one of this process's open descriptors: written
};

struct Target {
  TargetKind kind = TargetKind::kNew;
  std::string path;  // symbolic links followed
  int fd = -1;       // kDescriptor
  struct stat st {};  // kRegular
};

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

[[noreturn]] void ThrowCannotWrite(const std::string& path, int err) {
  throw Error(ErrorKind::kInput, "cannot write '" + path + "': " + std::strerror(err));
}

// N when `path` is /proc/self/fd/N, /dev/fd/N or another name of this
// process's descriptor directory, else -1.
int ProcessDescriptor(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return -1;
  const std::string base = path.substr(slash + 1);
  if (base.empty() || base.size() > 9 || base.find_first_not_of("0123456789") != std::string::npos) return -1;
  char* dir = realpath(DirName(path).c_str(), nullptr);
  if (dir == nullptr) return -1;
  const bool fd_dir = std::string(dir) == "/proc/" + std::to_string(getpid()) + "/fd";
  std::free(dir);
  return fd_dir ? std::atoi(base.c_str()) : -1;
}

const char* Describe(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// What writing to `path` means; symbolic links are followed one at a time,
// so that a link into /proc/self/fd (as /dev/stdout is) names a descriptor.
Target Resolve(const std::string& path) {
  Target t;
  if (path == "-") {
    t.kind = TargetKind::kDescriptor;
    t.path = "<stdout>";
    t.fd = STDOUT_FILENO;
    return t;
  }
  t.path = path;
  for (int hops = 0; hops < 40; ++hops) {
    t.fd = ProcessDescriptor(t.path);
    if (t.fd >= 0) {
      t.kind = TargetKind::kDescriptor;
      return t;
    }
    if (lstat(t.path.c_str(), &t.st) != 0) {
      if (errno != ENOENT) ThrowCannotWrite(path, errno);
      t.kind = TargetKind::kNew;
      return t;
    }
    if (S_ISLNK(t.st.st_mode)) {
      char link[PATH_MAX];
      const ssize_t n = readlink(t.path.c_str(), link, sizeof link - 1);
      if (n < 0) ThrowCannotWrite(path, errno);
      const std::string to(link, static_cast<size_t>(n));
      t.path = to[0] == '/' ? to : DirName(t.path) + "/" + to;
      continue;
    }
    if (S_ISREG(t.st.st_mode)) {
      t.kind = TargetKind::kRegular;
    } else if (S_ISCHR(t.st.st_mode) || S_ISFIFO(t.st.st_mode)) {
      t.kind = TargetKind::kWriteThrough;
    } else {
      throw Error(ErrorKind::kUsage, "refusing to write '" + path + "': it is " + Describe(t.st.st_mode) +
                                         "; give the name of a file");
    }
    return t;
  }
  ThrowCannotWrite(path, ELOOP);
}

void Check(const Target& t, const std::string& path, bool force) {
  if (t.kind != TargetKind::kRegular) return;  // nothing is replaced
  const std::string input = FindInputSameAs(t.st.st_dev, t.st.st_ino);
  if (!input.empty()) {
    throw Error(ErrorKind::kUsage, "refusing to write '" + path + "': it is one of the inputs ('" + input +
                                       "'); give another output file");
  }
  if (!force) throw Error(ErrorKind::kUsage, "'" + path + "' already exists; pass --force to replace it");
}

void WriteAll(int fd, const std::string& content, const std::string& path) {
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ThrowCannotWrite(path, errno);
    }
    done += static_cast<size_t>(n);
  }
}

// A new file next to the target: a short name (the target's own name may
// already be as long as a name can be), created with `mode` less the umask.
int CreateTemporary(const std::string& dir, mode_t mode, const std::string& path, std::string* name) {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device seed;
  std::mt19937 rng(seed());
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix(8, ' ');
    for (char& c : suffix) c = kChars[rng() % (sizeof kChars - 1)];
    *name = (dir == "/" ? "" : dir) + "/.mteval-" + suffix;
    const int fd = ::open(name->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) return fd;
    if (errno != EEXIST) break;
  }
  throw Error(ErrorKind::kInput, "cannot create a temporary file in '" + dir + "' to write '" + path +
                                     "': " + std::strerror(errno));
}

void Replace(const Target& t, const std::string& content, const std::string& path) {
  const bool existing = t.kind == TargetKind::kRegular;
  std::string tmp;
  // A replaced file's content stays private until its mode is restored.
  const int fd = CreateTemporary(DirName(t.path), existing ? 0600 : 0666, path, &tmp);
  try {
    WriteAll(fd, content, path);
    if (existing) {
      // The owner where allowed (root, or the owner itself), else the group
      // where allowed; then the mode, which a change of owner may clear.
      if (fchown(fd, t.st.st_uid, t.st.st_gid) != 0 && fchown(fd, static_cast<uid_t>(-1), t.st.st_gid) != 0) {
        // Neither is allowed: the file becomes the process's own.
      }
      if (fchmod(fd, t.st.st_mode & 07777) != 0) ThrowCannotWrite(path, errno);
    }
    if (fsync(fd) != 0) ThrowCannotWrite(path, errno);
  } catch (...) {
    ::close(fd);
    unlink(tmp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    const int err = errno;
    unlink(tmp.c_str());
    ThrowCannotWrite(path, err);
  }
  if (std::rename(tmp.c_str(), t.path.c_str()) != 0) {
    const int err = errno;
    unlink(tmp.c_str());
    throw Error(ErrorKind::kInput, "cannot replace '" + t.path + "': " + std::strerror(err));
  }
}

}  // namespace

void CheckOutputTarget(const std::string& path, bool force) { Check(Resolve(path), path, force); }

bool IsStreamOutput(const std::string& path) {
  const TargetKind kind = Resolve(path).kind;
  return kind == TargetKind::kDescriptor || kind == TargetKind::kWriteThrough;
}

void WriteOutputFile(const std::string& path, const std::string& content, bool force) {
  const Target t = Resolve(path);
  Check(t, path, force);
  switch (t.kind) {
    case TargetKind::kDescriptor:
      std::fflush(nullptr);  // what stdio holds for the descriptor comes first
      WriteAll(t.fd, content, path);
      return;
    case TargetKind::kWriteThrough: {
      const int fd = ::open(t.path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd < 0) ThrowCannotWrite(path, errno);
      try {
        WriteAll(fd, content, path);
      } catch (...) {
        ::close(fd);
        throw;
      }
      if (::close(fd) != 0) ThrowCannotWrite(path, errno);
      return;
    }
    case TargetKind::kNew:
    case TargetKind::kRegular:
      Replace(t, content, path);
      return;
  }
}

}  // namespace mteval
