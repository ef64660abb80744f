// Compiled by the layering tests (tests/layering/CMakeLists.txt) with the
// include directories of one layer: PROBE_HEADER is a header of a layer
// below it (must compile) or above it (must not).
#include PROBE_HEADER
