// A face may not talk to the store: with the face's flags this must not compile.
#include "core/context.hpp"
#include "store/store.hpp"
