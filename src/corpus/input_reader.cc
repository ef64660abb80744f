#include "corpus/input_reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <mteval/error.h>
#include "common/input_files.h"
#include "corpus/gzip_file.h"

namespace mteval {

InputReader::InputReader(const std::string& path) : name_(path == "-" ? "<stdin>" : path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    return;
  }
  fd_ = OpenInput(path);
  const bool gz = path.size() >= 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  if (gz) {
    gz_ = std::make_unique<GzipFile>(fd_, true, path);
  } else {
    owns_fd_ = true;
  }
}

InputReader::~InputReader() {
  if (owns_fd_) ::close(fd_);
}

size_t InputReader::Read(char* out, size_t n) {
  if (gz_) return gz_->Read(out, n);
  while (true) {
    const ssize_t got = ::read(fd_, out, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno != EINTR) throw Error(ErrorKind::kInput, "cannot read '" + name_ + "': " + std::strerror(errno));
  }
}

size_t InputReader::SizeHint() const {
  struct stat st;
  if (gz_ || fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return 0;
  return static_cast<size_t>(st.st_size);
}

}  // namespace mteval
