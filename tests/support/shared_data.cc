#include "support/shared_data.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "support/test_paths.h"

namespace mteval::testing {

bool SkipWithoutSharedData(const std::string& what) {
  if (!SharedDir().empty()) return false;
  const char* required = std::getenv("MTEVAL_REQUIRE_SHARED_DATA");
  if (required != nullptr && *required != '\0' && std::string(required) != "0") {
    FAIL("MTEVAL_REQUIRE_SHARED_DATA is set, but " << SharedDirLocation() << "/parity does not exist, so " << what
                                                   << " cannot be checked");
  }
  WARN(MTEVAL_TEST_SKIP_MARKER << ": " << SharedDirLocation() << "/parity does not exist (set MTEVAL_SHARED_DIR), so "
                               << what << " cannot be checked");
  return true;
}

}  // namespace mteval::testing
