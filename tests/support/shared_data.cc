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

bool SkipUnderAddressSanitizer(const std::string& what) {
#if defined(__SANITIZE_ADDRESS__)
  WARN(MTEVAL_TEST_SKIP_MARKER << ": an AddressSanitizer build cannot run under an address-space limit, so " << what
                               << " is checked by the release build only");
  return true;
#else
  (void)what;
  return false;
#endif
}

}  // namespace mteval::testing
