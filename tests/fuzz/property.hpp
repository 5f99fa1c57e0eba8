// Properties a fuzz target asserts: a violated one aborts, which libFuzzer
// reports as a crash and saves the input that caused it.
#pragma once
#include <cstdio>
#include <cstdlib>

#define FUZZ_PROPERTY(condition)                                                                    \
  do {                                                                                              \
    if (!(condition)) {                                                                             \
      std::fprintf(stderr, "fuzz property violated: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                                 \
    }                                                                                               \
  } while (false)
