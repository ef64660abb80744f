#pragma once
// Helpers shared by the report tests.

#include <fstream>
#include <sstream>
#include <string>

namespace mteval::testing {

// The whole file, "" when it cannot be read.
inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace mteval::testing
