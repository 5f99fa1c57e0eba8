// The transaction state machine against an independent reading of the
// Veloconnect standard: every step, every credential, every instance shape,
// every interesting state and both test flags.
#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rules/veloconnect/transaction_rules.hpp"

namespace og::test {

namespace {
using og::rules::veloconnect::admit;
using og::rules::veloconnect::admit_creation;
using og::rules::veloconnect::check_credentials;
using og::rules::veloconnect::Credentials;
using og::rules::veloconnect::Instance;
using og::rules::veloconnect::is_open;
using og::rules::veloconnect::is_permanent;
using og::rules::veloconnect::Outcome;
using og::rules::veloconnect::resting_state;
using og::rules::veloconnect::state_after;
using og::rules::veloconnect::Step;
using og::rules::veloconnect::StepResult;
using og::rules::veloconnect::TransactionKind;
namespace state = og::rules::veloconnect::state;

const std::vector<Step> kSteps = {Step::CreateOrder,      Step::UpdateOrder,     Step::ViewOrder,    Step::FinishOrder,
                                  Step::CreateTextSearch, Step::SearchResult,    Step::Rollback,     Step::GetStatus,
                                  Step::StockTransmit,    Step::StockItemStatus, Step::SaleTransmit, Step::SaleStatus,
                                  Step::SaleB2XTransmit,  Step::SaleB2XStatus};
const std::vector<Credentials> kCredentials = {Credentials::Valid, Credentials::UnknownBuyer,
                                               Credentials::WrongPassword};
const std::vector<TransactionKind> kKinds = {TransactionKind::Order,
                                             TransactionKind::TextSearch,
                                             TransactionKind::OrderInOnlineShop,
                                             TransactionKind::StockTransmission,
                                             TransactionKind::SaleTransmission,
                                             TransactionKind::SaleB2XTransmission};
// Start, update, both ends of the rollback window, just past it, the last
// non-final state, a finished instance and a rolled-back one.
const std::vector<int> kStates = {1, 2, 49, 50, 99, 100, 199};

// Written out by hand (not via describe()) so a wrong wire code shows up in
// the failure message as the number a client would see.
std::string name(Outcome o) {
  switch (o) {
    case Outcome::Ok: return "200 Ok";
    case Outcome::GeneralError: return "400 GeneralError";
    case Outcome::NotSupported: return "404 NotSupported";
    case Outcome::NotSchemaValid: return "405 NotSchemaValid";
    case Outcome::ObsoleteVersion: return "406 ObsoleteVersion";
    case Outcome::UnknownBuyer: return "410 UnknownBuyer";
    case Outcome::AuthenticationFailed: return "411 AuthenticationFailed";
    case Outcome::UnknownSeller: return "415 UnknownSeller";
    case Outcome::UnknownTransaction: return "420 UnknownTransaction";
    case Outcome::NoInstanceAvailable: return "421 NoInstanceAvailable";
    case Outcome::WrongState: return "430 WrongState";
    case Outcome::TestMix: return "435 TestMix";
    case Outcome::InternalError: return "500 InternalError";
  }
  return "unnamed outcome " + std::to_string(static_cast<int>(o));
}

std::string name(Step s) {
  switch (s) {
    case Step::CreateOrder: return "CreateOrder";
    case Step::UpdateOrder: return "UpdateOrder";
    case Step::ViewOrder: return "ViewOrder";
    case Step::FinishOrder: return "FinishOrder";
    case Step::CreateTextSearch: return "CreateTextSearch";
    case Step::SearchResult: return "SearchResult";
    case Step::Rollback: return "Rollback";
    case Step::GetStatus: return "GetStatus";
    case Step::StockTransmit: return "StockTransmit";
    case Step::StockItemStatus: return "StockItemStatus";
    case Step::SaleTransmit: return "SaleTransmit";
    case Step::SaleStatus: return "SaleStatus";
    case Step::SaleB2XTransmit: return "SaleB2XTransmit";
    case Step::SaleB2XStatus: return "SaleB2XStatus";
  }
  return "unnamed step";
}

std::string name(Credentials c) {
  switch (c) {
    case Credentials::Valid: return "Valid";
    case Credentials::UnknownBuyer: return "UnknownBuyer";
    case Credentials::WrongPassword: return "WrongPassword";
  }
  return "unnamed credentials";
}

std::string describe_case(Step step, Credentials credentials, const std::optional<Instance>& instance,
                          bool request_is_test) {
  std::string out = name(step) + " credentials=" + name(credentials) + " instance=";
  if (!instance) {
    out += "none";
  } else {
    out += instance->kind == TransactionKind::Order               ? "Order"
           : instance->kind == TransactionKind::TextSearch        ? "TextSearch"
           : instance->kind == TransactionKind::OrderInOnlineShop ? "OrderInOnlineShop"
           : instance->kind == TransactionKind::StockTransmission ? "StockTransmission"
           : instance->kind == TransactionKind::SaleTransmission  ? "SaleTransmission"
                                                                  : "SaleB2XTransmission";
    out += "/state=" + std::to_string(instance->state) + "/test=" + (instance->is_test ? "yes" : "no");
  }
  return out + " request_test=" + (request_is_test ? "yes" : "no");
}

// The standard, restated from the table of response codes rather than from
// the implementation: the first failing check wins.
Outcome expected_admit(Step step, Credentials credentials, const std::optional<Instance>& instance,
                       bool request_is_test) {
  if (credentials == Credentials::UnknownBuyer) return Outcome::UnknownBuyer;
  if (credentials == Credentials::WrongPassword) return Outcome::AuthenticationFailed;
  if (step == Step::CreateOrder || step == Step::CreateTextSearch || step == Step::StockTransmit ||
      step == Step::SaleTransmit || step == Step::SaleB2XTransmit)
    return Outcome::Ok;

  if (!instance) return Outcome::UnknownTransaction;
  bool order_step = step == Step::UpdateOrder || step == Step::ViewOrder || step == Step::FinishOrder;
  // OrderInOnlineShop has the Order transaction's messages and states.
  bool order_kind = instance->kind == TransactionKind::Order || instance->kind == TransactionKind::OrderInOnlineShop;
  if (order_step && !order_kind) return Outcome::UnknownTransaction;
  if (step == Step::SearchResult && instance->kind != TransactionKind::TextSearch) return Outcome::UnknownTransaction;
  if (step == Step::StockItemStatus && instance->kind != TransactionKind::StockTransmission)
    return Outcome::UnknownTransaction;
  if (step == Step::SaleStatus && instance->kind != TransactionKind::SaleTransmission)
    return Outcome::UnknownTransaction;
  if (step == Step::SaleB2XStatus && instance->kind != TransactionKind::SaleB2XTransmission)
    return Outcome::UnknownTransaction;

  if (step == Step::GetStatus) return Outcome::Ok;
  if (instance->is_test != request_is_test) return Outcome::TestMix;

  int s = instance->state;
  bool state_ok = true;
  if (step == Step::UpdateOrder || step == Step::FinishOrder || step == Step::SearchResult ||
      step == Step::StockItemStatus || step == Step::SaleStatus || step == Step::SaleB2XStatus)
    state_ok = s == 2;
  if (step == Step::ViewOrder) state_ok = s == 2 || s == 100;
  if (step == Step::Rollback) state_ok = s >= 2 && s <= 49;
  return state_ok ? Outcome::Ok : Outcome::WrongState;
}

std::vector<std::optional<Instance>> all_instances() {
  std::vector<std::optional<Instance>> out = {std::nullopt};
  for (auto kind : kKinds)
    for (int s : kStates)
      for (bool test : {false, true}) out.push_back(Instance{kind, s, test});
  return out;
}
}  // namespace

class TransactionRulesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(TransactionRulesTest);
  CPPUNIT_TEST(admit_create_order_matrix);
  CPPUNIT_TEST(admit_update_order_matrix);
  CPPUNIT_TEST(admit_view_order_matrix);
  CPPUNIT_TEST(admit_finish_order_matrix);
  CPPUNIT_TEST(admit_create_text_search_matrix);
  CPPUNIT_TEST(admit_search_result_matrix);
  CPPUNIT_TEST(admit_rollback_matrix);
  CPPUNIT_TEST(admit_get_status_matrix);
  CPPUNIT_TEST(matrix_reaches_every_admit_outcome);
  CPPUNIT_TEST(credentials_win_over_everything);
  CPPUNIT_TEST(wrong_kind_is_unknown_transaction_before_test_mix);
  CPPUNIT_TEST(test_mix_is_checked_before_state);
  CPPUNIT_TEST(get_status_ignores_test_flag_and_state);
  CPPUNIT_TEST(rollback_window_edges);
  CPPUNIT_TEST(view_order_allows_update_and_finished_only);
  CPPUNIT_TEST(creating_steps_ignore_a_passed_instance);
  CPPUNIT_TEST(check_credentials_maps_each_value);
  CPPUNIT_TEST(admit_creation_below_limit);
  CPPUNIT_TEST(admit_creation_at_or_above_limit);
  CPPUNIT_TEST(admit_creation_checks_credentials_first);
  CPPUNIT_TEST(admit_creation_with_zero_or_negative_limit);
  CPPUNIT_TEST(state_after_create_order);
  CPPUNIT_TEST(state_after_create_text_search);
  CPPUNIT_TEST(state_after_update_and_finish_order);
  CPPUNIT_TEST(state_after_search_result);
  CPPUNIT_TEST(state_after_rollback);
  CPPUNIT_TEST(state_after_view_and_get_status_keep_state);
  CPPUNIT_TEST(state_constants);
  CPPUNIT_TEST(is_open_splits_at_final);
  CPPUNIT_TEST(results_of_steps_are_open_or_final_as_expected);
  CPPUNIT_TEST(only_the_online_shop_instance_is_permanent);
  CPPUNIT_TEST(resting_state_of_every_kind_and_state);
  CPPUNIT_TEST(online_shop_instance_finishes_and_rolls_back_again_and_again);
  CPPUNIT_TEST(admit_stock_transmit_matrix);
  CPPUNIT_TEST(admit_stock_item_status_matrix);
  CPPUNIT_TEST(state_after_stock_steps);
  CPPUNIT_TEST(admit_sale_transmit_matrix);
  CPPUNIT_TEST(admit_sale_status_matrix);
  CPPUNIT_TEST(stock_and_sale_transmissions_are_not_interchangeable);
  CPPUNIT_TEST(state_after_sale_steps);
  CPPUNIT_TEST(admit_sale_b2x_transmit_matrix);
  CPPUNIT_TEST(admit_sale_b2x_status_matrix);
  CPPUNIT_TEST(no_transmission_status_step_finds_another_module_s);
  CPPUNIT_TEST(state_after_sale_b2x_steps);
  CPPUNIT_TEST_SUITE_END();

 public:
  void admit_create_order_matrix() { check_matrix(Step::CreateOrder); }
  void admit_update_order_matrix() { check_matrix(Step::UpdateOrder); }
  void admit_view_order_matrix() { check_matrix(Step::ViewOrder); }
  void admit_finish_order_matrix() { check_matrix(Step::FinishOrder); }
  void admit_create_text_search_matrix() { check_matrix(Step::CreateTextSearch); }
  void admit_search_result_matrix() { check_matrix(Step::SearchResult); }
  void admit_rollback_matrix() { check_matrix(Step::Rollback); }
  void admit_get_status_matrix() { check_matrix(Step::GetStatus); }

  // Guards against an expectation function that has collapsed to a constant:
  // the whole matrix must produce every code admit() can give, with the counts
  // the standard implies.
  void matrix_reaches_every_admit_outcome() {
    std::map<std::string, int> counts;
    int cases = 0;
    for (auto step : kSteps)
      for (auto credentials : kCredentials)
        for (const auto& instance : all_instances())
          for (bool request_test : {false, true}) {
            ++counts[name(admit(step, credentials, instance ? &*instance : nullptr, request_test))];
            ++cases;
          }
    // 14 steps x 3 credentials x (1 + 6 kinds x 7 states x 2 flags) x 2 flags.
    const int instances = 1 + 6 * 7 * 2;
    CPPUNIT_ASSERT_EQUAL(14 * 3 * instances * 2, cases);
    CPPUNIT_ASSERT_EQUAL(std::size_t{6}, counts.size());
    CPPUNIT_ASSERT_EQUAL(14 * instances * 2, counts["410 UnknownBuyer"]);
    CPPUNIT_ASSERT_EQUAL(14 * instances * 2, counts["411 AuthenticationFailed"]);
    // Valid credentials only from here. No instance: 9 non-creating steps x 2
    // flags. Wrong kind: the 3 order steps on 4 kinds (Order and
    // OrderInOnlineShop are theirs), SearchResult and the three transmission
    // status steps on 5 kinds each, x 7 states x 4 flag pairs.
    CPPUNIT_ASSERT_EQUAL(9 * 2 + (3 * 4 + 4 * 5) * 7 * 4, counts["420 UnknownTransaction"]);
    // Matching kind, flags differ: Update/View/Finish on 2 kinds, SearchResult
    // and the three status steps on theirs, Rollback on all 6, 7 states x 2
    // pairs.
    CPPUNIT_ASSERT_EQUAL((3 * 2 + 4 + 6) * 7 * 2, counts["435 TestMix"]);
    // Matching kind and flags (2 pairs): Update/Finish (2 kinds each),
    // SearchResult and the three status steps allow 1 of 7 states, View (2
    // kinds) 2, Rollback (6 kinds) 2.
    CPPUNIT_ASSERT_EQUAL((2 * 2 * 6 + 4 * 6 + 2 * 5 + 6 * 5) * 2, counts["430 WrongState"]);
    int ok = 14 * 3 * instances * 2 - counts["410 UnknownBuyer"] - counts["411 AuthenticationFailed"] -
             counts["420 UnknownTransaction"] - counts["435 TestMix"] - counts["430 WrongState"];
    CPPUNIT_ASSERT_EQUAL(ok, counts["200 Ok"]);
  }

  void credentials_win_over_everything() {
    // No instance, wrong kind, test mix and wrong state all at once.
    Instance search{TransactionKind::TextSearch, 199, true};
    for (auto step : kSteps) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name(step), name(Outcome::UnknownBuyer),
                                   name(admit(step, Credentials::UnknownBuyer, nullptr, false)));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name(step), name(Outcome::AuthenticationFailed),
                                   name(admit(step, Credentials::WrongPassword, &search, false)));
    }
  }

  void wrong_kind_is_unknown_transaction_before_test_mix() {
    Instance search{TransactionKind::TextSearch, 2, true};
    Instance order{TransactionKind::Order, 2, true};
    for (auto step : {Step::UpdateOrder, Step::ViewOrder, Step::FinishOrder})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name(step), name(Outcome::UnknownTransaction),
                                   name(admit(step, Credentials::Valid, &search, false)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::UnknownTransaction),
                         name(admit(Step::SearchResult, Credentials::Valid, &order, false)));
  }

  void test_mix_is_checked_before_state() {
    Instance finished{TransactionKind::Order, 100, false};
    CPPUNIT_ASSERT_EQUAL(name(Outcome::TestMix), name(admit(Step::UpdateOrder, Credentials::Valid, &finished, true)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::WrongState),
                         name(admit(Step::UpdateOrder, Credentials::Valid, &finished, false)));
    Instance test_search{TransactionKind::TextSearch, 2, true};
    CPPUNIT_ASSERT_EQUAL(name(Outcome::TestMix),
                         name(admit(Step::SearchResult, Credentials::Valid, &test_search, false)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit(Step::SearchResult, Credentials::Valid, &test_search, true)));
  }

  void get_status_ignores_test_flag_and_state() {
    for (auto kind : kKinds)
      for (int s : kStates)
        for (bool test : {false, true}) {
          Instance instance{kind, s, test};
          CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit(Step::GetStatus, Credentials::Valid, &instance, !test)));
        }
    CPPUNIT_ASSERT_EQUAL(name(Outcome::UnknownTransaction),
                         name(admit(Step::GetStatus, Credentials::Valid, nullptr, false)));
  }

  void rollback_window_edges() {
    for (auto kind : kKinds) {
      for (int s = -1; s <= 200; ++s) {
        Instance instance{kind, s, false};
        Outcome expected = s >= 2 && s <= 49 ? Outcome::Ok : Outcome::WrongState;
        CPPUNIT_ASSERT_EQUAL_MESSAGE("state " + std::to_string(s), name(expected),
                                     name(admit(Step::Rollback, Credentials::Valid, &instance, false)));
      }
    }
  }

  void view_order_allows_update_and_finished_only() {
    for (int s = -1; s <= 200; ++s) {
      Instance instance{TransactionKind::Order, s, true};
      Outcome expected = s == 2 || s == 100 ? Outcome::Ok : Outcome::WrongState;
      CPPUNIT_ASSERT_EQUAL_MESSAGE("state " + std::to_string(s), name(expected),
                                   name(admit(Step::ViewOrder, Credentials::Valid, &instance, true)));
    }
  }

  void creating_steps_ignore_a_passed_instance() {
    Instance odd{TransactionKind::TextSearch, 199, true};
    for (auto step : {Step::CreateOrder, Step::CreateTextSearch}) {
      CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit(step, Credentials::Valid, &odd, false)));
      CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit(step, Credentials::Valid, nullptr, true)));
    }
  }

  void check_credentials_maps_each_value() {
    CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(check_credentials(Credentials::Valid)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::UnknownBuyer), name(check_credentials(Credentials::UnknownBuyer)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::AuthenticationFailed), name(check_credentials(Credentials::WrongPassword)));
  }

  void admit_creation_below_limit() {
    CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit_creation(Credentials::Valid, 0, 1)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit_creation(Credentials::Valid, 0, 100)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::Ok), name(admit_creation(Credentials::Valid, 99, 100)));
  }

  void admit_creation_at_or_above_limit() {
    CPPUNIT_ASSERT_EQUAL(name(Outcome::NoInstanceAvailable), name(admit_creation(Credentials::Valid, 100, 100)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::NoInstanceAvailable), name(admit_creation(Credentials::Valid, 101, 100)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::NoInstanceAvailable), name(admit_creation(Credentials::Valid, 1, 1)));
  }

  void admit_creation_checks_credentials_first() {
    for (long open : {0L, 5L, 10L, 11L}) {
      CPPUNIT_ASSERT_EQUAL(name(Outcome::UnknownBuyer), name(admit_creation(Credentials::UnknownBuyer, open, 10)));
      CPPUNIT_ASSERT_EQUAL(name(Outcome::AuthenticationFailed),
                           name(admit_creation(Credentials::WrongPassword, open, 10)));
    }
  }

  void admit_creation_with_zero_or_negative_limit() {
    // A limit of zero means no buyer may open anything.
    CPPUNIT_ASSERT_EQUAL(name(Outcome::NoInstanceAvailable), name(admit_creation(Credentials::Valid, 0, 0)));
    CPPUNIT_ASSERT_EQUAL(name(Outcome::NoInstanceAvailable), name(admit_creation(Credentials::Valid, 0, -1)));
    for (long open = 0; open < 20; ++open)
      for (long max = 0; max < 20; ++max)
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(open) + "/" + std::to_string(max),
                                     name(open < max ? Outcome::Ok : Outcome::NoInstanceAvailable),
                                     name(admit_creation(Credentials::Valid, open, max)));
  }

  void state_after_create_order() {
    for (int from : kStates) {
      CPPUNIT_ASSERT_EQUAL(2, state_after(Step::CreateOrder, from));
      CPPUNIT_ASSERT_EQUAL(2, state_after(Step::CreateOrder, from, StepResult{true, true}));
    }
  }

  void state_after_create_text_search() {
    for (int from : kStates)
      for (bool do_not_close : {false, true}) {
        CPPUNIT_ASSERT_EQUAL(2, state_after(Step::CreateTextSearch, from, StepResult{true, do_not_close}));
        CPPUNIT_ASSERT_EQUAL(100, state_after(Step::CreateTextSearch, from, StepResult{false, do_not_close}));
      }
    // The default result is "no hits".
    CPPUNIT_ASSERT_EQUAL(100, state_after(Step::CreateTextSearch, 1));
  }

  void state_after_update_and_finish_order() {
    for (int from : kStates)
      for (bool a : {false, true})
        for (bool b : {false, true}) {
          CPPUNIT_ASSERT_EQUAL(2, state_after(Step::UpdateOrder, from, StepResult{a, b}));
          CPPUNIT_ASSERT_EQUAL(100, state_after(Step::FinishOrder, from, StepResult{a, b}));
        }
  }

  void state_after_search_result() {
    for (int from : kStates)
      for (bool hits : {false, true}) {
        CPPUNIT_ASSERT_EQUAL(2, state_after(Step::SearchResult, from, StepResult{hits, true}));
        CPPUNIT_ASSERT_EQUAL(100, state_after(Step::SearchResult, from, StepResult{hits, false}));
      }
    // The default result closes the search.
    CPPUNIT_ASSERT_EQUAL(100, state_after(Step::SearchResult, 2));
  }

  void state_after_rollback() {
    for (int from : kStates) CPPUNIT_ASSERT_EQUAL(199, state_after(Step::Rollback, from, StepResult{true, true}));
  }

  void state_after_view_and_get_status_keep_state() {
    for (int from : {1, 2, 49, 50, 99, 100, 150, 199})
      for (bool a : {false, true})
        for (bool b : {false, true}) {
          CPPUNIT_ASSERT_EQUAL(from, state_after(Step::ViewOrder, from, StepResult{a, b}));
          CPPUNIT_ASSERT_EQUAL(from, state_after(Step::GetStatus, from, StepResult{a, b}));
        }
  }

  void state_constants() {
    CPPUNIT_ASSERT_EQUAL(1, state::kStart);
    CPPUNIT_ASSERT_EQUAL(2, state::kUpdate);
    CPPUNIT_ASSERT_EQUAL(100, state::kFinal);
    CPPUNIT_ASSERT_EQUAL(199, state::kRolledBack);
  }

  void is_open_splits_at_final() {
    for (int s : {1, 2, 49, 50, 99}) CPPUNIT_ASSERT_MESSAGE(std::to_string(s), is_open(s));
    for (int s : {100, 101, 150, 199, 200}) CPPUNIT_ASSERT_MESSAGE(std::to_string(s), !is_open(s));
    static_assert(is_open(99) && !is_open(100), "is_open must stay usable in constant expressions");
  }

  // Whether a step leaves the instance counting against the open limit.
  void results_of_steps_are_open_or_final_as_expected() {
    CPPUNIT_ASSERT(is_open(state_after(Step::CreateOrder, state::kStart)));
    CPPUNIT_ASSERT(is_open(state_after(Step::CreateTextSearch, state::kStart, StepResult{true, false})));
    CPPUNIT_ASSERT(!is_open(state_after(Step::CreateTextSearch, state::kStart, StepResult{false, false})));
    CPPUNIT_ASSERT(is_open(state_after(Step::UpdateOrder, state::kUpdate)));
    CPPUNIT_ASSERT(!is_open(state_after(Step::FinishOrder, state::kUpdate)));
    CPPUNIT_ASSERT(!is_open(state_after(Step::Rollback, state::kUpdate)));
    CPPUNIT_ASSERT(is_open(state_after(Step::SearchResult, state::kUpdate, StepResult{false, true})));
    CPPUNIT_ASSERT(!is_open(state_after(Step::SearchResult, state::kUpdate, StepResult{false, false})));
    // A rolled-back instance must not look like a finished order.
    CPPUNIT_ASSERT(state_after(Step::Rollback, state::kUpdate) != state_after(Step::FinishOrder, state::kUpdate));
  }

  void only_the_online_shop_instance_is_permanent() {
    CPPUNIT_ASSERT(!is_permanent(TransactionKind::Order));
    CPPUNIT_ASSERT(!is_permanent(TransactionKind::TextSearch));
    CPPUNIT_ASSERT(is_permanent(TransactionKind::OrderInOnlineShop));
  }

  void resting_state_of_every_kind_and_state() {
    for (auto kind : kKinds)
      for (int s = 1; s < 200; ++s) {
        int expected = s;
        if (kind == TransactionKind::OrderInOnlineShop && s >= 100) expected = state::kUpdate;
        CPPUNIT_ASSERT_EQUAL(expected, resting_state(kind, s));
      }
  }

  // FinishOrder reports 100 and Rollback 199, then the instance rests in 2,
  // where every order step is admitted again, any number of times.
  void online_shop_instance_finishes_and_rolls_back_again_and_again() {
    Instance shop{TransactionKind::OrderInOnlineShop, state::kUpdate, false};
    for (int round = 0; round < 3; ++round)
      for (Step ending : {Step::FinishOrder, Step::Rollback}) {
        for (Step step : {Step::UpdateOrder, Step::ViewOrder, Step::FinishOrder, Step::Rollback, Step::GetStatus})
          CPPUNIT_ASSERT(admit(step, Credentials::Valid, &shop, false) == Outcome::Ok);
        CPPUNIT_ASSERT(admit(Step::SearchResult, Credentials::Valid, &shop, false) == Outcome::UnknownTransaction);
        CPPUNIT_ASSERT(admit(Step::UpdateOrder, Credentials::Valid, &shop, true) == Outcome::TestMix);
        int reported = state_after(ending, shop.state);
        CPPUNIT_ASSERT_EQUAL(ending == Step::FinishOrder ? state::kFinal : state::kRolledBack, reported);
        shop.state = resting_state(shop.kind, reported);
        CPPUNIT_ASSERT_EQUAL(state::kUpdate, shop.state);
      }
  }

  void admit_stock_transmit_matrix() { check_matrix(Step::StockTransmit); }
  void admit_stock_item_status_matrix() { check_matrix(Step::StockItemStatus); }
  void admit_sale_transmit_matrix() { check_matrix(Step::SaleTransmit); }
  void admit_sale_status_matrix() { check_matrix(Step::SaleStatus); }

  // Each module's paging step finds only its own kind of transmission.
  void stock_and_sale_transmissions_are_not_interchangeable() {
    Instance stock{TransactionKind::StockTransmission, state::kUpdate, false};
    Instance sale{TransactionKind::SaleTransmission, state::kUpdate, false};
    CPPUNIT_ASSERT(admit(Step::SaleStatus, Credentials::Valid, &sale, false) == Outcome::Ok);
    CPPUNIT_ASSERT(admit(Step::StockItemStatus, Credentials::Valid, &stock, false) == Outcome::Ok);
    CPPUNIT_ASSERT(admit(Step::SaleStatus, Credentials::Valid, &stock, false) == Outcome::UnknownTransaction);
    CPPUNIT_ASSERT(admit(Step::StockItemStatus, Credentials::Valid, &sale, false) == Outcome::UnknownTransaction);
    // Rollback and GetStatus take any kind.
    CPPUNIT_ASSERT(admit(Step::Rollback, Credentials::Valid, &sale, false) == Outcome::Ok);
    CPPUNIT_ASSERT(admit(Step::GetStatus, Credentials::Valid, &sale, true) == Outcome::Ok);
  }

  // Sale steps live as stock's do.
  void state_after_sale_steps() {
    for (int from : kStates) CPPUNIT_ASSERT_EQUAL(state::kUpdate, state_after(Step::SaleTransmit, from));
    for (bool do_not_close : {false, true})
      for (bool last_page : {false, true}) {
        int expected = !do_not_close && last_page ? state::kFinal : state::kUpdate;
        CPPUNIT_ASSERT_EQUAL(expected, state_after(Step::SaleStatus, state::kUpdate,
                                                   StepResult{.do_not_close = do_not_close, .last_page = last_page}));
      }
  }

  void admit_sale_b2x_transmit_matrix() { check_matrix(Step::SaleB2XTransmit); }
  void admit_sale_b2x_status_matrix() { check_matrix(Step::SaleB2XStatus); }

  // Stock, sale B2B and sale B2X: each status step admits its own kind only.
  void no_transmission_status_step_finds_another_module_s() {
    const std::pair<Step, TransactionKind> modules[] = {{Step::StockItemStatus, TransactionKind::StockTransmission},
                                                        {Step::SaleStatus, TransactionKind::SaleTransmission},
                                                        {Step::SaleB2XStatus, TransactionKind::SaleB2XTransmission}};
    for (const auto& mine : modules)
      for (const auto& theirs : modules) {
        Instance instance{theirs.second, state::kUpdate, false};
        Outcome expected = mine.second == theirs.second ? Outcome::Ok : Outcome::UnknownTransaction;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(name(mine.first), name(expected),
                                     name(admit(mine.first, Credentials::Valid, &instance, false)));
      }
    Instance b2x{TransactionKind::SaleB2XTransmission, state::kUpdate, false};
    CPPUNIT_ASSERT(admit(Step::Rollback, Credentials::Valid, &b2x, false) == Outcome::Ok);
    CPPUNIT_ASSERT(admit(Step::GetStatus, Credentials::Valid, &b2x, true) == Outcome::Ok);
  }

  // Sale B2X steps live as B2B's do.
  void state_after_sale_b2x_steps() {
    for (int from : kStates) CPPUNIT_ASSERT_EQUAL(state::kUpdate, state_after(Step::SaleB2XTransmit, from));
    for (bool do_not_close : {false, true})
      for (bool last_page : {false, true}) {
        int expected = !do_not_close && last_page ? state::kFinal : state::kUpdate;
        CPPUNIT_ASSERT_EQUAL(expected, state_after(Step::SaleB2XStatus, state::kUpdate,
                                                   StepResult{.do_not_close = do_not_close, .last_page = last_page}));
      }
  }

  // A transmission opens in 2; a status page ends it when it reaches the last
  // line, unless DoNotClose; earlier pages leave it open.
  void state_after_stock_steps() {
    for (int from : kStates) CPPUNIT_ASSERT_EQUAL(state::kUpdate, state_after(Step::StockTransmit, from));
    for (bool do_not_close : {false, true})
      for (bool last_page : {false, true}) {
        int expected = !do_not_close && last_page ? state::kFinal : state::kUpdate;
        CPPUNIT_ASSERT_EQUAL(expected, state_after(Step::StockItemStatus, state::kUpdate,
                                                   StepResult{.do_not_close = do_not_close, .last_page = last_page}));
      }
  }

 private:
  void check_matrix(Step step) {
    std::set<std::string> seen;
    for (auto credentials : kCredentials)
      for (const auto& instance : all_instances())
        for (bool request_test : {false, true}) {
          Outcome expected = expected_admit(step, credentials, instance, request_test);
          Outcome actual = admit(step, credentials, instance ? &*instance : nullptr, request_test);
          CPPUNIT_ASSERT_EQUAL_MESSAGE(describe_case(step, credentials, instance, request_test), name(expected),
                                       name(actual));
          seen.insert(name(actual));
        }
    // Every step can at least succeed and fail on credentials.
    CPPUNIT_ASSERT_MESSAGE(name(step), seen.count(name(Outcome::Ok)) == 1);
    CPPUNIT_ASSERT_MESSAGE(name(step), seen.count(name(Outcome::UnknownBuyer)) == 1);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TransactionRulesTest);

}  // namespace og::test
