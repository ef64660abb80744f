// LineList: lines as views into buffers the list (and its copies) keep alive.

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include <mteval/corpus.h>
#include "corpus/line_reader.h"
#include "support/test_paths.h"

namespace mteval {

using Lines = std::vector<std::string>;

TEST_CASE("a LineList made from strings owns them", "[corpus][line_list]") {
  LineList copy;
  {
    Lines lines = {"a short one", std::string(100, 'x'), ""};
    LineList list(std::move(lines));
    copy = list;
    CHECK(list == Lines{"a short one", std::string(100, 'x'), ""});
  }
  // The original and its vector are gone; the copy still holds the bytes
  // (short strings included, which live inside the vector's elements).
  CHECK(copy == Lines{"a short one", std::string(100, 'x'), ""});
  CHECK(copy.ToStrings() == Lines{"a short one", std::string(100, 'x'), ""});
}

TEST_CASE("appending to a shared list never changes its copies", "[corpus][line_list]") {
  LineList a{"one", "two"};
  LineList b = a;
  b.push_back("three");
  a.push_back("four");
  CHECK(a == Lines{"one", "two", "four"});
  CHECK(b == Lines{"one", "two", "three"});
  // Many appends (the deque grows) keep every earlier view valid.
  LineList c = b;
  for (int i = 0; i < 1000; ++i) c.push_back(std::to_string(i) + std::string(20, 'y'));
  REQUIRE(c.size() == 1003);
  CHECK(c[2] == "three");
  CHECK(c[3] == "0" + std::string(20, 'y'));
  CHECK(c[1002] == "999" + std::string(20, 'y'));
  CHECK(b.size() == 3);
}

TEST_CASE("views of a list's lines share its buffers", "[corpus][line_list]") {
  LineList fields;
  {
    LineList lines(Lines{"a\tb", "c\td"});
    std::vector<std::string_view> second;
    for (std::string_view line : lines) second.push_back(line.substr(line.find('\t') + 1));
    fields = lines.WithViews(second);
  }
  CHECK(fields == Lines{"b", "d"});
  // Views into a buffer of the caller's, which the list keeps alive.
  auto owner = std::make_shared<const std::string>("elsewhere");
  LineList parts(owner, {std::string_view(*owner).substr(0, 4), std::string_view(*owner).substr(4)});
  owner.reset();
  CHECK(parts == Lines{"else", "where"});
}

TEST_CASE("ReadLineList maps the file and outlives nothing it needs", "[corpus][line_list]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/lines.txt";
  testing::WriteFile(path, "first line  \nsecond\r\n\n\xEF\xBB\xBFlast");
  LineList copy;
  {
    LineList list = ReadLineList(path);
    CHECK(list == ReadLines(path));
    copy = list;
  }
  std::remove(path.c_str());  // the mapping stays valid after the file is gone
  CHECK(copy == Lines{"first line", "second", "", "\xEF\xBB\xBFlast"});
}

}  // namespace mteval
