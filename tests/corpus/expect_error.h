#pragma once
// Test helper: runs a callable that must throw mteval::Error of a given kind.

#include <catch2/catch.hpp>
#include <string>

#include <mteval/error.h>

namespace mteval::testing {

// Runs `f` and returns the Error message; fails the test when nothing throws
// or the kind differs.
template <typename F>
std::string ErrorOf(F&& f, ErrorKind kind = ErrorKind::kInput) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(static_cast<int>(e.kind()) == static_cast<int>(kind));
    return e.what();
  }
  FAIL("no error thrown");
  return "";
}

}  // namespace mteval::testing
