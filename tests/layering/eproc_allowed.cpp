// Control: what the e-procurement face may include compiles with its flags.
#include "core/context.hpp"
#include "core/eproc/hub.hpp"
#include "eproc/endpoint.hpp"
#include "http/exchange.hpp"
#include "message/xml_reader.hpp"
#include "model/eproc.hpp"
#include "rules/eproc/fault.hpp"
