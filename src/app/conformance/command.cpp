#include "app/conformance/command.hpp"

#include <boost/program_options.hpp>

#include <iostream>

#include "app/conformance/answer_schema.hpp"
#include "app/conformance/checks.hpp"
#include "app/conformance/http_exchange.hpp"

namespace og::app::conformance {

namespace po = boost::program_options;

const char* const kUsage =
    "  conformance <URL> --buyer B --password P [--sellers-id S] [--xsd-dir DIR] [--item ITEM]\n"
    "      [--binding url|xml|soap11|soap12]\n"
    "                                          run the Veloconnect standard's rules against any server\n"
    "                                          (test orders only: IsTest=true); exit 0 pass, 1 fail, 2 usage\n";

int conformance_command(const std::vector<std::string>& args) {
  std::string url, binding = "xml", xsd_dir;
  Settings settings;
  po::options_description o;
  o.add_options()("url", po::value(&url))("buyer", po::value(&settings.buyer))(
      "password", po::value(&settings.password))("sellers-id", po::value(&settings.sellers_id))(
      "xsd-dir", po::value(&xsd_dir))("item", po::value(&settings.item))("binding", po::value(&binding));
  po::positional_options_description p;
  p.add("url", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(o).positional(p).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "ordergate conformance: " << e.what() << "\nusage:\n" << kUsage;
    return 2;
  }
  auto endpoint = parse_url(url);
  auto chosen = parse_binding(binding);
  if (!endpoint || settings.buyer.empty() || !vm.count("password") || !chosen) {
    std::cerr << "ordergate conformance: "
              << (!endpoint ? "an http:// or https:// URL is required"
                  : !chosen ? "--binding is url, xml, soap11 or soap12"
                            : "--buyer and --password are required")
              << "\nusage:\n"
              << kUsage;
    return 2;
  }
  settings.binding = *chosen;
  std::unique_ptr<AnswerSchema> schema;
  try {
    schema = std::make_unique<AnswerSchema>(xsd_dir);
  } catch (const std::exception& e) {
    std::cerr << "ordergate conformance: " << e.what() << "\n";
    return 2;
  }
  std::cout << "Veloconnect conformance of " << url << "\n  buyer " << settings.buyer
            << (settings.sellers_id.empty() ? "" : ", SellersID " + settings.sellers_id) << ", binding " << binding
            << ", answers validated against " << schema->source()
            << "\n  orders are test orders (IsTest=true); leniency probes report WARN, never FAIL\n\n";
  try {
    HttpExchange http(*endpoint);
    auto report = run_checks(http, *schema, settings);
    std::cout << report.format();
    return report.exit_code();
  } catch (const Unreachable& u) {
    std::cerr << "ordergate conformance: " << url << " is unreachable: " << u.message << "\n";
    return 2;
  }
}

}  // namespace og::app::conformance
