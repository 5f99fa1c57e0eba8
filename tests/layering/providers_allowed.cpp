// Control: what a provider may include compiles with its flags (the one core header it implements among them).
#include "async/when_all.hpp"
#include "core/eproc/provider_api.hpp"
#include "model/eproc.hpp"
#include "providers/veloconnect_provider.hpp"
#include "rules/eproc/description.hpp"
