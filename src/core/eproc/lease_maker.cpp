#include "core/eproc/lease_maker.hpp"

#include <cstdio>
#include <random>

#include "core/eproc/directory.hpp"
#include "store/store.hpp"

namespace og::core::eproc {

namespace {
std::string prefix_of(const std::string& instance) {
  return instance + "/";
}
}  // namespace

LeaseMaker::LeaseMaker(const std::string& instance, std::chrono::milliseconds length) : length_(length) {
  std::random_device source;
  std::uint64_t id = (std::uint64_t{source()} << 32) ^ source();
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
  run_ = prefix_of(instance) + text + "-";
}

store::Lease LeaseMaker::next() {
  const auto now = now_ms();
  return {run_ + std::to_string(++count_), iso_ms(now), iso_ms(now + length_)};
}

void hand_back_previous_claims(store::Store& store, const std::string& instance) {
  const std::string prefix = prefix_of(instance), now = iso_ms(now_ms());
  store.write_now([&prefix, &now](store::UnitOfWork& uow) { uow.hub().hand_back_claims(prefix, now); });
}

}  // namespace og::core::eproc
