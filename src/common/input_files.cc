#include "common/input_files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

#include <mteval/error.h>

namespace mteval {
namespace {

struct InputRecord {
  std::string path;   // as the command named it
  dev_t dev = 0;      // identity of what `path` named when it was opened
  ino_t ino = 0;
  int copy_fd = -1;   // in-memory copy of a file that is not regular, else -1
};

class InputRegistry {
 public:
  static InputRegistry& Get() {
    static InputRegistry* registry = new InputRegistry;  // never destroyed: used until exit
    return *registry;
  }

  int Open(const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) ThrowCannot("open", path, errno);
    if (S_ISDIR(st.st_mode)) {
      throw Error(ErrorKind::kInput, "cannot read '" + path + "': it is a directory; give a file");
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (!S_ISREG(st.st_mode)) {
      // A FIFO or pipe already read: its bytes are in the copy, and opening
      // it again would block or find nothing.
      if (const InputRecord* r = FindCopy(st.st_dev, st.st_ino)) return Reopen(*r, path);
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) ThrowCannot("open", path, errno);
    if (fstat(fd, &st) != 0) {
      const int err = errno;
      ::close(fd);
      ThrowCannot("open", path, err);
    }
    if (S_ISREG(st.st_mode)) {
      Remember(path, st, -1);
      return fd;
    }
    const int copy = CopyToMemory(fd, path);
    return Reopen(Remember(path, st, copy), path);
  }

  void Note(const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    Remember(path, st, -1);
  }

  std::string FindSameAs(dev_t dev, ino_t ino) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const InputRecord& r : records_) {
      // The file the path names now: an input deleted since (its inode
      // possibly reused) is not confused with a new file.
      struct stat st;
      if (stat(r.path.c_str(), &st) == 0 && st.st_dev == dev && st.st_ino == ino) return r.path;
    }
    return "";
  }

 private:
  [[noreturn]] static void ThrowCannot(const char* what, const std::string& path, int err) {
    throw Error(ErrorKind::kInput, std::string("cannot ") + what + " '" + path + "': " + std::strerror(err));
  }

  const InputRecord* FindCopy(dev_t dev, ino_t ino) const {
    for (const InputRecord& r : records_) {
      if (r.copy_fd >= 0 && r.dev == dev && r.ino == ino) return &r;
    }
    return nullptr;
  }

  const InputRecord& Remember(const std::string& path, const struct stat& st, int copy_fd) {
    for (const InputRecord& r : records_) {
      if (r.path == path && r.dev == st.st_dev && r.ino == st.st_ino && r.copy_fd == copy_fd) return r;
    }
    records_.push_back({path, st.st_dev, st.st_ino, copy_fd});
    return records_.back();
  }

  // Reads `fd` to its end into an anonymous in-memory file and closes `fd`.
  static int CopyToMemory(int fd, const std::string& path) {
    const int copy = memfd_create("mteval-input", MFD_CLOEXEC);
    if (copy < 0) {
      const int err = errno;
      ::close(fd);
      ThrowCannot("keep a copy of", path, err);
    }
    char buf[1 << 16];
    while (true) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        const int err = errno;
        ::close(fd);
        ::close(copy);
        ThrowCannot("read", path, err);
      }
      for (ssize_t done = 0; done < n;) {
        const ssize_t w = ::write(copy, buf + done, static_cast<size_t>(n - done));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) {
          const int err = errno;
          ::close(fd);
          ::close(copy);
          if (err == ENOMEM || err == ENOSPC) throw std::bad_alloc();
          ThrowCannot("keep a copy of", path, err);
        }
        done += w;
      }
    }
    ::close(fd);
    return copy;
  }

  // A new descriptor of the copy, with its own offset at 0.
  static int Reopen(const InputRecord& r, const std::string& path) {
    const std::string self = "/proc/self/fd/" + std::to_string(r.copy_fd);
    int fd = ::open(self.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      // No /proc: a duplicate, rewound (callers read one input at a time).
      fd = fcntl(r.copy_fd, F_DUPFD_CLOEXEC, 0);
      if (fd < 0 || lseek(fd, 0, SEEK_SET) != 0) ThrowCannot("read", path, errno);
    }
    return fd;
  }

  std::mutex mutex_;
  std::vector<InputRecord> records_;
};

}  // namespace

int OpenInput(const std::string& path) { return InputRegistry::Get().Open(path); }

void NoteInputFile(const std::string& path) { InputRegistry::Get().Note(path); }

void NoteInputFilesIn(const std::string& dir) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) NoteInputFile(it->path().string());
  }
}

std::string FindInputSameAs(dev_t dev, ino_t ino) { return InputRegistry::Get().FindSameAs(dev, ino); }

}  // namespace mteval
