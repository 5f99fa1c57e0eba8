// Availability fan-out (one call per provider, every item remembering its
// request) and the order split (one order per provider).
#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "eproc_demo.hpp"
#include "rules/eproc/fanout_plan.hpp"
#include "rules/eproc/order_split.hpp"

namespace og::test {

namespace {
using namespace og::test::eproc;
using K = DescriptionKind;

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + ",";
  return out;
}

// "provider:index index;..." for a plan's calls.
std::string calls_of(const FanoutPlan& plan) {
  std::string out;
  for (const ProviderCall& call : plan.calls) {
    out += call.provider + ":";
    for (std::size_t i = 0; i < call.items.size(); ++i)
      out += (i ? " " : "") + std::to_string(call.items[i].request_index);
    out += ";";
  }
  return out;
}

FanoutPlan plan_for(const std::vector<RequestLine>& lines, const ClientAccess& client,
                    const ProviderDirectory& directory) {
  return plan_fanout(accepted(validate_availability(lines, client, directory, Limits{})), directory);
}

// Every (request, provider) pair the validation decided appears in exactly
// one call, with the request's product and quantity; calls are never empty
// and respect the provider's item limit.
void check_plan_covers_batch(const ValidAvailability& batch, const FanoutPlan& plan,
                             const ProviderDirectory& directory) {
  std::multiset<std::pair<std::size_t, std::string>> planned;
  for (const ProviderCall& call : plan.calls) {
    CPPUNIT_ASSERT(!call.items.empty());
    const ProviderProfile* profile = find_provider(directory, call.provider);
    CPPUNIT_ASSERT(profile);
    if (profile->max_items_per_availability_call)
      CPPUNIT_ASSERT(call.items.size() <= profile->max_items_per_availability_call);
    for (const PlannedItem& item : call.items) planned.insert({item.request_index, call.provider});
  }
  std::multiset<std::pair<std::size_t, std::string>> wanted;
  for (const AvailabilityLine& line : batch.lines) {
    for (const std::string& p : line.providers) wanted.insert({line.index, p});
    CPPUNIT_ASSERT_EQUAL(join(line.providers), join(plan.providers_by_request.at(line.index)));
  }
  CPPUNIT_ASSERT(planned == wanted);
  for (const ProviderCall& call : plan.calls)
    for (const PlannedItem& item : call.items) {
      const AvailabilityLine& line = batch.lines.at(item.request_index);
      CPPUNIT_ASSERT(same_product(item.product, line.product));
      CPPUNIT_ASSERT(item.quantity == line.quantity);
    }
}
}  // namespace

class EprocFanoutPlanTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocFanoutPlanTest);
  CPPUNIT_TEST(one_call_per_provider_in_directory_order);
  CPPUNIT_TEST(calls_follow_the_directory_not_the_alphabet);
  CPPUNIT_TEST(items_remember_their_request);
  CPPUNIT_TEST(provider_item_limit_splits_calls);
  CPPUNIT_TEST(every_subset_of_a_mixed_batch_is_covered_exactly);
  CPPUNIT_TEST(order_split_per_provider_in_first_appearance_order);
  CPPUNIT_TEST(order_split_is_never_cut_by_size);
  CPPUNIT_TEST_SUITE_END();

 public:
  void one_call_per_provider_in_directory_order() {
    std::vector<RequestLine> lines = {
        by_brand("MANN", "W 712/95", "1", "prov-b"),  // 0 -> prov-b
        by_brand("BOSCH", "0986494104", "1"),         // 1 -> prov-a, prov-b
        by_ean(std::string(kBoschEan)),               // 2 -> prov-a
        by_brand("VALEO", "826703", "2", "prov-a"),   // 3 -> prov-a
    };
    FanoutPlan plan = plan_for(lines, garage_01(), demo_directory());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a:1 2 3;prov-b:0 1;"), calls_of(plan));
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, plan.providers_by_request.size());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-b,"), join(plan.providers_by_request[0]));
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a,prov-b,"), join(plan.providers_by_request[1]));
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a,"), join(plan.providers_by_request[2]));
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a,"), join(plan.providers_by_request[3]));
  }

  void calls_follow_the_directory_not_the_alphabet() {
    ProviderDirectory directory = {{"zulu", {K::Ean}, 0}, {"alpha", {K::Ean}, 2}, {"mike", {K::Ean}, 0}};
    ClientAccess client{"c", {"alpha", "mike", "zulu"}};
    std::vector<RequestLine> lines = {by_ean("96385074", "1", "mike"), by_ean(std::string(kBoschEan)),
                                      by_ean("5901234123457", "1", "alpha"), by_ean("4006381333931")};
    FanoutPlan plan = plan_for(lines, client, directory);
    CPPUNIT_ASSERT_EQUAL(std::string("zulu:1 3;alpha:1 2;alpha:3;mike:0 1 3;"), calls_of(plan));
    CPPUNIT_ASSERT_EQUAL(std::string("zulu,alpha,mike,"), join(plan.providers_by_request[1]));
  }

  void items_remember_their_request() {
    std::vector<RequestLine> lines = {by_brand("MANN", "W 712/95", "7", "prov-b"),
                                      by_brand("MANN", "W 712/95", "60", "prov-b")};
    FanoutPlan plan = plan_for(lines, garage_01(), demo_directory());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, plan.calls.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, plan.calls[0].items.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, plan.calls[0].items[0].request_index);
    CPPUNIT_ASSERT(plan.calls[0].items[0].quantity == dec("7"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, plan.calls[0].items[1].request_index);
    CPPUNIT_ASSERT(plan.calls[0].items[1].quantity == dec("60"));
    CPPUNIT_ASSERT_EQUAL(std::string("W 712/95"), plan.calls[0].items[1].product.reference);
  }

  void provider_item_limit_splits_calls() {
    ProviderDirectory directory = demo_directory();
    directory[0].max_items_per_availability_call = 2;  // prov-a
    directory[1].max_items_per_availability_call = 1;  // prov-b cannot batch
    std::vector<RequestLine> lines;
    for (int i = 0; i < 5; ++i) lines.push_back(by_brand("BOSCH", "R" + std::to_string(i)));
    FanoutPlan plan = plan_for(lines, garage_01(), directory);
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a:0 1;prov-a:2 3;prov-a:4;prov-b:0;prov-b:1;prov-b:2;prov-b:3;prov-b:4;"),
                         calls_of(plan));
    check_plan_covers_batch(accepted(validate_availability(lines, garage_01(), directory, Limits{})), plan, directory);
  }

  // Six requests of different kinds and providers; every non-empty subset of
  // them (63), for both demo clients and with and without item limits.
  void every_subset_of_a_mixed_batch_is_covered_exactly() {
    const std::vector<RequestLine> pool = {
        by_brand("BOSCH", "0986494104"),
        by_ean(std::string(kBoschEan)),
        by_brand("MANN", "W 712/95", "3", "prov-a"),
        by_brand("MANN", "W 712/95", "3", "prov-a"),
        by_brand("VALEO", "826703", "2"),
        by_ean("96385074", "4", "prov-a"),
    };
    for (std::size_t limit : {0, 1, 2}) {
      ProviderDirectory directory = demo_directory();
      for (auto& p : directory) p.max_items_per_availability_call = limit;
      for (const ClientAccess& client : {garage_01(), garage_02()})
        for (int mask = 1; mask < 64; ++mask) {
          std::vector<RequestLine> lines;
          for (int i = 0; i < 6; ++i)
            if (mask & (1 << i)) lines.push_back(pool[static_cast<std::size_t>(i)]);
          auto batch = accepted(validate_availability(lines, client, directory, Limits{}),
                                client.client_id + " mask " + std::to_string(mask));
          FanoutPlan plan = plan_fanout(batch, directory);
          check_plan_covers_batch(batch, plan, directory);
          // Calls of one provider follow each other; providers in directory order.
          std::vector<std::string> seen;
          for (const ProviderCall& call : plan.calls)
            if (seen.empty() || seen.back() != call.provider) seen.push_back(call.provider);
          std::set<std::string> unique(seen.begin(), seen.end());
          CPPUNIT_ASSERT_EQUAL(unique.size(), seen.size());
          std::size_t last = 0;
          for (const std::string& p : seen) {
            std::size_t pos = static_cast<std::size_t>(find_provider(directory, p) - directory.data());
            CPPUNIT_ASSERT(pos >= last);
            last = pos;
          }
        }
    }
  }

  void order_split_per_provider_in_first_appearance_order() {
    std::vector<RequestLine> lines = {
        by_brand("MANN", "W 712/95", "1", "prov-b"),    // 0
        by_brand("VALEO", "826703", "2", "prov-a"),     // 1
        by_brand("VALEO", "826703", "1", "prov-b"),     // 2
        by_ean(std::string(kBoschEan), "3", "prov-a"),  // 3
    };
    ValidOrder order = accepted(validate_order(OrderRequest{"PO-1", lines}, garage_01(), demo_directory(), Limits{}));
    std::vector<ProviderOrder> split = split_order(order);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, split.size());
    CPPUNIT_ASSERT_EQUAL(std::string("prov-b"), split[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a"), split[1].provider);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, split[0].lines.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, split[0].lines[0].index);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, split[0].lines[1].index);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, split[1].lines[0].index);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, split[1].lines[1].index);
    CPPUNIT_ASSERT(split[1].lines[1].quantity == dec("3"));
    for (const ProviderOrder& po : split)
      for (const OrderLine& line : po.lines) CPPUNIT_ASSERT_EQUAL(po.provider, line.provider);
    CPPUNIT_ASSERT(split_order(ValidOrder{}).empty());
  }

  void order_split_is_never_cut_by_size() {
    ProviderDirectory directory = demo_directory();
    for (auto& p : directory) p.max_items_per_availability_call = 1;
    std::vector<RequestLine> lines;
    for (int i = 0; i < 10; ++i) lines.push_back(by_brand("BOSCH", "R" + std::to_string(i), "1", "prov-a"));
    auto split = split_order(accepted(validate_order(OrderRequest{"", lines}, garage_01(), directory, Limits{})));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, split.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{10}, split[0].lines.size());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocFanoutPlanTest);

}  // namespace og::test
