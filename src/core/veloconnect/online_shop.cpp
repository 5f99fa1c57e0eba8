#include "core/veloconnect/online_shop.hpp"

#include <openssl/evp.h>

#include <stdexcept>

#include "store/transaction_store.hpp"

namespace og::core::veloconnect {

std::string shop_transaction_id(std::string_view seller, std::string_view buyer_id) {
  // Length-prefixed parts: ("a", "bc") and ("ab", "c") must differ.
  std::string input = "ordergate OrderInOnlineShop 1\n";
  input += std::to_string(seller.size()) + ":" + std::string(seller);
  input += std::to_string(buyer_id.size()) + ":" + std::string(buyer_id);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(input.data(), input.size(), digest, &size, EVP_sha256(), nullptr) != 1 || size < 16)
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(32);
  for (unsigned i = 0; i < 16; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

bool names_shop_instance(const Caller& caller, std::string_view transaction_id) {
  return transaction_id.size() == 32 && transaction_id == shop_transaction_id(caller.seller, caller.buyer_id);
}

model::Transaction fresh_shop_instance(const Caller& caller, const Clock& clock) {
  model::Transaction t;
  t.id = shop_transaction_id(caller.seller, caller.buyer_id);
  t.buyer_id = caller.buyer_id;
  t.kind = model::TransactionKind::OrderInOnlineShop;
  t.state = rules::veloconnect::state::kUpdate;
  t.is_test = false;
  t.created_at = t.updated_at = clock.now_utc();
  return t;
}

void ensure_shop_instance(store::TransactionWriter& writer, const Caller& caller, std::string_view transaction_id,
                          const Clock& clock) {
  if (!names_shop_instance(caller, transaction_id)) return;
  if (writer.transaction(caller.buyer_id, transaction_id)) return;
  writer.insert_transaction(fresh_shop_instance(caller, clock));
}

}  // namespace og::core::veloconnect
