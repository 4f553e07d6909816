// The one translation unit that carries doctest's runner; every other file
// in this folder only registers test cases.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
