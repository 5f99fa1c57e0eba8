// How a product is described (exactly one of three ways), how references are
// normalised for matching, and EAN-8 / EAN-13 / GTIN-14 check digits.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "eproc_demo.hpp"
#include "rules/eproc/description.hpp"

namespace og::test {

namespace {
using namespace og::test::eproc;

const Limits kLimits;

std::string show(const std::variant<Product, Problem>& d) {
  if (auto* p = std::get_if<Problem>(&d)) return std::string(to_string_view(p->reason)) + " (" + p->text + ")";
  const Product& product = std::get<Product>(d);
  return std::string(to_string_view(product.kind)) + " [" + product.brand + "] [" + product.reference + "]";
}

Product product_of(const ProductDescription& d, const Limits& limits = kLimits) {
  auto result = describe_product(d, limits);
  CPPUNIT_ASSERT_MESSAGE("expected a product, got " + show(result), std::holds_alternative<Product>(result));
  return std::get<Product>(result);
}

FaultReason problem_of(const ProductDescription& d, const Limits& limits = kLimits) {
  auto result = describe_product(d, limits);
  CPPUNIT_ASSERT_MESSAGE("expected a problem, got " + show(result), std::holds_alternative<Problem>(result));
  CPPUNIT_ASSERT_MESSAGE("a problem says why", !std::get<Problem>(result).text.empty());
  return std::get<Problem>(result).reason;
}

ProductDescription ean(std::string code) {
  ProductDescription d;
  d.ean = std::move(code);
  return d;
}
ProductDescription brand_ref(std::string brand, std::string reference) {
  ProductDescription d;
  d.brand = std::move(brand);
  d.manufacturer_reference = std::move(reference);
  return d;
}
ProductDescription own_ref(std::string reference) {
  ProductDescription d;
  d.provider_reference = std::move(reference);
  return d;
}

std::string reason_code(FaultReason r) {
  return std::string(to_string_view(r));
}

// Valid codes of each length (check digits computed by hand, GS1 mod 10).
const std::vector<std::string> kValidEans = {
    "96385074",        // EAN-8
    "4047024793125",   // EAN-13 (BOSCH 0986494104, corrected)
    "4006381333931",   // EAN-13
    "5901234123457",   // EAN-13
    "10012345678902",  // GTIN-14
};
}  // namespace

class EprocDescriptionTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EprocDescriptionTest);
  CPPUNIT_TEST(kinds_have_stable_words);
  CPPUNIT_TEST(exactly_one_way_every_combination_of_fields);
  CPPUNIT_TEST(text_is_kept_as_sent_without_surrounding_whitespace);
  CPPUNIT_TEST(parts_without_anything_to_match_are_empty);
  CPPUNIT_TEST(parts_longer_than_the_limit_are_refused_not_cut);
  CPPUNIT_TEST(normalisation_table);
  CPPUNIT_TEST(separators_anywhere_and_case_do_not_matter);
  CPPUNIT_TEST(normalisation_is_idempotent);
  CPPUNIT_TEST(match_keys);
  CPPUNIT_TEST(match_keys_are_unambiguous);
  CPPUNIT_TEST(valid_eans_of_every_length);
  CPPUNIT_TEST(exactly_one_check_digit_is_right);
  CPPUNIT_TEST(every_single_digit_error_is_caught);
  CPPUNIT_TEST(adjacent_transpositions_are_caught_unless_they_differ_by_5);
  CPPUNIT_TEST(malformed_eans);
  CPPUNIT_TEST(ean_printed_in_groups_is_accepted);
  CPPUNIT_TEST(issue_demo_ean_has_a_wrong_check_digit);
  CPPUNIT_TEST(check_digit_verification_can_be_switched_off);
  CPPUNIT_TEST_SUITE_END();

 public:
  void kinds_have_stable_words() {
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, all_description_kinds().size());
    CPPUNIT_ASSERT_EQUAL(std::string("provider-reference"),
                         std::string(to_string_view(DescriptionKind::ProviderReference)));
    CPPUNIT_ASSERT_EQUAL(std::string("brand-reference"), std::string(to_string_view(DescriptionKind::BrandReference)));
    CPPUNIT_ASSERT_EQUAL(std::string("ean"), std::string(to_string_view(DescriptionKind::Ean)));
    for (DescriptionKind k : all_description_kinds())
      CPPUNIT_ASSERT(description_kind_from_string(to_string_view(k)) == k);
    CPPUNIT_ASSERT(!description_kind_from_string("EAN"));
    CPPUNIT_ASSERT(!description_kind_from_string(""));
    CPPUNIT_ASSERT(!description_kind_from_string("brand"));
  }

  // Each of the four fields is empty, blank or filled: 81 combinations. Blank
  // counts as not sent; exactly one way must be used, and brand + reference
  // needs both.
  void exactly_one_way_every_combination_of_fields() {
    const std::string kValues[4] = {"W 712/95", "MANN", "W 712/95", std::string(kBoschEan)};
    const std::string kBlanks[3] = {"", " \t ", ""};
    int checked = 0;
    for (int mask = 0; mask < 81; ++mask) {
      int state[4];
      for (int f = 0, m = mask; f < 4; ++f, m /= 3) state[f] = m % 3;  // 0 empty, 1 blank, 2 filled
      auto value = [&](int f) { return state[f] == 2 ? kValues[f] : kBlanks[state[f]]; };
      ProductDescription d;
      d.provider_reference = value(0);
      d.brand = value(1);
      d.manufacturer_reference = value(2);
      d.ean = value(3);
      bool own = state[0] == 2, brand = state[1] == 2, reference = state[2] == 2, by_ean = state[3] == 2;
      int ways = int{own} + int{brand || reference} + int{by_ean};
      std::string label = "mask " + std::to_string(mask) + ": " + show(describe_product(d, kLimits));
      if (ways == 0) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(label, reason_code(FaultReason::NoDescription), reason_code(problem_of(d)));
      } else if (ways > 1) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(label, reason_code(FaultReason::SeveralDescriptions), reason_code(problem_of(d)));
      } else if (brand != reference && !own && !by_ean) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(label, reason_code(FaultReason::IncompleteDescription),
                                     reason_code(problem_of(d)));
      } else {
        Product p = product_of(d);
        DescriptionKind expected = own      ? DescriptionKind::ProviderReference
                                   : by_ean ? DescriptionKind::Ean
                                            : DescriptionKind::BrandReference;
        CPPUNIT_ASSERT_MESSAGE(label, p.kind == expected);
      }
      ++checked;
    }
    CPPUNIT_ASSERT_EQUAL(81, checked);
  }

  void text_is_kept_as_sent_without_surrounding_whitespace() {
    Product p = product_of(brand_ref("  Mann-Filter ", "\tW 712/95 \n"));
    CPPUNIT_ASSERT_EQUAL(std::string("Mann-Filter"), p.brand);
    CPPUNIT_ASSERT_EQUAL(std::string("W 712/95"), p.reference);
    Product own = product_of(own_ref(" ab-12 "));
    CPPUNIT_ASSERT_EQUAL(std::string("ab-12"), own.reference);
    CPPUNIT_ASSERT(own.brand.empty());
    Product e = product_of(ean(" 4047024793125 "));
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793125"), e.reference);
  }

  void parts_without_anything_to_match_are_empty() {
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::EmptyDescriptionPart), reason_code(problem_of(own_ref("--"))));
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::EmptyDescriptionPart),
                         reason_code(problem_of(brand_ref("/", "W71295"))));
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::EmptyDescriptionPart),
                         reason_code(problem_of(brand_ref("MANN", ". - /"))));
    // Anything else left is something to match.
    CPPUNIT_ASSERT_EQUAL(std::string("#"), product_of(own_ref("#")).reference);
  }

  void parts_longer_than_the_limit_are_refused_not_cut() {
    Limits limits;
    limits.max_text_length = 8;
    std::string at_limit(8, 'A'), over(9, 'A');
    CPPUNIT_ASSERT(product_of(own_ref(at_limit), limits).reference == at_limit);
    CPPUNIT_ASSERT(product_of(brand_ref(at_limit, at_limit), limits).kind == DescriptionKind::BrandReference);
    // Surrounding whitespace does not count.
    CPPUNIT_ASSERT(product_of(own_ref("  " + at_limit + "  "), limits).reference == at_limit);
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::DescriptionPartTooLong),
                         reason_code(problem_of(own_ref(over), limits)));
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::DescriptionPartTooLong),
                         reason_code(problem_of(brand_ref(over, "X"), limits)));
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::DescriptionPartTooLong),
                         reason_code(problem_of(brand_ref("X", over), limits)));
    // An EAN's length is the EAN's rule.
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::BadEan), reason_code(problem_of(ean(std::string(20, '1')), limits)));
  }

  void normalisation_table() {
    struct Row {
      const char* in;
      const char* out;
    };
    const Row rows[] = {
        {"W 712/95", "W71295"},
        {"w712-95", "W71295"},
        {"W71295", "W71295"},
        {"w.712/95", "W71295"},
        {"0 986 494 104", "0986494104"},  // leading zero kept
        {"1.987.948.437", "1987948437"},
        {"1 987 948 437", "1987948437"},
        {"\tHU 7008 z\n", "HU7008Z"},
        {"a\r\v\fb", "AB"},
        {"Mann-Filter", "MANNFILTER"},
        {"MANN FILTER", "MANNFILTER"},
        {"MANN+HUMMEL", "MANN+HUMMEL"},              // '+' is not a separator
        {"A_B#C", "A_B#C"},                          // nor '_' or '#'
        {"a\\b", "A\\B"},                            // nor a backslash
        {"\xc3\xa9t\xc3\xa9", "\xc3\xa9T\xc3\xa9"},  // non-ASCII bytes untouched, not case-folded
        {"", ""},
        {" -./ ", ""},
        {"zZ09", "ZZ09"},
    };
    for (const Row& row : rows) CPPUNIT_ASSERT_EQUAL_MESSAGE(row.in, std::string(row.out), normalize_reference(row.in));
  }

  // Every separator at every position of a reference, in either case.
  void separators_anywhere_and_case_do_not_matter() {
    const std::string base = "w71295";
    const std::string key = normalize_reference(base);
    CPPUNIT_ASSERT_EQUAL(std::string("W71295"), key);
    for (char sep : std::string(" \t-./"))
      for (std::size_t pos = 0; pos <= base.size(); ++pos)
        for (std::size_t pos2 = pos; pos2 <= base.size(); ++pos2) {
          std::string variant = base;
          variant.insert(pos2, 1, sep);
          variant.insert(pos, 1, sep);
          CPPUNIT_ASSERT_EQUAL_MESSAGE(variant, key, normalize_reference(variant));
          for (char& c : variant)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          CPPUNIT_ASSERT_EQUAL_MESSAGE(variant, key, normalize_reference(variant));
        }
    // What the separators do not hide.
    CPPUNIT_ASSERT(normalize_reference("W712/95") != normalize_reference("W712/96"));
    CPPUNIT_ASSERT(normalize_reference("0986494104") != normalize_reference("986494104"));
  }

  void normalisation_is_idempotent() {
    for (const char* s : {"W 712/95", "a-b.c/d e", "", "--", "x\xc3\xa9", "0 986 494 104"}) {
      std::string once = normalize_reference(s);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(s, once, normalize_reference(once));
    }
  }

  void match_keys() {
    CPPUNIT_ASSERT_EQUAL(std::string("brand-reference/MANN/W71295"),
                         match_key(product_of(brand_ref("Mann", "W 712/95"))));
    CPPUNIT_ASSERT(same_product(product_of(brand_ref("MANN", "W 712/95")), product_of(brand_ref("mann", "w712-95"))));
    CPPUNIT_ASSERT(
        same_product(product_of(brand_ref("Mann-Filter", "W71295")), product_of(brand_ref("MANN FILTER", "W71295"))));
    CPPUNIT_ASSERT(!same_product(product_of(brand_ref("MANN", "W71295")), product_of(brand_ref("BOSCH", "W71295"))));
    CPPUNIT_ASSERT_EQUAL(std::string("provider-reference/AB12"), match_key(product_of(own_ref("ab-12"))));
    // An EAN is compared as its GTIN-14.
    CPPUNIT_ASSERT_EQUAL(std::string("ean/04047024793125"), match_key(product_of(ean("4047024793125"))));
    CPPUNIT_ASSERT(same_product(product_of(ean("4047024793125")), product_of(ean("04047024793125"))));
    CPPUNIT_ASSERT(same_product(product_of(ean("96385074")), product_of(ean("00000096385074"))));
    CPPUNIT_ASSERT(!same_product(product_of(ean("4047024793125")), product_of(ean("4006381333931"))));
    // The same text described another way is another product (only a
    // provider could say they are one article).
    CPPUNIT_ASSERT(!same_product(product_of(own_ref("4047024793125")), product_of(ean("4047024793125"))));
    CPPUNIT_ASSERT(!same_product(product_of(own_ref("W71295")), product_of(brand_ref("MANN", "W71295"))));
  }

  void match_keys_are_unambiguous() {
    // Moving text between brand and reference is another product.
    CPPUNIT_ASSERT(match_key(product_of(brand_ref("AB", "C"))) != match_key(product_of(brand_ref("A", "BC"))));
    CPPUNIT_ASSERT(match_key(product_of(brand_ref("A/B", "C"))) != match_key(product_of(brand_ref("A", "BC"))));
    std::set<std::string> keys;
    for (DescriptionKind k : all_description_kinds()) {
      Product p{k, k == DescriptionKind::BrandReference ? "X" : "", "12345670"};
      keys.insert(match_key(p));
    }
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, keys.size());
  }

  void valid_eans_of_every_length() {
    for (const std::string& code : kValidEans) {
      CPPUNIT_ASSERT_MESSAGE(code, is_valid_ean(code));
      CPPUNIT_ASSERT_MESSAGE(code, product_of(ean(code)).kind == DescriptionKind::Ean);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(code, code.back() - '0',
                                   gtin_check_digit(std::string_view(code).substr(0, code.size() - 1)));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(code, std::size_t{14}, gtin14(code).size());
      CPPUNIT_ASSERT_MESSAGE(code, is_valid_ean(gtin14(code)));
    }
    CPPUNIT_ASSERT_EQUAL(-1, gtin_check_digit("12a"));
    CPPUNIT_ASSERT_EQUAL(0, gtin_check_digit(""));
  }

  // For each valid code, all ten check digits: only its own passes.
  void exactly_one_check_digit_is_right() {
    for (const std::string& code : kValidEans) {
      int valid = 0;
      for (char d = '0'; d <= '9'; ++d) {
        std::string candidate = code.substr(0, code.size() - 1) + d;
        bool ok = is_valid_ean(candidate);
        if (ok) {
          ++valid;
          CPPUNIT_ASSERT_EQUAL(code, candidate);
        } else {
          CPPUNIT_ASSERT_EQUAL_MESSAGE(candidate, reason_code(FaultReason::BadEan),
                                       reason_code(problem_of(ean(candidate))));
        }
      }
      CPPUNIT_ASSERT_EQUAL_MESSAGE(code, 1, valid);
    }
  }

  void every_single_digit_error_is_caught() {
    int checked = 0;
    for (const std::string& code : kValidEans)
      for (std::size_t pos = 0; pos < code.size(); ++pos)
        for (char d = '0'; d <= '9'; ++d) {
          if (d == code[pos]) continue;
          std::string wrong = code;
          wrong[pos] = d;
          CPPUNIT_ASSERT_MESSAGE(wrong, !is_valid_ean(wrong));
          ++checked;
        }
    CPPUNIT_ASSERT_EQUAL(9 * (8 + 13 + 13 + 13 + 14), checked);
  }

  // The mod-10 scheme's known blind spot is swapping neighbours that differ by 5.
  void adjacent_transpositions_are_caught_unless_they_differ_by_5() {
    for (const std::string& code : kValidEans)
      for (std::size_t pos = 0; pos + 1 < code.size(); ++pos) {
        if (code[pos] == code[pos + 1]) continue;
        std::string swapped = code;
        std::swap(swapped[pos], swapped[pos + 1]);
        bool differ_by_5 = std::abs(code[pos] - code[pos + 1]) == 5;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(swapped, differ_by_5, is_valid_ean(swapped));
      }
  }

  void malformed_eans() {
    for (const char* bad : {"404702479312",     // 12 digits (GTIN-12 / UPC-A is not accepted)
                            "9638507",          // 7
                            "404702479312500",  // 15
                            "4047024793l25",    // a letter l
                            "4047024793-125",   // a dash is not a separator here
                            "40470247931.5", "+047024793125",
                            "\xd9\xa4"
                            "047024793125"})
      CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, reason_code(FaultReason::BadEan), reason_code(problem_of(ean(bad))));
    CPPUNIT_ASSERT(!is_valid_ean(""));
    CPPUNIT_ASSERT(!is_valid_ean("4047024793125 "));  // the raw check takes digits only
  }

  void ean_printed_in_groups_is_accepted() {
    Product p = product_of(ean("4 047024 793125"));
    CPPUNIT_ASSERT_EQUAL(std::string("4047024793125"), p.reference);
    CPPUNIT_ASSERT(same_product(p, product_of(ean("4047024793125"))));
    CPPUNIT_ASSERT_EQUAL(std::string("96385074"), product_of(ean("9638 5074")).reference);
  }

  // The issue gives BOSCH 0986494104 the EAN 4047024793127; its check digit
  // should be 5. With verification on (the default) the hub refuses it.
  void issue_demo_ean_has_a_wrong_check_digit() {
    CPPUNIT_ASSERT(!is_valid_ean(kIssueBoschEan));
    CPPUNIT_ASSERT_EQUAL(5, gtin_check_digit(kIssueBoschEan.substr(0, 12)));
    auto result = describe_product(ean(std::string(kIssueBoschEan)), kLimits);
    CPPUNIT_ASSERT(std::holds_alternative<Problem>(result));
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::BadEan), reason_code(std::get<Problem>(result).reason));
    CPPUNIT_ASSERT_MESSAGE(std::get<Problem>(result).text,
                           std::get<Problem>(result).text.find("should be 5") != std::string::npos);
  }

  void check_digit_verification_can_be_switched_off() {
    Limits lenient;
    lenient.verify_ean_check_digit = false;
    Product p = product_of(ean(std::string(kIssueBoschEan)), lenient);
    CPPUNIT_ASSERT_EQUAL(std::string(kIssueBoschEan), p.reference);
    CPPUNIT_ASSERT_EQUAL(std::string("ean/04047024793127"), match_key(p));
    // Digits and length are still checked.
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::BadEan), reason_code(problem_of(ean("404702479312"), lenient)));
    CPPUNIT_ASSERT_EQUAL(reason_code(FaultReason::BadEan), reason_code(problem_of(ean("404702479312X"), lenient)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EprocDescriptionTest);

}  // namespace og::test
