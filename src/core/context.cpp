#include "core/context.hpp"

#include "store/store.hpp"

namespace og::core {

Task<bool> Context::durable() const {
  co_return co_await store_->durable(commit_);
}

}  // namespace og::core
