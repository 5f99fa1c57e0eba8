#include "rules/srm/unit_codes.hpp"

#include <algorithm>
#include <array>

namespace og::rules::srm {

namespace {
// Common codes of Rec. 20 (revision 17, annexes I-III) for goods and services
// bought through shopping carts; sorted for binary search. SAP's internal
// piece unit PC is not a Rec. 20 code and is rejected on purpose: SRM's ISO
// mapping sends PCE or C62, and so do its partners.
constexpr std::array<std::string_view, 96> kCodes = {
    "2N",  "4G",  "4H",  "58",  "5B",  "A93", "ACR", "AMP", "ANN", "BAR", "BG",  "BLL", "BO",  "BX",  "C62", "CEL",
    "CLT", "CMK", "CMQ", "CMT", "CR",  "CS",  "CT",  "D64", "DAY", "DLT", "DMT", "DZN", "E48", "EA",  "FOT", "FTK",
    "GLL", "GRM", "GRO", "H87", "HAR", "HLT", "HUR", "INH", "JOU", "KGM", "KHZ", "KMH", "KMK", "KMT", "KTM", "KWH",
    "KWT", "LBR", "LS",  "LTR", "MAW", "MGM", "MIN", "MLT", "MMK", "MMQ", "MMT", "MON", "MTK", "MTQ", "MTR", "MWH",
    "NAR", "NPR", "ONZ", "OZA", "P1",  "PA",  "PCE", "PK",  "PL",  "PR",  "QT",  "RL",  "RO",  "SEC", "SET", "ST",
    "TNE", "TU",  "VLT", "WEE", "WTT", "XBX", "XCT", "XPK", "XPX", "XRL", "XSA", "YRD", "Z3",  "ZP",  "ZZ",  "KT"};
}  // namespace

bool is_rec20_unit(std::string_view code) {
  static const auto sorted = [] {
    auto c = kCodes;
    std::sort(c.begin(), c.end());
    return c;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), code);
}

}  // namespace og::rules::srm
