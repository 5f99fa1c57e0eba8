// bench/parse: how fast the request guards run on hostile-sized input.
//
// The XML pre-scan (src/message/xml_limits) and the URL binding's decoder
// (src/veloconnect/decode_url) must stay linear in the size of what a client
// sends; the unit tests only prove they finish. This prints the throughput
// for the record (bench/README.md, "Request guards").
#include <chrono>
#include <cstdio>
#include <string>
#include <variant>
#include "message/url_form.hpp"
#include "message/xml_limits.hpp"
#include "veloconnect/decode_url.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Best of `runs`, in seconds: the least disturbed run is the closest to the code's own cost.
template <typename Work>
double best_of(int runs, Work work) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    work();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

void xml(const char* name, const std::string& body) {
  og::message::XmlLimits unlimited;
  unlimited.max_attributes = unlimited.max_elements = unlimited.max_text = 1u << 30;
  bool refused = false;
  double s = best_of(5, [&] { refused = og::message::scan_xml(body, std::nullopt, unlimited).has_value(); });
  std::printf("| XML scan: %s | %.1f MiB | %.1f ms | %.0f MiB/s |%s\n", name, body.size() / 1048576.0, s * 1e3,
              body.size() / 1048576.0 / s, refused ? " refused!" : "");
}

void url(int lines) {
  std::string text = "RequestName=CreateOrderRequest&BuyersID=B1&Password=p";
  for (int i = 0; i < lines; ++i) {
    std::string id = std::to_string(100000 + i);
    text += "&Quantity." + id + "=2&quantityUnitCode." + id + "=EA&BuyersItemIdentification." + id + "=X" + id;
  }
  bool decoded = false;
  double s = best_of(5, [&] {
    decoded = std::holds_alternative<og::veloconnect::Decoded>(
        og::veloconnect::decode_url(og::message::UrlForm::parse(text)));
  });
  std::printf("| URL decode: %d order lines | %.1f MiB | %.1f ms | %.0f lines/ms |%s\n", lines, text.size() / 1048576.0,
              s * 1e3, lines / (s * 1e3), decoded ? "" : " refused!");
}

}  // namespace

int main() {
  std::string one = "<a";
  while (one.size() < 8u << 20) one += " a=\"1\"";
  one += "/>";
  std::string many = "<a>";
  while (many.size() < 8u << 20) many += "<b x='1'/>";
  many += "</a>";
  std::string text = "<a>" + std::string(8u << 20, 't') + "</a>";
  std::printf("| Input | Size | Time (best of 5) | Rate |\n|---|--:|--:|--:|\n");
  xml("one element, 1.4 M attributes", one);
  xml("0.8 M elements", many);
  xml("one text node", text);
  url(10000);
  url(30000);
  url(100000);
  url(300000);
  return 0;
}
