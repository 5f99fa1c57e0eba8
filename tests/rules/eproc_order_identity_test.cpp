// Whether an order placed again under the same client reference is the same
// body: the same lines in any order, compared as the hub understands them.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <string>
#include <vector>

#include "eproc_demo.hpp"
#include "rules/eproc/order_identity.hpp"

namespace og::test {

namespace {
using namespace og::test::eproc;

ValidOrder order_of(std::vector<RequestLine> lines, std::string reference = "PO-1") {
  return accepted(
      validate_order(OrderRequest{std::move(reference), std::move(lines)}, garage_01(), demo_directory(), Limits{}));
}

const std::vector<RequestLine> kBase = {
    by_brand("MANN", "W 712/95", "2", "prov-b"),
    by_brand("VALEO", "826703", "1", "prov-a"),
    by_ean(std::string(kBoschEan), "3", "prov-a"),
};
}  // namespace

class EprocOrderIdentityTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocOrderIdentityTest);
  CPPUNIT_TEST(line_order_does_not_matter);
  CPPUNIT_TEST(rewritten_but_equal_values_are_the_same);
  CPPUNIT_TEST(every_single_change_is_a_different_body);
  CPPUNIT_TEST(the_reference_is_not_part_of_the_body);
  CPPUNIT_TEST(canonical_text_is_stable);
  CPPUNIT_TEST(canonical_text_cannot_be_forged_across_fields);
  CPPUNIT_TEST_SUITE_END();

 public:
  void line_order_does_not_matter() {
    std::vector<std::size_t> perm = {0, 1, 2};
    const std::string want = canonical_body(order_of(kBase));
    int permutations = 0;
    do {
      std::vector<RequestLine> lines;
      for (std::size_t i : perm) lines.push_back(kBase[i]);
      ValidOrder o = order_of(lines);
      CPPUNIT_ASSERT_EQUAL(want, canonical_body(o));
      CPPUNIT_ASSERT(same_body(o, order_of(kBase)));
      ++permutations;
    } while (std::next_permutation(perm.begin(), perm.end()));
    CPPUNIT_ASSERT_EQUAL(6, permutations);
  }

  void rewritten_but_equal_values_are_the_same() {
    std::vector<RequestLine> rewritten = {
        by_brand(" mann ", "w712-95", "2.000", " prov-b"), by_brand("Valeo", "826 703", "+1", "prov-a"),
        by_ean("0" + std::string(kBoschEan), "3.", "prov-a"),  // the GTIN-14 of the same EAN
    };
    CPPUNIT_ASSERT(same_body(order_of(kBase), order_of(rewritten)));
  }

  void every_single_change_is_a_different_body() {
    const ValidOrder base = order_of(kBase);
    std::vector<std::vector<RequestLine>> changed;
    auto with = [&](std::size_t i, RequestLine line) {
      auto lines = kBase;
      lines[i] = std::move(line);
      changed.push_back(lines);
    };
    with(0, by_brand("MANN", "W 712/95", "2", "prov-a"));      // provider
    with(0, by_brand("MANN", "W 712/96", "2", "prov-b"));      // reference
    with(0, by_brand("BOSCH", "W 712/95", "2", "prov-b"));     // brand
    with(0, by_brand("MANN", "W 712/95", "2.001", "prov-b"));  // quantity
    with(2, by_ean("4006381333931", "3", "prov-a"));           // another EAN
    with(2, by_brand("BOSCH", "0986494104", "3", "prov-a"));   // same article, described another way
    changed.push_back({kBase[0], kBase[1]});                   // a line less
    auto more = kBase;
    more.push_back(by_brand("BOSCH", "0986494104", "1", "prov-b"));
    changed.push_back(more);  // a line more
    for (std::size_t i = 0; i < changed.size(); ++i) {
      ValidOrder other = order_of(changed[i]);
      CPPUNIT_ASSERT_MESSAGE(std::to_string(i), !same_body(base, other));
      CPPUNIT_ASSERT_MESSAGE(std::to_string(i), !same_body(other, base));
      for (std::size_t j = 0; j < i; ++j)
        CPPUNIT_ASSERT_MESSAGE(std::to_string(i) + " vs " + std::to_string(j), !same_body(other, order_of(changed[j])));
    }
  }

  void the_reference_is_not_part_of_the_body() {
    CPPUNIT_ASSERT(same_body(order_of(kBase, "PO-1"), order_of(kBase, "PO-2")));
    CPPUNIT_ASSERT(same_body(order_of(kBase, "PO-1"), order_of(kBase, "")));
  }

  // The store may keep the text: a change to its form is a migration.
  void canonical_text_is_stable() {
    ValidOrder o = order_of({by_brand("MANN", "W 712/95", "2.50", "prov-b"), by_ean("96385074", "1", "prov-a")});
    CPPUNIT_ASSERT_EQUAL(std::string("eproc-order-v1;"
                                     "32:6:prov-a18:ean/000000963850741:1"
                                     "43:6:prov-b27:brand-reference/MANN/W712953:2.5"),
                         canonical_body(o));
  }

  void canonical_text_cannot_be_forged_across_fields() {
    // Provider IDs with digits and colons cannot shift a field boundary.
    ProviderDirectory directory = {{"a", {DescriptionKind::BrandReference}, 0},
                                   {"a1:b", {DescriptionKind::BrandReference}, 0}};
    ClientAccess client{"c", {"a", "a1:b"}};
    auto order = [&](std::vector<RequestLine> lines) {
      return accepted(validate_order(OrderRequest{"", std::move(lines)}, client, directory, Limits{}));
    };
    ValidOrder one = order({by_brand("X", "Y", "1", "a1:b")});
    ValidOrder two = order({by_brand("X", "Y", "1", "a")});
    CPPUNIT_ASSERT(!same_body(one, two));
    CPPUNIT_ASSERT(!same_body(order({by_brand("X", "Y", "1", "a"), by_brand("X", "Z", "1", "a")}),
                              order({by_brand("X", "YZ", "1", "a")})));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocOrderIdentityTest);

}  // namespace og::test
