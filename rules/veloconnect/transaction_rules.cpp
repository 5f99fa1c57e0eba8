#include "rules/veloconnect/transaction_rules.hpp"

namespace og::rules::veloconnect {

namespace {

bool opens_transmission(Step step) {
  return step == Step::StockTransmit || step == Step::SaleTransmit || step == Step::SaleB2XTransmit;
}

bool pages_transmission(Step step) {
  return step == Step::StockItemStatus || step == Step::SaleStatus || step == Step::SaleB2XStatus;
}

bool creates_instance(Step step) {
  return step == Step::CreateOrder || step == Step::CreateTextSearch || opens_transmission(step);
}

// The kind of instance a step works on; Rollback and GetStatus accept any.
bool kind_matches(Step step, TransactionKind kind) {
  switch (step) {
    case Step::UpdateOrder:
    case Step::ViewOrder:
    case Step::FinishOrder: return kind == TransactionKind::Order || kind == TransactionKind::OrderInOnlineShop;
    case Step::SearchResult: return kind == TransactionKind::TextSearch;
    case Step::StockItemStatus: return kind == TransactionKind::StockTransmission;
    case Step::SaleStatus: return kind == TransactionKind::SaleTransmission;
    case Step::SaleB2XStatus: return kind == TransactionKind::SaleB2XTransmission;
    default: return true;
  }
}

bool state_allows(Step step, int s) {
  if (pages_transmission(step)) return s == state::kUpdate;
  switch (step) {
    case Step::UpdateOrder:
    case Step::FinishOrder:
    case Step::SearchResult: return s == state::kUpdate;
    case Step::ViewOrder: return s == state::kUpdate || s == state::kFinal;
    case Step::Rollback: return s >= 2 && s <= 49;  // the standard's rollback window
    default: return true;
  }
}

}  // namespace

Outcome check_credentials(Credentials credentials) {
  switch (credentials) {
    case Credentials::UnknownBuyer: return Outcome::UnknownBuyer;
    case Credentials::WrongPassword: return Outcome::AuthenticationFailed;
    case Credentials::Valid: break;
  }
  return Outcome::Ok;
}

Outcome admit(Step step, Credentials credentials, const Instance* instance, bool request_is_test) {
  if (auto c = check_credentials(credentials); c != Outcome::Ok) return c;
  if (creates_instance(step)) return Outcome::Ok;
  // Another kind of instance under this ID is, for this step, no instance at all.
  if (instance == nullptr || !kind_matches(step, instance->kind)) return Outcome::UnknownTransaction;
  if (step == Step::GetStatus) return Outcome::Ok;
  if (instance->is_test != request_is_test) return Outcome::TestMix;
  if (!state_allows(step, instance->state)) return Outcome::WrongState;
  return Outcome::Ok;
}

Outcome admit_creation(Credentials credentials, long open_instances, long max_open_instances) {
  if (auto c = check_credentials(credentials); c != Outcome::Ok) return c;
  if (open_instances >= max_open_instances) return Outcome::NoInstanceAvailable;
  return Outcome::Ok;
}

int state_after(Step step, int from, StepResult result) {
  if (opens_transmission(step)) return state::kUpdate;
  if (pages_transmission(step)) return result.do_not_close || !result.last_page ? state::kUpdate : state::kFinal;
  switch (step) {
    case Step::CreateOrder: return state::kUpdate;
    case Step::CreateTextSearch: return result.text_search_has_hits ? state::kUpdate : state::kFinal;
    case Step::UpdateOrder: return state::kUpdate;
    case Step::FinishOrder: return state::kFinal;
    case Step::SearchResult: return result.do_not_close ? state::kUpdate : state::kFinal;
    case Step::Rollback: return state::kRolledBack;
    default: return from;  // ViewOrder, GetStatus
  }
  return from;
}

int resting_state(TransactionKind kind, int reported) {
  if (is_permanent(kind) && !is_open(reported)) return state::kUpdate;
  return reported;
}

}  // namespace og::rules::veloconnect
