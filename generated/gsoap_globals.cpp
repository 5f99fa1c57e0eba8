// Debian's libgsoap++ refers to a global default namespace table. Every codec
// sets its own table, so the default is empty. Linked with envC.cpp into
// every program that uses the bindings.
#include <stdsoap2.h>

SOAP_NMAC struct Namespace namespaces[] = {{nullptr, nullptr, nullptr, nullptr}};
