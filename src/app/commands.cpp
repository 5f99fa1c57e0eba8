#include "app/commands.hpp"

#include <boost/program_options.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/conformance/command.hpp"
#include "app/store_choice.hpp"
#include "core/catalog/catalog_admin.hpp"
#include "core/catalog/receipt_import.hpp"
#include "core/clock.hpp"
#include "core/eproc/hub_admin.hpp"

namespace og::app {

namespace po = boost::program_options;
namespace admin = core::admin;

namespace {

const char* kUsage =
    "usage: ordergate <command> [options]\n"
    "\n"
    "  seller add <id> [--name NAME]          host a seller at /veloconnect/<id>\n"
    "  seller list                             the sellers and their item counts\n"
    "  buyer add <id> [--seller S] [--name N]  add or replace a buyer (password on stdin, one line)\n"
    "  buyer remove <id> [--seller S]          remove a buyer\n"
    "  import catalog|stock|prices|classification <file.csv> [--seller S] [--delimiter ;] [--rows-per-commit N]\n"
    "                                          load items, update stock, update prices (see README)\n"
    "  import delivery-notes|invoices <file.csv> [--seller S] [--delimiter ;]\n"
    "                                          load (or replace) documents for the receipt module (see README)\n"
    "  export orders [--seller S] [--since T] [--format csv|json] [--output FILE]\n"
    "                                          the seller's orders for the ERP\n"
    "  hub provider add <id> --url URL --buyer B [--sellers-id S] [--understands K,K] [--name N]\n"
    "      [--timeout-ms 5000] [--max-concurrent 8]\n"
    "                                          a provider of the e-procurement hub (its password on stdin)\n"
    "  hub client add <id> --providers P,P [--name N] [--callback-url URL] [--callback-binding json|soap]\n"
    "      [--callback-secret S]               a client of the hub (password on stdin); prints the secret\n"
    "  hub provider list                       the hub's providers\n"
    "%CONFORMANCE%"
    "\n"
    "The database commands take --data DIR (default ./data), the folder of ordergate.db; it may run\n"
    "while a server serves that folder. --seller defaults to the default seller (/veloconnect).\n";

std::string usage() {
  std::string text = kUsage;
  text.replace(text.find("%CONFORMANCE%"), 13, conformance::kUsage);
  return text;
}

struct Common {
  std::string data = "./data";
  std::string store = "sqlite";
  std::string seller;
};

// The operator's commands open the store the server uses (the same --data
// or --store), never seeding it: a database an import creates starts empty.
std::unique_ptr<store::Store> open_store(const Common& c) {
  if (auto problem = store_problem(c.store); !problem.empty()) throw std::runtime_error(problem);
  StoreChoice choice;
  choice.data_dir = c.data;
  choice.store = c.store;
  choice.connections = 1;
  choice.gather_wal_writes = false;  // a server may be reading the same file
  return app::open_store(choice);
}

// Parses `args` (after the command words) with `options` plus --data, --seller
// and `positional` names in order.
po::variables_map parse(std::vector<std::string> args, po::options_description options, Common& common,
                        const std::vector<std::string>& positional) {
  options.add_options()("data", po::value(&common.data), "data folder")(
      "store", po::value(&common.store), "sqlite (default) or a postgresql:// URI")("seller", po::value(&common.seller),
                                                                                    "seller id");
  po::positional_options_description p;
  for (const auto& name : positional) p.add(name.c_str(), 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).positional(p).run(), vm);
  po::notify(vm);
  for (const auto& name : positional)
    if (!vm.count(name)) throw std::runtime_error("missing <" + name + ">");
  return vm;
}

// What every import command reads from its words: `import KIND FILE [--delimiter C] [--data D] [--seller S]`.
struct ImportInput {
  Common common;
  char delimiter = ',';
  std::int64_t per_commit = 0;  // 0: not given, the import's default
  std::ifstream in;
  std::unique_ptr<store::Store> store;
};

ImportInput open_import(const std::vector<std::string>& args) {
  ImportInput input;
  std::string file, delimiter = ",";
  po::options_description o;
  o.add_options()("file", po::value(&file))("delimiter", po::value(&delimiter), "',' (default) or ';'")(
      "rows-per-commit", po::value(&input.per_commit));
  auto given = parse({args.begin() + 1, args.end()}, o, input.common, {"file"});
  if (delimiter.size() != 1) throw std::runtime_error("--delimiter is one character");
  if (given.count("rows-per-commit") && (input.per_commit < 1 || input.per_commit > 1000000))
    throw std::runtime_error("--rows-per-commit is 1 to 1000000");
  input.delimiter = delimiter[0];
  input.in.open(file, std::ios::binary);
  if (!input.in) throw std::runtime_error("cannot read " + file);
  input.store = open_store(input.common);
  return input;
}

// Every refused row, and a file that could not be read, on stderr.
template <class Report>
void print_refused_rows(const Report& r) {
  for (const auto& e : r.errors) std::cerr << "row " << e.row << ": " << e.message << "\n";
  if (r.file_problem) std::cerr << "row " << r.file_problem->line << ": " << r.file_problem->message << "\n";
}

void print_report(const admin::ImportReport& r, const std::string& what) {
  print_refused_rows(r);
  std::cout << what << ": " << r.rows << " rows read, " << r.written << " written";
  if (r.unknown) std::cout << ", " << r.unknown << " for items the seller does not have";
  if (!r.errors.empty()) std::cout << ", " << r.errors.size() << " refused (see above)";
  std::cout << " in " << r.seconds << " s";
  if (r.seconds > 0) std::cout << " (" << static_cast<long long>(r.rows / r.seconds) << " rows/s)";
  std::cout << std::endl;
}

int seller_command(const std::vector<std::string>& args) {
  if (args.empty()) throw std::runtime_error("seller add|list");
  Common common;
  if (args[0] == "add") {
    std::string id, name;
    po::options_description o;
    o.add_options()("id", po::value(&id))("name", po::value(&name), "the SellerName GetProfile answers");
    parse({args.begin() + 1, args.end()}, o, common, {"id"});
    auto store = open_store(common);
    admin::put_seller(*store, {id, name});
    std::cout << "seller " << id << " served at /veloconnect/" << id << std::endl;
    return 0;
  }
  if (args[0] == "list") {
    parse({args.begin() + 1, args.end()}, po::options_description(), common, {});
    auto store = open_store(common);
    for (const auto& s : admin::list_sellers(*store))
      std::cout << (s.id.empty() ? "(default)" : s.id) << "\t" << s.name << "\n";
    return 0;
  }
  throw std::runtime_error("seller add|list");
}

int buyer_command(const std::vector<std::string>& args) {
  if (args.empty()) throw std::runtime_error("buyer add|remove");
  Common common;
  std::string id, name;
  po::options_description o;
  o.add_options()("id", po::value(&id))("name", po::value(&name), "the buyer's name");
  parse({args.begin() + 1, args.end()}, o, common, {"id"});
  auto store = open_store(common);
  if (args[0] == "add") {
    // Never on the command line: it would be in every process listing.
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    admin::put_buyer(*store, common.seller, id, name, password);
    std::cout << "buyer " << id << " can log in" << std::endl;
    return 0;
  }
  if (args[0] == "remove") {
    bool removed = admin::remove_buyer(*store, common.seller, id);
    std::cout << (removed ? "buyer " + id + " removed" : "there is no buyer " + id) << std::endl;
    return removed ? 0 : 1;
  }
  throw std::runtime_error("buyer add|remove");
}

// `import delivery-notes|invoices`: whole documents, one row per line item.
int import_receipts_command(const std::vector<std::string>& args, model::ReceiptKind kind) {
  ImportInput input = open_import(args);
  admin::ReceiptImportOptions options;
  options.kind = kind;
  options.seller = input.common.seller;
  options.delimiter = input.delimiter;
  // Receipts commit whole documents, a few hundred at a time.
  if (input.per_commit) throw std::runtime_error("--rows-per-commit is for catalog, stock, prices and classification");
  options.progress = [&](const admin::ReceiptImportReport& r) {
    if (r.documents >= options.slice) std::cout << "  " << r.documents << " documents written ..." << std::endl;
  };
  auto r = admin::import_receipts(*input.store, input.in, options);
  print_refused_rows(r);
  std::cout << "import " << args[0] << ": " << r.rows << " rows read, " << r.documents << " documents written";
  if (r.replaced) std::cout << " (" << r.replaced << " replacing one of the same ID)";
  if (r.refused) std::cout << ", " << r.refused << " refused (see above)";
  if (r.file_problem) std::cout << ", nothing written: the file cannot be read";
  std::cout << " in " << r.seconds << " s" << std::endl;
  return r.ok() ? 0 : 1;
}

int import_command(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "delivery-notes")
    return import_receipts_command(args, model::ReceiptKind::DeliveryNote);
  if (!args.empty() && args[0] == "invoices") return import_receipts_command(args, model::ReceiptKind::Invoice);
  static const std::map<std::string, admin::ImportKind> kinds = {{"catalog", admin::ImportKind::Catalog},
                                                                 {"stock", admin::ImportKind::Stock},
                                                                 {"prices", admin::ImportKind::Prices},
                                                                 {"classification", admin::ImportKind::Classification}};
  if (args.empty() || !kinds.count(args[0]))
    throw std::runtime_error("import catalog|stock|prices|classification|delivery-notes|invoices <file.csv>");
  ImportInput input = open_import(args);
  admin::ImportOptions options;
  options.kind = kinds.at(args[0]);
  options.seller = input.common.seller;
  options.delimiter = input.delimiter;
  if (input.per_commit) options.slice = input.per_commit;
  std::int64_t shown = 0;
  options.progress = [&](const admin::ImportReport& r) {
    if (r.rows - shown >= 100000) {
      shown = r.rows;
      std::cout << "  " << r.rows << " rows ..." << std::endl;
    }
  };
  core::SystemClock clock;
  auto report = admin::import_csv(*input.store, input.in, options, clock);
  print_report(report, "import " + args[0]);
  return report.ok() ? 0 : 1;
}

int export_command(const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "orders") throw std::runtime_error("export orders");
  Common common;
  std::string since = "0000", format = "csv", output;
  po::options_description o;
  o.add_options()("since", po::value(&since),
                  "orders taken at or after this UTC time (2026-12-01 or 2026-12-01T08:00:00Z)")(
      "format", po::value(&format), "csv or json (one order per line)")("output", po::value(&output),
                                                                        "file (default: stdout)");
  parse({args.begin() + 1, args.end()}, o, common, {});
  if (format != "csv" && format != "json") throw std::runtime_error("--format is csv or json");
  auto store = open_store(common);
  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + output);
  }
  std::ostream& out = output.empty() ? std::cout : file;
  auto report = admin::export_orders(*store, common.seller, since,
                                     format == "json" ? admin::ExportFormat::Json : admin::ExportFormat::Csv, out);
  std::cerr << "exported " << report.orders << " orders, " << report.lines << " lines" << std::endl;
  return 0;
}

std::set<std::string> words(const std::string& list) {
  std::set<std::string> out;
  std::string word;
  for (char c : list + ",") {
    if (c == ',') {
      if (!word.empty()) out.insert(word);
      word.clear();
    } else if (c != ' ') {
      word += c;
    }
  }
  return out;
}

std::string password_from_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) throw std::runtime_error("the password is read from stdin (one line)");
  return password;
}

int hub_command(const std::vector<std::string>& args) {
  if (args.size() < 2) throw std::runtime_error("hub provider add|list, hub client add");
  Common common;
  std::vector<std::string> rest(args.begin() + 2, args.end());
  if (args[0] == "provider" && args[1] == "add") {
    model::HubProvider p;
    std::string understands = "brand-reference,ean";
    po::options_description o;
    o.add_options()("id", po::value(&p.id))("url", po::value(&p.url))("buyer", po::value(&p.buyer_id))(
        "sellers-id", po::value(&p.sellers_id))("understands", po::value(&understands))("name", po::value(&p.name))(
        "timeout-ms", po::value(&p.timeout_ms))("max-concurrent", po::value(&p.max_concurrent));
    parse(rest, o, common, {"id"});
    if (p.url.empty() || p.buyer_id.empty()) throw std::runtime_error("--url and --buyer are required");
    p.understands = words(understands);
    if (p.name.empty()) p.name = p.id;
    p.password = password_from_stdin();
    auto store = open_store(common);
    core::eproc::admin::put_provider(*store, p);
    std::cout << "provider " << p.id << " at " << p.url << std::endl;
    return 0;
  }
  if (args[0] == "provider" && args[1] == "list") {
    parse(rest, po::options_description(), common, {});
    auto store = open_store(common);
    for (const auto& p : core::eproc::admin::providers(*store)) {
      std::cout << p.id << "\t" << p.url << "\t" << p.buyer_id << "\t";
      bool first = true;
      for (const auto& k : p.understands) std::cout << (first ? "" : ",") << k, first = false;
      std::cout << "\t" << p.timeout_ms << " ms\t" << p.name << "\n";
    }
    return 0;
  }
  if (args[0] == "client" && args[1] == "add") {
    core::eproc::admin::ClientSettings c;
    std::string providers;
    po::options_description o;
    o.add_options()("id", po::value(&c.id))("name", po::value(&c.name))("providers", po::value(&providers))(
        "callback-url", po::value(&c.callback_url))("callback-binding", po::value(&c.callback_binding))(
        "callback-secret", po::value(&c.callback_secret));
    parse(rest, o, common, {"id"});
    c.providers = words(providers);
    c.password = password_from_stdin();
    auto store = open_store(common);
    std::string secret = core::eproc::admin::put_client(*store, c);
    std::cout << "client " << c.id << (c.callback_url.empty() ? "" : ", callback secret " + secret) << std::endl;
    return 0;
  }
  throw std::runtime_error("hub provider add|list, hub client add");
}

}  // namespace

bool is_command(int argc, char** argv) {
  return argc > 1 && argv[1][0] != '-';
}

int run_command(int argc, char** argv) {
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "seller") return seller_command(args);
    if (command == "buyer") return buyer_command(args);
    if (command == "import") return import_command(args);
    if (command == "export") return export_command(args);
    if (command == "hub") return hub_command(args);
    if (command == "conformance") return conformance::conformance_command(args);
    if (command == "help") {
      std::cout << usage();
      return 0;
    }
    std::cerr << "ordergate: no command '" << command << "'\n\n" << usage();
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "ordergate " << command << ": " << e.what() << "\n";
    return 2;
  }
}

}  // namespace og::app
