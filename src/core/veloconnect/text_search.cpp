#include "core/veloconnect/text_search.hpp"

#include "core/veloconnect/instance_gate.hpp"
#include "store/store.hpp"

namespace og::core::veloconnect {

namespace rv = rules::veloconnect;
using model::TransactionKind;
using TransactionRecord = model::Transaction;

std::vector<std::string> TextSearches::terms(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

Task<Result<TransactionRecord>> TextSearches::create(Context& ctx, Credentials credentials, const Caller& caller,
                                                     const std::string& search_string) {
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  // Counting may scan a large catalog: a read of its own, so that writers
  // queued behind it need not share a batch with it.
  std::int64_t total = co_await ctx.store().read(ctx.commit(), [&](store::ReadView& r) {
    return r.catalog(caller.seller).count_items_matching(terms(search_string));
  });
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      int state = rv::state_after(rv::Step::CreateTextSearch, rv::state::kStart, {.text_search_has_hits = total > 0});
      auto t = open_instance(uow.transactions(caller.seller), TransactionKind::TextSearch, state, credentials, caller,
                             lifecycle_);
      t.search_string = search_string;
      t.total_count = total;
      uow.transactions(caller.seller).insert_transaction(t);
      return t;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

Task<Result<SearchPage>> TextSearches::page(Context& ctx, Credentials credentials, const Caller& caller,
                                            const std::string& transaction_id, std::int64_t start, std::int64_t count,
                                            bool do_not_close, bool fetch_items) {
  if (credentials != Credentials::Valid) co_return refusal(rv::check_credentials(credentials), {});
  try {
    co_return co_await ctx.store().write(ctx.commit(), [&](store::UnitOfWork& uow) {
      SearchPage page;
      std::optional<TransactionRecord> t = admit_step(uow.transactions(caller.seller), rv::Step::SearchResult,
                                                      credentials, caller, transaction_id, lifecycle_);
      // The count is fixed when the search is created: paging stays stable.
      page.window = rv::clamp_window(start, count, t->total_count, limits_.max_page);
      if (fetch_items && page.window.count > 0) {
        for (auto& item :
             uow.catalog(caller.seller).items_matching(terms(t->search_string), page.window.start, page.window.count)) {
          auto availability = catalog_.availability(item, rules::Decimal());
          page.hits.push_back({std::move(item), availability});
        }
      }
      t->state = rv::state_after(rv::Step::SearchResult, t->state, {.do_not_close = do_not_close});
      t->updated_at = clock_.now_utc();
      uow.transactions(caller.seller).update_transaction(*t);
      page.transaction = *t;
      return page;
    });
  } catch (Refusal& r) {
    co_return std::move(r.failure);
  }
}

}  // namespace og::core::veloconnect
