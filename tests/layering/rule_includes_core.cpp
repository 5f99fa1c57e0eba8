// A rule may not include anything of src/: with the rules' flags this must not compile.
#include "core/clock.hpp"
#include "rules/common/date.hpp"
