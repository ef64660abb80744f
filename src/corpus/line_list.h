#pragma once
// The lines of one stream (a reference or a system output) as views into
// buffers the list shares ownership of: a mapped input file, a decompressed
// or stdin buffer, or strings handed over by a reader. Loading a test set
// then allocates one view per line instead of one string per line, which
// for a plain-text file is nearly all of the memory first touched (and page
// faults paid) while loading.
//
// Copies share the buffers, so views taken from a list stay valid for as
// long as any copy of it lives. The views themselves never change once
// added; push_back adds owned lines.

#include <algorithm>
#include <cstddef>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

class LineList {
 public:
  using const_iterator = std::vector<std::string_view>::const_iterator;

  LineList() = default;
  // Takes ownership of `lines` (implicit, so a reader's vector of strings
  // is a LineList).
  LineList(std::vector<std::string> lines);  // NOLINT(google-explicit-constructor)
  LineList(std::initializer_list<std::string_view> lines);
  // Views into memory that `owner` keeps alive.
  LineList(std::shared_ptr<const void> owner, std::vector<std::string_view> lines);

  size_t size() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }
  std::string_view operator[](size_t i) const { return lines_[i]; }
  const_iterator begin() const { return lines_.begin(); }
  const_iterator end() const { return lines_.end(); }

  // Appends a copy of `line`, owned by this list.
  void push_back(std::string_view line);

  // A list of `views`, which must point into this list's lines (e.g. the
  // tab-separated fields of its lines); it shares this list's buffers.
  LineList WithViews(std::vector<std::string_view> views) const;

  std::vector<std::string> ToStrings() const { return {lines_.begin(), lines_.end()}; }

  // Line by line equality, whatever holds the bytes.
  friend bool operator==(const LineList& a, const LineList& b) { return a.lines_ == b.lines_; }
  friend bool operator==(const LineList& a, const std::vector<std::string>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const LineList& a, const LineList& b) { return !(a == b); }

 private:
  std::vector<std::string_view> lines_;
  std::vector<std::shared_ptr<const void>> owners_;
  // Lines added by push_back, in a deque so that appending never moves them.
  // Copies share it; one that appends while shared moves it to owners_ and
  // starts a deque of its own, so no list appends to another's.
  std::shared_ptr<std::deque<std::string>> own_;
};

}  // namespace mteval
