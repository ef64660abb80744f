#pragma once
// Tests that need ../shared (sacreBLEU's parity figures, WMT22 data) start with
//   if (testing::SkipWithoutSharedData("the sacreBLEU TER figures")) return;
// Without the data the test prints MTEVAL_TEST_SKIP_MARKER and stops, and
// ctest reports it as skipped, not passed (tests/CMakeLists.txt gives every
// test that marker as SKIP_REGULAR_EXPRESSION). When the environment sets
// MTEVAL_REQUIRE_SHARED_DATA (scripts/test.sh does when ../shared exists), a
// missing data folder fails the test instead.

#include <string>

namespace mteval::testing {

// True when the test must stop because the shared data is absent (after
// reporting the skip); false when SharedDir() is there. `what` names what
// cannot be checked without it.
bool SkipWithoutSharedData(const std::string& what);

// True (after reporting the skip as above) in an AddressSanitizer build,
// whose programs reserve terabytes of address space for shadow memory and
// cannot start under an address-space limit (`ulimit -v`); `what` names
// what cannot be checked there. The release build runs those tests.
bool SkipUnderAddressSanitizer(const std::string& what);

}  // namespace mteval::testing
