#include "support/srm_acknowledged.hpp"

#include "support/srm_messages.hpp"
#include "support/xml_check.hpp"

namespace og::test::srm {

std::size_t check_after_kill(HttpClient& client, const Acknowledged& ack,
                             const std::function<void(const std::string&)>& lose) {
  for (const auto& [cart, change_state] : ack.carts) {
    auto read = post(client, read_request(cart));
    if (cart_id(read.body) != cart) lose("cart " + cart);
  }
  std::size_t duplicated = 0;
  for (const auto& r : ack.releases) {
    auto read = post(client, read_request(r.cart));
    if (first_text(read.body, "OrderedIndicator").value_or("") != "true" ||
        first_text(read.body, "ChangeStateID").value_or("") != r.change_state)
      lose("release of " + r.cart);
    auto again = post(client, release_request(r.cart, r.change_state, r.uuid));
    if (again.body != r.answer) ++duplicated;
  }
  return duplicated;
}

}  // namespace og::test::srm
