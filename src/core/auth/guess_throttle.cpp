#include "core/auth/guess_throttle.hpp"

#include <algorithm>

namespace og::core {

namespace ra = rules::auth;

GuessThrottle::GuessThrottle(ra::GuessPolicy per_user, int address_free_failures, std::size_t max_keys)
    : user_policy_(per_user),
      address_policy_(per_user),
      max_keys_(std::max<std::size_t>(max_keys, 2)),
      epoch_(Clock::now()) {
  address_policy_.free_failures = address_free_failures;
}

ra::Ms GuessThrottle::ms(Clock::time_point t) const {
  // Starts above zero: a zero slot means "free" to the rule.
  return std::chrono::duration_cast<ra::Ms>(t - epoch_) + ra::Ms{1};
}

std::vector<GuessThrottle::Key> GuessThrottle::keys_of(const std::string& user, const std::string& address) const {
  std::vector<Key> keys{{"u" + user, &user_policy_}};
  if (!address.empty() && address_policy_.free_failures > 0) keys.push_back({"a" + address, &address_policy_});
  return keys;
}

ra::Admission GuessThrottle::admit(const std::string& user, const std::string& address, Clock::time_point at) {
  const ra::Ms now = ms(at);
  const auto keys = keys_of(user, address);
  std::lock_guard lock(mutex_);
  // Decide on copies first: a key that refuses must not cost the other a slot.
  std::vector<ra::GuessState> trial;
  trial.reserve(keys.size());
  ra::Admission out;
  for (const auto& key : keys) {
    auto it = states_.find(key.name);
    trial.push_back(it == states_.end() ? ra::GuessState{} : it->second);
    auto a = ra::admit(*key.policy, trial.back(), now);
    if (a.refused) return a;
    out.wait = std::max(out.wait, a.wait);
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    // A key not tracked has no failures: admitting it changed nothing.
    if (auto it = states_.find(keys[i].name); it != states_.end()) it->second = trial[i];
  }
  return out;
}

void GuessThrottle::failed(const std::string& user, const std::string& address, Clock::time_point at) {
  const ra::Ms now = ms(at);
  const auto keys = keys_of(user, address);
  std::lock_guard lock(mutex_);
  for (const auto& key : keys) {
    auto it = states_.find(key.name);
    if (it == states_.end()) {
      if (states_.size() >= max_keys_) make_room(now);
      it = states_.emplace(key.name, ra::GuessState{}).first;
    }
    ra::record_failure(*key.policy, it->second, now);
  }
}

void GuessThrottle::succeeded(const std::string& user) {
  std::lock_guard lock(mutex_);
  states_.erase("u" + user);
}

std::size_t GuessThrottle::tracked() const {
  std::lock_guard lock(mutex_);
  return states_.size();
}

void GuessThrottle::make_room(ra::Ms now) {
  // Both policies forget after the same time; the user policy's view of
  // "forgotten" serves for every key.
  std::erase_if(states_, [&](const auto& kv) { return ra::forgotten(user_policy_, kv.second, now); });
  if (states_.size() < max_keys_) return;
  // Still full of live keys: keep the newer half of failures.
  std::vector<ra::Ms> last;
  last.reserve(states_.size());
  for (const auto& kv : states_) last.push_back(kv.second.last_failure);
  auto middle = last.begin() + static_cast<std::ptrdiff_t>(last.size() / 2);
  std::nth_element(last.begin(), middle, last.end());
  const ra::Ms cut = *middle;
  std::erase_if(states_, [&](const auto& kv) { return kv.second.last_failure < cut; });
  if (states_.size() >= max_keys_) states_.clear();  // all at the same instant
}

}  // namespace og::core
