// What SRM clients were told before a server (or one instance of several)
// was killed, and the check that all of it is still there afterwards: shared
// by the crash tests on one server and on the cluster.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace og::test::srm {

struct Acknowledged {
  std::map<std::string, std::string> carts;  // cart -> ChangeStateID when created
  struct Release {
    std::string cart, uuid, change_state, answer;
  };
  std::vector<Release> releases;
};

// Every created cart is read back, every acknowledged release is ordered with
// the ChangeStateID its client was told, and a release asked again with its
// message UUID (the client did not hear the answer) gets the first answer byte
// for byte. `lose` hears what is missing; the count of second answers that
// differ is returned.
std::size_t check_after_kill(HttpClient& client, const Acknowledged& ack,
                             const std::function<void(const std::string&)>& lose);

}  // namespace og::test::srm
