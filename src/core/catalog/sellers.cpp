#include "core/catalog/sellers.hpp"

#include "store/store.hpp"

namespace og::core {

Task<std::optional<model::Seller>> SellerDirectory::find(Context& ctx, const std::string& id) const {
  co_return co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) { return r.sellers().seller(id); });
}

}  // namespace og::core
