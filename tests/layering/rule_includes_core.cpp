// A rule may not include anything of src/: with the rules' flags this must not compile.
#include "rules/common/date.hpp"
#include "core/clock.hpp"
