// A provider talks to other systems; the rest of core (and the store behind it) is not its business: with the
// providers' flags this must not compile.
#include "core/context.hpp"
#include "core/eproc/provider_api.hpp"
