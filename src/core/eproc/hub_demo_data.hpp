// The e-procurement hub's demo (issue 11's "exactly this"): three providers
// hosted by this server as Veloconnect sellers prov-a, prov-b and prov-c
// (reached by the hub over loopback HTTP, "local:<seller>"), their parts, the
// hub's buyer account at each, and the clients garage-01 and garage-02.
#pragma once
#include "core/clock.hpp"
#include "store/store.hpp"

namespace og::core::eproc {

// The EAN the issue gives for BOSCH 0986494104. Its check digit is wrong (the
// GS1 check digit of 404702479312 is 5), so the demo turns the check off.
inline constexpr const char* kDemoBoschEan = "4047024793127";

void load_hub_demo_data(store::UnitOfWork& uow, const Clock& clock);

}  // namespace og::core::eproc
