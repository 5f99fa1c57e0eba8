// All-or-nothing validation of availability batches and orders: every
// combination of client access, what providers understand, how the product is
// described and which provider is named; then every faulty line of a batch,
// the batch's own limits, duplicates and the order of checks.
#include <cppunit/extensions/HelperMacros.h>

#include <set>
#include <string>
#include <vector>

#include "eproc_demo.hpp"
#include "rules/eproc/batch_validation.hpp"
#include "rules/eproc/fault.hpp"

namespace og::test {

namespace {
using namespace og::test::eproc;
using K = DescriptionKind;
using R = FaultReason;

std::string reason_code(FaultReason r) {
  return std::string(to_string_view(r));
}

RequestLine line_of_kind(DescriptionKind kind, std::string provider) {
  switch (kind) {
    case K::ProviderReference: return by_provider_reference("AB-12", "1", std::move(provider));
    case K::BrandReference: return by_brand("BOSCH", "0986494104", "1", std::move(provider));
    case K::Ean: return by_ean(std::string(kBoschEan), "1", std::move(provider));
  }
  return {};
}

// What the seed and the issue say a single line must become, written apart
// from the implementation: a fault, or the providers it goes to.
struct Expected {
  std::optional<FaultReason> fault;
  std::vector<std::string> providers;
};

Expected expected_for(bool is_order, DescriptionKind kind, const std::string& named, const ClientAccess& client,
                      const ProviderDirectory& directory) {
  if (!named.empty()) {
    const ProviderProfile* p = nullptr;
    for (const auto& candidate : directory)
      if (candidate.id == named) p = &candidate;
    if (!p) return {R::UnknownProvider, {}};
    if (!client.providers.count(named)) return {R::NoAccess, {}};
    if (!p->understands.count(kind)) return {R::DescriptionNotUnderstood, {}};
    return {std::nullopt, {named}};
  }
  if (is_order) return {R::ProviderRequired, {}};
  if (kind == K::ProviderReference) return {R::ProviderRequired, {}};
  std::vector<std::string> relevant;
  for (const auto& p : directory)
    if (client.providers.count(p.id) && p.understands.count(kind)) relevant.push_back(p.id);
  if (relevant.empty()) return {R::NoRelevantProvider, {}};
  return {std::nullopt, relevant};
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + ",";
  return out;
}
}  // namespace

class EprocBatchValidationTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocBatchValidationTest);
  CPPUNIT_TEST(fault_codes_are_stable_and_unique);
  CPPUNIT_TEST(every_access_understanding_kind_and_named_provider);
  CPPUNIT_TEST(one_faulty_line_refuses_the_whole_batch);
  CPPUNIT_TEST(every_faulty_line_is_listed_in_order);
  CPPUNIT_TEST(valid_lines_keep_their_index_and_values);
  CPPUNIT_TEST(batch_size_limits);
  CPPUNIT_TEST(too_many_lines_are_not_examined);
  CPPUNIT_TEST(client_reference);
  CPPUNIT_TEST(client_reference_and_line_faults_together);
  CPPUNIT_TEST(order_duplicates_are_refused_not_merged);
  CPPUNIT_TEST(duplicates_of_faulty_lines_are_reported_too);
  CPPUNIT_TEST(availability_duplicates_are_two_questions);
  CPPUNIT_TEST(blank_or_padded_provider);
  CPPUNIT_TEST(one_fault_per_line_in_check_order);
  CPPUNIT_TEST(directory_is_the_truth_about_providers);
  CPPUNIT_TEST(relevant_providers_follow_directory_order);
  CPPUNIT_TEST_SUITE_END();

 public:
  void fault_codes_are_stable_and_unique() {
    // The wire codes: changing one breaks clients.
    const std::pair<FaultReason, const char*> kCodes[] = {
        {R::EmptyBatch, "empty-batch"},
        {R::TooManyLines, "too-many-lines"},
        {R::BadClientReference, "bad-client-reference"},
        {R::NoDescription, "no-description"},
        {R::SeveralDescriptions, "several-descriptions"},
        {R::IncompleteDescription, "incomplete-description"},
        {R::EmptyDescriptionPart, "empty-description-part"},
        {R::DescriptionPartTooLong, "description-part-too-long"},
        {R::BadEan, "bad-ean"},
        {R::QuantityMissing, "quantity-missing"},
        {R::QuantityNotANumber, "quantity-not-a-number"},
        {R::QuantityNotPositive, "quantity-not-positive"},
        {R::QuantityTooManyDecimals, "quantity-too-many-decimals"},
        {R::QuantityTooLarge, "quantity-too-large"},
        {R::ProviderRequired, "provider-required"},
        {R::UnknownProvider, "unknown-provider"},
        {R::NoAccess, "no-access"},
        {R::DescriptionNotUnderstood, "description-not-understood"},
        {R::NoRelevantProvider, "no-relevant-provider"},
        {R::DuplicateLine, "duplicate-line"},
    };
    CPPUNIT_ASSERT_EQUAL(std::size(kCodes), all_fault_reasons().size());
    std::set<std::string> seen;
    for (auto [reason, text] : kCodes) {
      CPPUNIT_ASSERT_EQUAL(std::string(text), reason_code(reason));
      CPPUNIT_ASSERT(fault_reason_from_string(text) == reason);
      seen.insert(text);
    }
    CPPUNIT_ASSERT_EQUAL(std::size(kCodes), seen.size());
    for (FaultReason r : all_fault_reasons()) CPPUNIT_ASSERT(seen.count(reason_code(r)));
    CPPUNIT_ASSERT(!fault_reason_from_string("No-Access"));
    CPPUNIT_ASSERT(!fault_reason_from_string(""));
  }

  // Three providers (directory order is not alphabetical), every subset of
  // them the client may reach (8), every set of kinds each understands (8^3),
  // every description kind (3), every provider named or none or an unknown
  // one (5); for availability and for orders: 122,880 single-line batches.
  void every_access_understanding_kind_and_named_provider() {
    const std::string ids[3] = {"p-zulu", "p-alpha", "p-mike"};
    const std::vector<std::string> named_choices = {"", "p-zulu", "p-alpha", "p-mike", "p-ghost"};
    long checked = 0;
    for (int access = 0; access < 8; ++access)
      for (int understood = 0; understood < 512; ++understood) {
        ClientAccess client{"garage", {}};
        ProviderDirectory directory;
        for (int p = 0; p < 3; ++p) {
          if (access & (1 << p)) client.providers.insert(ids[p]);
          ProviderProfile profile{ids[p], {}, 0};
          int kinds = (understood >> (3 * p)) & 7;
          for (int k = 0; k < 3; ++k)
            if (kinds & (1 << k)) profile.understands.insert(all_description_kinds()[static_cast<std::size_t>(k)]);
          directory.push_back(profile);
        }
        for (DescriptionKind kind : all_description_kinds())
          for (const std::string& named : named_choices) {
            std::string label = "access " + std::to_string(access) + " understood " + std::to_string(understood) +
                                " kind " + std::string(to_string_view(kind)) + " named '" + named + "'";
            std::vector<RequestLine> batch = {line_of_kind(kind, named)};

            Expected want = expected_for(false, kind, named, client, directory);
            auto availability = validate_availability(batch, client, directory, Limits{});
            if (want.fault) {
              expect_single_fault(availability, 0, *want.fault, "availability " + label);
            } else {
              auto valid = accepted(availability, "availability " + label);
              CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::size_t{1}, valid.lines.size());
              CPPUNIT_ASSERT_EQUAL_MESSAGE(label, join(want.providers), join(valid.lines[0].providers));
              CPPUNIT_ASSERT_EQUAL_MESSAGE(label, !named.empty(), valid.lines[0].provider_named);
              CPPUNIT_ASSERT_MESSAGE(label, valid.lines[0].product.kind == kind);
              if (named.empty())
                CPPUNIT_ASSERT_EQUAL_MESSAGE(label, join(want.providers),
                                             join(relevant_providers(kind, client, directory)));
            }

            Expected want_order = expected_for(true, kind, named, client, directory);
            OrderRequest order{"", batch};
            auto placed = validate_order(order, client, directory, Limits{});
            if (want_order.fault) {
              expect_single_fault(placed, 0, *want_order.fault, "order " + label);
            } else {
              auto valid = accepted(placed, "order " + label);
              CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::size_t{1}, valid.lines.size());
              CPPUNIT_ASSERT_EQUAL_MESSAGE(label, named, valid.lines[0].provider);
            }
            checked += 2;
          }
      }
    CPPUNIT_ASSERT_EQUAL(122'880L, checked);
  }

  void one_faulty_line_refuses_the_whole_batch() {
    // Each kind of fault, alone among four good lines, at each position.
    const std::vector<std::pair<RequestLine, FaultReason>> faulty = {
        {by_brand("BOSCH", "", "1", "prov-a"), R::IncompleteDescription},
        {by_ean("4047024793126", "1", "prov-a"), R::BadEan},
        {by_brand("BOSCH", "0986494104", "0", "prov-a"), R::QuantityNotPositive},
        {by_brand("BOSCH", "0986494104", "1", "prov-x"), R::UnknownProvider},
        {by_brand("BOSCH", "0986494104", "1", "prov-c"), R::NoAccess},
        {by_ean(std::string(kBoschEan), "1", "prov-b"), R::DescriptionNotUnderstood},
        {by_provider_reference("AB-12", "1", ""), R::ProviderRequired},
    };
    const RequestLine good = by_brand("BOSCH", "0986494104", "2", "prov-a");
    for (const auto& [bad, reason] : faulty)
      for (std::size_t pos = 0; pos < 5; ++pos) {
        std::vector<RequestLine> lines(4, good);
        // good lines must not repeat each other in an order
        for (std::size_t i = 0; i < lines.size(); ++i) lines[i].description.manufacturer_reference += std::to_string(i);
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(pos), bad);
        std::string label = reason_code(reason) + " at " + std::to_string(pos);
        expect_single_fault(validate_availability(lines, garage_01(), demo_directory(), Limits{}), pos, reason,
                            "availability " + label);
        expect_single_fault(validate_order(OrderRequest{"PO-1", lines}, garage_01(), demo_directory(), Limits{}), pos,
                            reason, "order " + label);
      }
  }

  void every_faulty_line_is_listed_in_order() {
    std::vector<RequestLine> lines = {
        by_brand("BOSCH", "0986494104", "1", "prov-a"),   // 0 ok
        by_ean("123", "1", "prov-a"),                     // 1 bad-ean
        by_brand("MANN", "W 712/95", "1", "prov-b"),      // 2 ok
        by_brand("MANN", "W 712/95", "-1", "prov-b"),     // 3 not positive (and a repeat of 2)
        by_brand("VALEO", "826703", "1", "prov-c"),       // 4 no access
        RequestLine{},                                    // 5 no description
        by_brand("VALEO", "826703", "1.5555", "prov-a"),  // 6 too many decimals
    };
    Refusal refusal = refused(validate_availability(lines, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(refusal), std::size_t{5}, refusal.faults.size());
    const std::pair<std::size_t, FaultReason> want[] = {{1, R::BadEan},
                                                        {3, R::QuantityNotPositive},
                                                        {4, R::NoAccess},
                                                        {5, R::NoDescription},
                                                        {6, R::QuantityTooManyDecimals}};
    for (std::size_t i = 0; i < std::size(want); ++i) {
      CPPUNIT_ASSERT_MESSAGE(show(refusal), refusal.faults[i].line == want[i].first);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(show(refusal), reason_code(want[i].second), reason_code(refusal.faults[i].reason));
    }
    // The order sees the same faults (line 3 is faulty before it is a repeat).
    Refusal order = refused(validate_order(OrderRequest{"", lines}, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(order), show(refusal), show(order));
  }

  void valid_lines_keep_their_index_and_values() {
    std::vector<RequestLine> lines = {
        by_brand(" Mann ", "W 712/95", " 3 ", "prov-b"),
        by_ean("4 047024 793125", "2.50"),
        by_brand("BOSCH", "0986494104", "1"),
    };
    auto valid = accepted(validate_availability(lines, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, valid.lines.size());
    for (std::size_t i = 0; i < 3; ++i) CPPUNIT_ASSERT_EQUAL(i, valid.lines[i].index);
    CPPUNIT_ASSERT_EQUAL(std::string("Mann"), valid.lines[0].product.brand);
    CPPUNIT_ASSERT_EQUAL(std::string("W 712/95"), valid.lines[0].product.reference);
    CPPUNIT_ASSERT(valid.lines[0].quantity == dec("3"));
    CPPUNIT_ASSERT(valid.lines[0].provider_named);
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793125"), valid.lines[1].product.reference);
    CPPUNIT_ASSERT(valid.lines[1].quantity == dec("2.5"));
    CPPUNIT_ASSERT(!valid.lines[1].provider_named);
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a,"), join(valid.lines[1].providers));
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a,prov-b,"), join(valid.lines[2].providers));
  }

  void batch_size_limits() {
    Limits limits;
    limits.max_lines = 3;
    std::vector<RequestLine> none;
    expect_single_fault(validate_availability(none, garage_01(), demo_directory(), limits), std::nullopt,
                        R::EmptyBatch);
    Refusal empty_order = refused(validate_order(OrderRequest{"PO", {}}, garage_01(), demo_directory(), limits));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, empty_order.faults.size());
    CPPUNIT_ASSERT_EQUAL(reason_code(R::EmptyBatch), reason_code(empty_order.faults[0].reason));
    for (std::size_t n = 1; n <= 4; ++n) {
      std::vector<RequestLine> lines;
      for (std::size_t i = 0; i < n; ++i) lines.push_back(by_brand("BOSCH", "R" + std::to_string(i), "1", "prov-a"));
      auto availability = validate_availability(lines, garage_01(), demo_directory(), limits);
      auto order = validate_order(OrderRequest{"", lines}, garage_01(), demo_directory(), limits);
      if (n <= 3) {
        CPPUNIT_ASSERT_EQUAL(n, accepted(availability).lines.size());
        CPPUNIT_ASSERT_EQUAL(n, accepted(order).lines.size());
      } else {
        expect_single_fault(availability, std::nullopt, R::TooManyLines);
        expect_single_fault(order, std::nullopt, R::TooManyLines);
      }
    }
  }

  void too_many_lines_are_not_examined() {
    Limits limits;
    limits.max_lines = 2;
    std::vector<RequestLine> lines(3, RequestLine{});  // each would be no-description
    Refusal r = refused(validate_availability(lines, garage_01(), demo_directory(), limits));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(r), std::size_t{1}, r.faults.size());
    CPPUNIT_ASSERT_EQUAL(reason_code(R::TooManyLines), reason_code(r.faults[0].reason));
    // The default limit is the issue's benchmark batch.
    CPPUNIT_ASSERT_EQUAL(std::size_t{100}, Limits{}.max_lines);
  }

  void client_reference() {
    const std::vector<RequestLine> lines = {by_brand("MANN", "W 712/95", "1", "prov-b")};
    auto reference_of = [&](std::string reference) {
      return accepted(
                 validate_order(OrderRequest{std::move(reference), lines}, garage_01(), demo_directory(), Limits{}))
          .client_reference;
    };
    CPPUNIT_ASSERT_EQUAL(std::string(""), reference_of(""));
    CPPUNIT_ASSERT_EQUAL(std::string(""), reference_of(" \t "));
    CPPUNIT_ASSERT_EQUAL(std::string("PO 4711"), reference_of("  PO 4711 "));
    CPPUNIT_ASSERT_EQUAL(std::string("po-4711"), reference_of("po-4711"));  // case is the client's
    CPPUNIT_ASSERT_EQUAL(std::string(64, 'R'), reference_of(std::string(64, 'R')));
    CPPUNIT_ASSERT_EQUAL(std::string("\xc3\xa9"), reference_of("\xc3\xa9"));
    for (std::string bad : {std::string(65, 'R'), std::string("PO\x01"),
                            std::string("PO\x7f"
                                        "1"),
                            std::string("PO\n1")}) {
      Refusal r = refused(validate_order(OrderRequest{bad, lines}, garage_01(), demo_directory(), Limits{}));
      CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.faults.size());
      CPPUNIT_ASSERT(!r.faults[0].line);
      CPPUNIT_ASSERT_EQUAL(reason_code(R::BadClientReference), reason_code(r.faults[0].reason));
    }
  }

  void client_reference_and_line_faults_together() {
    const std::vector<RequestLine> lines = {by_brand("MANN", "W 712/95", "0", "prov-b")};
    Refusal r =
        refused(validate_order(OrderRequest{std::string(65, 'R'), lines}, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(r), std::size_t{2}, r.faults.size());
    CPPUNIT_ASSERT(!r.faults[0].line);
    CPPUNIT_ASSERT_EQUAL(reason_code(R::BadClientReference), reason_code(r.faults[0].reason));
    CPPUNIT_ASSERT(r.faults[1].line == std::size_t{0});
    CPPUNIT_ASSERT_EQUAL(reason_code(R::QuantityNotPositive), reason_code(r.faults[1].reason));
    // And with an empty order.
    Refusal e = refused(validate_order(OrderRequest{"PO\x01", {}}, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(e), std::size_t{2}, e.faults.size());
    CPPUNIT_ASSERT_EQUAL(reason_code(R::EmptyBatch), reason_code(e.faults[1].reason));
  }

  void order_duplicates_are_refused_not_merged() {
    std::vector<RequestLine> lines = {
        by_brand("MANN", "W 712/95", "1", "prov-b"),         // 0
        by_brand("MANN", "W 712/95", "1", "prov-a"),         // 1 another provider: fine
        by_brand("mann", "w712-95", "2", "prov-b"),          // 2 repeats 0 (normalised)
        by_brand("MANN", "W71296", "1", "prov-b"),           // 3 another product: fine
        by_ean("4047024793125", "1", "prov-a"),              // 4
        by_ean("04047024793125", "1", " prov-a "),           // 5 repeats 4 (GTIN-14, padded provider)
        by_brand("MANN-FILTER", "W 712/95", "1", "prov-b"),  // 6 another brand text: fine
        by_brand("MANN", "W.712.95", "3", "prov-b"),         // 7 repeats 0 again
    };
    Refusal r = refused(validate_order(OrderRequest{"", lines}, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(r), std::size_t{3}, r.faults.size());
    const std::pair<std::size_t, std::string> want[] = {{2, "index 0"}, {5, "index 4"}, {7, "index 0"}};
    for (std::size_t i = 0; i < 3; ++i) {
      CPPUNIT_ASSERT_MESSAGE(show(r), r.faults[i].line == want[i].first);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(show(r), reason_code(R::DuplicateLine), reason_code(r.faults[i].reason));
      CPPUNIT_ASSERT_MESSAGE(show(r), r.faults[i].text.find(want[i].second) != std::string::npos);
    }
    // Without the repeats the order is accepted with the lines as sent.
    std::vector<RequestLine> unique = {lines[0], lines[1], lines[3], lines[4], lines[6]};
    CPPUNIT_ASSERT_EQUAL(
        std::size_t{5},
        accepted(validate_order(OrderRequest{"", unique}, garage_01(), demo_directory(), Limits{})).lines.size());
  }

  void duplicates_of_faulty_lines_are_reported_too() {
    std::vector<RequestLine> lines = {
        by_brand("MANN", "W 712/95", "0", "prov-b"),  // quantity-not-positive
        by_brand("MANN", "W 712/95", "1", "prov-b"),  // repeats 0
        by_brand("MANN", "W 712/95", "1", "prov-c"),  // no access (and its first use at prov-c)
        by_brand("MANN", "W 712/95", "1", "prov-c"),  // no access first: one fault per line
    };
    Refusal r = refused(validate_order(OrderRequest{"", lines}, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(show(r), std::size_t{4}, r.faults.size());
    CPPUNIT_ASSERT_EQUAL(reason_code(R::QuantityNotPositive), reason_code(r.faults[0].reason));
    CPPUNIT_ASSERT_EQUAL(reason_code(R::DuplicateLine), reason_code(r.faults[1].reason));
    CPPUNIT_ASSERT_EQUAL(reason_code(R::NoAccess), reason_code(r.faults[2].reason));
    CPPUNIT_ASSERT_EQUAL(reason_code(R::NoAccess), reason_code(r.faults[3].reason));
  }

  void availability_duplicates_are_two_questions() {
    std::vector<RequestLine> lines = {by_brand("MANN", "W 712/95", "1", "prov-b"),
                                      by_brand("MANN", "W71295", "60", "prov-b"),
                                      by_brand("MANN", "W 712/95", "1", "prov-b")};
    auto valid = accepted(validate_availability(lines, garage_01(), demo_directory(), Limits{}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, valid.lines.size());
  }

  void blank_or_padded_provider() {
    // Blank is none: an order line needs one, an availability request fans out.
    std::vector<RequestLine> blank = {by_brand("BOSCH", "0986494104", "1", "  ")};
    CPPUNIT_ASSERT_EQUAL(
        std::string("prov-a,prov-b,"),
        join(accepted(validate_availability(blank, garage_01(), demo_directory(), Limits{})).lines[0].providers));
    expect_single_fault(validate_order(OrderRequest{"", blank}, garage_01(), demo_directory(), Limits{}), 0,
                        R::ProviderRequired);
    std::vector<RequestLine> padded = {by_brand("BOSCH", "0986494104", "1", "\tprov-b ")};
    CPPUNIT_ASSERT_EQUAL(
        std::string("prov-b"),
        accepted(validate_order(OrderRequest{"", padded}, garage_01(), demo_directory(), Limits{})).lines[0].provider);
    // IDs are compared exactly otherwise.
    std::vector<RequestLine> upper = {by_brand("BOSCH", "0986494104", "1", "PROV-B")};
    expect_single_fault(validate_availability(upper, garage_01(), demo_directory(), Limits{}), 0, R::UnknownProvider);
  }

  // A line with several faults gets the first in the documented order:
  // description, quantity, provider, duplicate.
  void one_fault_per_line_in_check_order() {
    struct Row {
      RequestLine line;
      FaultReason want;
    };
    const Row rows[] = {
        {by_ean("123", "0", "prov-x"), R::BadEan},
        {by_brand("BOSCH", "", "abc", "prov-c"), R::IncompleteDescription},
        {by_brand("BOSCH", "0986494104", "abc", "prov-x"), R::QuantityNotANumber},
        {by_brand("BOSCH", "0986494104", "", "prov-c"), R::QuantityMissing},
        {by_ean(std::string(kBoschEan), "1", "prov-x"), R::UnknownProvider},
        {by_ean(std::string(kBoschEan), "1", "prov-c"), R::NoAccess},  // prov-c would understand it
        {by_provider_reference("AB-12", "1", "prov-c"), R::NoAccess},
        {by_provider_reference("AB-12", "1", "prov-a"), R::DescriptionNotUnderstood},
        {by_provider_reference("AB-12", "1", ""), R::ProviderRequired},
    };
    for (const Row& row : rows) {
      std::vector<RequestLine> lines = {row.line};
      expect_single_fault(validate_availability(lines, garage_01(), demo_directory(), Limits{}), 0, row.want,
                          reason_code(row.want));
    }
  }

  void directory_is_the_truth_about_providers() {
    // Access to a provider the directory does not know grants nothing.
    ClientAccess client{"garage", {"prov-a", "prov-gone"}};
    std::vector<RequestLine> named = {by_brand("BOSCH", "0986494104", "1", "prov-gone")};
    expect_single_fault(validate_availability(named, client, demo_directory(), Limits{}), 0, R::UnknownProvider);
    std::vector<RequestLine> fanned = {by_brand("BOSCH", "0986494104", "1")};
    CPPUNIT_ASSERT_EQUAL(
        std::string("prov-a,"),
        join(accepted(validate_availability(fanned, client, demo_directory(), Limits{})).lines[0].providers));
    // A repeated ID: the first entry counts.
    ProviderDirectory directory = demo_directory();
    directory.push_back({"prov-a", {K::ProviderReference, K::Ean}, 0});
    std::vector<RequestLine> own = {by_provider_reference("AB-12", "1", "prov-a")};
    expect_single_fault(validate_availability(own, client, directory, Limits{}), 0, R::DescriptionNotUnderstood);
    CPPUNIT_ASSERT_EQUAL(std::string("prov-a,"), join(relevant_providers(K::Ean, client, directory)));
  }

  void relevant_providers_follow_directory_order() {
    ProviderDirectory directory = {{"z", {K::Ean}, 0}, {"a", {K::Ean}, 0}, {"m", {K::Ean, K::BrandReference}, 0}};
    ClientAccess all{"c", {"a", "m", "z"}};
    CPPUNIT_ASSERT_EQUAL(std::string("z,a,m,"), join(relevant_providers(K::Ean, all, directory)));
    CPPUNIT_ASSERT_EQUAL(std::string("m,"), join(relevant_providers(K::BrandReference, all, directory)));
    // A provider's own reference is relevant to nobody unnamed, even where understood.
    directory[0].understands.insert(K::ProviderReference);
    CPPUNIT_ASSERT(relevant_providers(K::ProviderReference, all, directory).empty());
    CPPUNIT_ASSERT(find_provider(directory, "m") == &directory[2]);
    CPPUNIT_ASSERT(find_provider(directory, "M") == nullptr);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocBatchValidationTest);

}  // namespace og::test
