// Order status from item outcomes (the seed's 2/3/5/7), every combination of
// item statuses for orders of one to three items; and the normalised item
// status from a provider's answer.
#include <cppunit/extensions/HelperMacros.h>

#include <set>
#include <string>
#include <vector>

#include "eproc_demo.hpp"
#include "rules/eproc/order_status.hpp"

namespace og::test {

namespace {
using namespace og::test::eproc;
using I = ItemStatus;
using O = OrderStatus;

std::string names(const std::vector<ItemStatus>& items) {
  std::string out;
  for (ItemStatus s : items) out += std::string(to_string_view(s)) + ",";
  return out;
}

// The seed's sentences, one predicate each, written apart from the rule.
bool some_pending(const std::vector<ItemStatus>& items) {
  for (ItemStatus s : items)
    if (s == I::Pending) return true;
  return false;
}
bool all_confirmed(const std::vector<ItemStatus>& items) {  // "All the items are confirmed as ordered"
  for (ItemStatus s : items)
    if (s != I::Confirmed) return false;
  return true;
}
bool none_ordered(const std::vector<ItemStatus>& items) {  // "No item could be ordered"
  for (ItemStatus s : items)
    if (s != I::Refused && s != I::NotOrdered) return false;
  return true;
}
bool some_not_but_some_could(const std::vector<ItemStatus>& items) {
  // "There is at least 1 item that could not be ordered, but some could";
  // an item confirmed in part is both.
  bool some_not = false, some_could = false;
  for (ItemStatus s : items) {
    if (s == I::Refused || s == I::NotOrdered || s == I::PartiallyConfirmed) some_not = true;
    if (s == I::Confirmed || s == I::PartiallyConfirmed) some_could = true;
  }
  return some_not && some_could;
}

ItemOutcome answer(std::string_view requested, bool accepted, std::optional<std::string_view> confirmed,
                   std::string raw = "raw") {
  ProviderItemAnswer a;
  a.accepted = accepted;
  if (confirmed) a.confirmed_quantity = dec(*confirmed);
  a.raw_status = std::move(raw);
  return item_outcome(dec(requested), a);
}
}  // namespace

class EprocOrderStatusTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocOrderStatusTest);
  CPPUNIT_TEST(codes_and_labels);
  CPPUNIT_TEST(every_combination_of_one_to_three_items);
  CPPUNIT_TEST(named_cases);
  CPPUNIT_TEST(item_outcome_from_provider_answer);
  CPPUNIT_TEST(unreachable_provider);
  CPPUNIT_TEST(answers_to_order_status_every_combination);
  CPPUNIT_TEST_SUITE_END();

 public:
  void codes_and_labels() {
    CPPUNIT_ASSERT_EQUAL(2, code(O::Initialised));
    CPPUNIT_ASSERT_EQUAL(3, code(O::Confirmed));
    CPPUNIT_ASSERT_EQUAL(5, code(O::PartiallyConfirmed));
    CPPUNIT_ASSERT_EQUAL(7, code(O::Canceled));
    CPPUNIT_ASSERT_EQUAL(std::string("initialised"), std::string(to_string_view(O::Initialised)));
    CPPUNIT_ASSERT_EQUAL(std::string("confirmed"), std::string(to_string_view(O::Confirmed)));
    CPPUNIT_ASSERT_EQUAL(std::string("partially confirmed"), std::string(to_string_view(O::PartiallyConfirmed)));
    CPPUNIT_ASSERT_EQUAL(std::string("canceled"), std::string(to_string_view(O::Canceled)));
    for (int c = -1; c <= 9; ++c) {
      auto s = order_status_from_code(c);
      bool defined = c == 2 || c == 3 || c == 5 || c == 7;
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(c), defined, s.has_value());
      if (s) CPPUNIT_ASSERT_EQUAL(c, code(*s));
    }
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, all_order_statuses().size());
    CPPUNIT_ASSERT(!is_settled(O::Initialised));
    CPPUNIT_ASSERT(is_settled(O::Confirmed) && is_settled(O::PartiallyConfirmed) && is_settled(O::Canceled));

    const std::pair<ItemStatus, const char*> items[] = {{I::Pending, "pending"},
                                                        {I::Confirmed, "confirmed"},
                                                        {I::PartiallyConfirmed, "partially-confirmed"},
                                                        {I::Refused, "refused"},
                                                        {I::NotOrdered, "not-ordered"}};
    CPPUNIT_ASSERT_EQUAL(std::size(items), all_item_statuses().size());
    std::set<std::string> seen;
    for (auto [s, text] : items) {
      CPPUNIT_ASSERT_EQUAL(std::string(text), std::string(to_string_view(s)));
      seen.insert(text);
    }
    CPPUNIT_ASSERT_EQUAL(std::size(items), seen.size());
    CPPUNIT_ASSERT(is_ordered(I::Confirmed) && is_ordered(I::PartiallyConfirmed));
    CPPUNIT_ASSERT(!is_ordered(I::Pending) && !is_ordered(I::Refused) && !is_ordered(I::NotOrdered));
  }

  // 5 + 25 + 125 orders. Exactly one of the seed's four statuses describes
  // each, and the rule picks it.
  void every_combination_of_one_to_three_items() {
    const auto statuses = all_item_statuses();
    int checked = 0;
    int per_status[8] = {};
    for (std::size_t n = 1; n <= 3; ++n) {
      std::size_t combinations = 1;
      for (std::size_t i = 0; i < n; ++i) combinations *= statuses.size();
      for (std::size_t c = 0; c < combinations; ++c) {
        std::vector<ItemStatus> items;
        for (std::size_t i = 0, rest = c; i < n; ++i, rest /= statuses.size())
          items.push_back(statuses[rest % statuses.size()]);
        bool is2 = some_pending(items);
        bool is3 = !is2 && all_confirmed(items);
        bool is7 = !is2 && none_ordered(items);
        bool is5 = !is2 && some_not_but_some_could(items);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(names(items), 1, int{is2} + int{is3} + int{is5} + int{is7});
        O want = is2 ? O::Initialised : is3 ? O::Confirmed : is5 ? O::PartiallyConfirmed : O::Canceled;
        O got = derive_order_status(items);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(names(items), code(want), code(got));
        // Line order never matters.
        std::vector<ItemStatus> reversed(items.rbegin(), items.rend());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(names(items), code(got), code(derive_order_status(reversed)));
        ++per_status[code(got)];
        ++checked;
      }
    }
    CPPUNIT_ASSERT_EQUAL(155, checked);
    // Counted by hand: pending in 1 + 9 + 61; all confirmed 1 + 1 + 1;
    // nothing ordered 2 + 4 + 8; the rest partially confirmed.
    CPPUNIT_ASSERT_EQUAL(71, per_status[2]);
    CPPUNIT_ASSERT_EQUAL(3, per_status[3]);
    CPPUNIT_ASSERT_EQUAL(14, per_status[7]);
    CPPUNIT_ASSERT_EQUAL(155 - 71 - 3 - 14, per_status[5]);
  }

  void named_cases() {
    struct Row {
      std::vector<ItemStatus> items;
      O want;
    };
    const Row rows[] = {
        {{I::Confirmed}, O::Confirmed},                       // MANN W712/95 at prov-b
        {{I::Confirmed, I::Refused}, O::PartiallyConfirmed},  // MANN + VALEO at prov-b
        {{I::Refused}, O::Canceled},                          // VALEO alone at prov-b
        {{I::PartiallyConfirmed}, O::PartiallyConfirmed},     // 3 of 5: something ordered, something not
        {{I::PartiallyConfirmed, I::PartiallyConfirmed}, O::PartiallyConfirmed},
        {{I::Confirmed, I::PartiallyConfirmed}, O::PartiallyConfirmed},
        {{I::NotOrdered, I::Refused}, O::Canceled},              // provider down + provider refused
        {{I::NotOrdered, I::Confirmed}, O::PartiallyConfirmed},  // one provider down, one confirmed
        {{I::Confirmed, I::Pending}, O::Initialised},            // still waiting on one provider
        {{I::Refused, I::Pending}, O::Initialised},
        {{}, O::Canceled},  // never accepted; nothing ordered
    };
    for (const Row& row : rows)
      CPPUNIT_ASSERT_EQUAL_MESSAGE(names(row.items), code(row.want), code(derive_order_status(row.items)));
  }

  void item_outcome_from_provider_answer() {
    struct Row {
      const char* requested;
      bool accepted;
      std::optional<std::string_view> confirmed;
      ItemStatus want;
      const char* want_quantity;
    };
    const Row rows[] = {
        {"5", false, std::nullopt, I::Refused, "0"},
        {"5", false, "5", I::Refused, "0"},  // refused is refused, whatever quantity it names
        {"5", true, std::nullopt, I::Confirmed, "5"},
        {"5", true, "5", I::Confirmed, "5"},
        {"5", true, "5.000", I::Confirmed, "5"},
        {"5", true, "10", I::Confirmed, "10"},  // rounded up to full packs
        {"5", true, "3", I::PartiallyConfirmed, "3"},
        {"5", true, "4.999", I::PartiallyConfirmed, "4.999"},
        {"5", true, "0.001", I::PartiallyConfirmed, "0.001"},
        {"5", true, "0", I::Refused, "0"},
        {"5", true, "-1", I::Refused, "0"},
        {"2.5", true, "2.5", I::Confirmed, "2.5"},
    };
    for (const Row& row : rows) {
      std::string label = std::string(row.requested) + (row.accepted ? " accepted " : " refused ") +
                          std::string(row.confirmed.value_or("-"));
      ItemOutcome o = answer(row.requested, row.accepted, row.confirmed, "RAW-" + label);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(to_string_view(row.want)), std::string(to_string_view(o.status)));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(row.want_quantity), o.confirmed_quantity.to_string());
      CPPUNIT_ASSERT_EQUAL_MESSAGE(label, "RAW-" + label, o.raw_status);  // the raw status is always kept
    }
  }

  void unreachable_provider() {
    ItemOutcome o = not_ordered("timeout after 3 attempts");
    CPPUNIT_ASSERT(o.status == I::NotOrdered);
    CPPUNIT_ASSERT(o.confirmed_quantity.is_zero());
    CPPUNIT_ASSERT_EQUAL(std::string("timeout after 3 attempts"), o.raw_status);
  }

  // Provider answers for up to three items, each one of: refused, accepted
  // with nothing, a part, all, more, no quantity, provider unreachable, no
  // answer yet; through item_outcome into the order status.
  void answers_to_order_status_every_combination() {
    enum Answer { Refuse, Zero, Part, All, More, Unsaid, Unreachable, Waiting, kAnswers };
    auto outcome_of = [](int a) -> ItemStatus {
      switch (a) {
        case Refuse: return answer("5", false, std::nullopt).status;
        case Zero: return answer("5", true, "0").status;
        case Part: return answer("5", true, "3").status;
        case All: return answer("5", true, "5").status;
        case More: return answer("5", true, "6").status;
        case Unsaid: return answer("5", true, std::nullopt).status;
        case Unreachable: return not_ordered("down").status;
        default: return I::Pending;
      }
    };
    int checked = 0;
    for (int n = 1; n <= 3; ++n) {
      int combinations = 1;
      for (int i = 0; i < n; ++i) combinations *= kAnswers;
      for (int c = 0; c < combinations; ++c) {
        std::vector<ItemStatus> items;
        int full = 0, nothing = 0, waiting = 0;
        for (int i = 0, rest = c; i < n; ++i, rest /= kAnswers) {
          int a = rest % kAnswers;
          items.push_back(outcome_of(a));
          if (a == All || a == More || a == Unsaid) ++full;
          if (a == Refuse || a == Zero || a == Unreachable) ++nothing;
          if (a == Waiting) ++waiting;
        }
        int want = waiting ? 2 : full == n ? 3 : nothing == n ? 7 : 5;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(names(items), want, code(derive_order_status(items)));
        ++checked;
      }
    }
    CPPUNIT_ASSERT_EQUAL(8 + 64 + 512, checked);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocOrderStatusTest);

}  // namespace og::test
