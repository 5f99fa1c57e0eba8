// flow_client: a load client for ordergate's Veloconnect endpoint.
//
// One process, --threads event loops (Boost.Asio on epoll), --connections
// keep-alive connections spread over them. Each connection runs its own
// closed loop: send a request, wait for the whole answer, check it, send the
// next. Modes:
//   flow  CreateOrder -> UpdateOrder -> FinishOrder, XML-POST binding; the
//         TransactionID is taken from the Create answer. One flow = 3 requests.
//   item  GetItemDetails (XML-POST, or SOAP 1.1 with --binding soap11).
//   list  GetItemDetailsList with --list-entries entries (XML-POST).
//   srm-release  SAP SRM: Create a shopping cart, then Release it with its
//         ChangeStateID (SOAP 1.1, HTTP Basic srm-user). Only the Release
//         requests are counted and timed: rates and latencies are Release's;
//         one flow = one released cart. Point --url at /srm/InternalRequest.
// With --catalog-items N (a server started with --demo-catalog-items N) the
// flow's lines and item mode's requests name random items of the synthetic
// catalog (7000000001 .. 7000000000+N) instead of the demo items.
// An answer counts as an error when its HTTP status is not 200 or its body
// lacks "<vct:ResponseCode>200<" (or, for Create, a TransactionID). A failed
// flow starts again with a new Create.
//
// Besides rates and latency it reports, per connection, how many answers each
// one got and how many connections are still open at the end: a starved or
// silently dropped connection shows up there, which wrk's totals cannot show.
//
// The last line is machine-readable ("BENCH key=value ..."), as in the wrk
// scripts under bench/lua, and is what bench/run parses.
#include <sys/resource.h>

#include <utility>  // boost/asio/awaitable.hpp (Boost 1.74) uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/program_options.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace po = boost::program_options;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

enum class Mode { Flow, Item, List, SrmRelease };
enum class Binding { Xml, Soap11 };

struct Options {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  std::string path = "/veloconnect";
  int connections = 64;
  int threads = 1;
  double duration = 10;
  double timeout = 10;  // seconds for one connect or one request/answer
  Mode mode = Mode::Flow;
  Binding binding = Binding::Xml;
  bool connection_close = false;
  int list_entries = 50;
  std::string buyer = "B127645";
  std::string password = "secret";
  std::string item = "52090311100";
  long catalog_items = 0;  // > 0: random synthetic items (see the top of this file)
};

// ---- request bodies ---------------------------------------------------------

const char* kNamespaces =
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0\" "
    "xmlns=\"urn:veloconnect:order-1.1\" xmlns:vct=\"urn:veloconnect:transaction-1.0\" "
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0\"";

std::string envelope(const Options& o, const std::string& name, const std::string& after_credential,
                     const std::string& inner) {
  return "<" + name + " " + kNamespaces + "><vct:BuyersID>" + o.buyer +
         "</vct:BuyersID><vct:Credential><vct:Password>" + o.password + "</vct:Password></vct:Credential>" +
         after_credential + inner + "</" + name + ">";
}

std::string item_id(const std::string& id) {
  return "<cac:SellersItemIdentification><cac:ID>" + id + "</cac:ID></cac:SellersItemIdentification>";
}

std::string order_line(const std::string& id, int quantity) {
  return "<OrderRequestLine>" + item_id(id) + "<cbc:Quantity quantityUnitCode=\"EA\">" + std::to_string(quantity) +
         "</cbc:Quantity></OrderRequestLine>";
}

std::string transaction(const std::string& tid) {
  return "<vct:TransactionID>" + tid + "</vct:TransactionID>";
}

const char* kNotTest = "<vct:IsTest>false</vct:IsTest>";

std::string synthetic_item(long i) {
  char id[24];
  std::snprintf(id, sizeof id, "7%09ld", i);
  return id;
}

std::string create_body(const Options& o, const std::string& item) {
  return envelope(o, "CreateOrderRequest", kNotTest, order_line(item, 2));
}
std::string update_body(const Options& o, const std::string& tid, const std::string& item) {
  return envelope(o, "UpdateOrderRequest", transaction(tid), order_line(item, 3));
}
std::string finish_body(const Options& o, const std::string& tid) {
  return envelope(o, "FinishOrderRequest", transaction(tid), "");
}
std::string item_body(const Options& o) {
  std::string body = envelope(o, "GetItemDetailsRequest", kNotTest,
                              item_id(o.item) + "<cbc:Quantity quantityUnitCode=\"EA\">10</cbc:Quantity>");
  if (o.binding == Binding::Soap11)
    body = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body +
           "</soapenv:Body></soapenv:Envelope>";
  return body;
}
std::string list_body(const Options& o) {
  static const char* items[] = {"52090311600", "52090311100", "200200456", "200300156", "200600221"};
  std::string entries;
  for (int i = 0; i < o.list_entries; ++i) entries += "<RequestEntry>" + item_id(items[i % 5]) + "</RequestEntry>";
  return envelope(o, "GetItemDetailsListRequest", kNotTest, entries);
}

// The text of the first <prefix:TransactionID> (any prefix) element, or "".
std::string transaction_id_of(const std::string& body) {
  for (std::size_t at = body.find("TransactionID>"); at != std::string::npos;
       at = body.find("TransactionID>", at + 1)) {
    std::size_t open = body.rfind('<', at);
    if (open == std::string::npos || body[open + 1] == '/') continue;
    std::size_t start = at + 14, end = body.find('<', start);
    if (end == std::string::npos) return "";
    return body.substr(start, end - start);
  }
  return "";
}

// SAP SRM: a consistent cart (one internal product), and its release.
const char* kSrmEnvelopeOpen =
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:glob=\"http://sap.com/xi/SRM/SE/Global\"><s:Body>";
const char* kSrmHeader = "<MessageHeader><CreationDateTime>2026-11-23T10:00:00Z</CreationDateTime></MessageHeader>";

std::string srm_create_body() {
  return std::string(kSrmEnvelopeOpen) + "<glob:InternalRequestSRMCreateRequest_sync>" + kSrmHeader +
         "<InternalRequest><Item><ID>10</ID><ParentID>0</ParentID><Product>"
         "<Category schemeID=\"ProductCategoryID\" schemeAgencyID=\"SRMCLNT100\">OFFICE</Category>"
         "<Product><Note>Office chair</Note><TypeCode>01</TypeCode>"
         "<InternalID schemeID=\"ProductID\" schemeAgencyID=\"SRMCLNT100\">P-1000</InternalID></Product></Product>"
         "<Quantity unitCode=\"EA\">2</Quantity></Item></InternalRequest>"
         "</glob:InternalRequestSRMCreateRequest_sync></s:Body></s:Envelope>";
}
std::string srm_release_body(const std::string& cart, const std::string& state) {
  return std::string(kSrmEnvelopeOpen) + "<glob:InternalRequestSRMReleaseRequest_sync>" + kSrmHeader +
         "<InternalRequest><ID>" + cart + "</ID><ChangeStateID>" + state + "</ChangeStateID></InternalRequest>" +
         "</glob:InternalRequestSRMReleaseRequest_sync></s:Body></s:Envelope>";
}

// The text of the first <name> element after `after` (or "").
std::string text_after(const std::string& body, const std::string& after, const std::string& name) {
  std::size_t from = body.find(after);
  if (from == std::string::npos) return "";
  std::size_t start = body.find("<" + name + ">", from);
  if (start == std::string::npos) return "";
  start += name.size() + 2;
  return body.substr(start, body.find('<', start) - start);
}

// ---- statistics ---------------------------------------------------------------

struct Stats {
  std::vector<std::uint32_t> latency_us;  // one per answer received before the deadline
  std::vector<std::uint64_t> per_connection;
  std::vector<Clock::time_point> waiting_since;  // per connection: request sent, no answer yet (or {})
  Clock::time_point started, deadline;
  std::uint64_t slowest_first_us = 0;  // the longest any connection waited for its first answer
  std::uint64_t requests = 0, flows = 0, reconnects = 0;
  std::uint64_t connect_errors = 0, io_errors = 0, timeouts = 0, status_errors = 0, body_errors = 0;
  int open = 0;  // connections connected right now
  std::string first_error;

  void note(const std::string& what) {
    if (first_error.empty()) first_error = what;
  }
  std::uint64_t errors() const { return connect_errors + io_errors + timeouts + status_errors + body_errors; }
};

// ---- one connection -------------------------------------------------------------

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(net::io_context& io, const Options& options, const tcp::endpoint& endpoint, Stats& stats,
             std::size_t index, const std::string& fixed_body)
      : options_(options),
        endpoint_(endpoint),
        stats_(stats),
        index_(index),
        stream_(io),
        retry_(io),
        fixed_body_(fixed_body),
        timeout_(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.timeout))) {}

  void start() { connect(); }

 private:
  enum class Step { Create, Update, Finish, Release };

  void connect() {
    stream_.expires_after(timeout_);
    stream_.async_connect(endpoint_, [self = shared_from_this()](beast::error_code ec) { self->on_connect(ec); });
  }

  void on_connect(beast::error_code ec) {
    if (ec) {
      ++stats_.connect_errors;
      stats_.note("connect: " + ec.message());
      stream_.close();
      // Do not spin on a refused port; try again shortly.
      retry_.expires_after(std::chrono::milliseconds(50));
      retry_.async_wait([self = shared_from_this()](beast::error_code e) {
        if (!e) self->connect();
      });
      return;
    }
    ++stats_.open;
    connected_ = true;
    beast::error_code ignored;
    stream_.socket().set_option(tcp::no_delay(true), ignored);
    send();
  }

  void send() {
    request_ = {};
    request_.method(http::verb::post);
    request_.target(options_.path);
    request_.version(11);
    request_.set(http::field::host, options_.host + ":" + options_.port);
    request_.set(http::field::user_agent, "ordergate-flow-client");
    if (options_.mode == Mode::SrmRelease) {
      request_.set(http::field::content_type, "text/xml; charset=utf-8");
      request_.set("SOAPAction", "\"http://sap.com/xi/WebService/soap1.1\"");
      request_.set(http::field::authorization, "Basic c3JtLXVzZXI6c3JtLXBhc3M=");  // srm-user:srm-pass
    } else if (options_.mode == Mode::Item && options_.binding == Binding::Soap11) {
      request_.set(http::field::content_type, "text/xml; charset=utf-8");
      request_.set("SOAPAction", "\"urn:veloconnect:GetItemDetails\"");
    } else {
      request_.set(http::field::content_type, "application/xml");
    }
    request_.keep_alive(!options_.connection_close);
    if (options_.mode == Mode::SrmRelease) {
      request_.body() = step_ == Step::Release ? srm_release_body(cart_, state_) : srm_create_body();
    } else if (options_.mode == Mode::Flow) {
      switch (step_) {
        case Step::Create: request_.body() = create_body(options_, pick("52090311600")); break;
        case Step::Update: request_.body() = update_body(options_, tid_, pick("200600221")); break;
        case Step::Finish: request_.body() = finish_body(options_, tid_); break;
        case Step::Release: break;
      }
    } else if (options_.mode == Mode::Item && options_.catalog_items > 0) {
      Options o = options_;
      o.item = pick(o.item);
      request_.body() = item_body(o);
    } else {
      request_.body() = fixed_body_;
    }
    request_.prepare_payload();
    sent_ = Clock::now();
    stats_.waiting_since[index_] = sent_;
    stream_.expires_after(timeout_);
    http::async_write(stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->fail(ec, "write");
      self->receive();
    });
  }

  // The demo item, or a random one of the synthetic catalog.
  std::string pick(const std::string& demo) {
    if (options_.catalog_items <= 0) return demo;
    return synthetic_item(std::uniform_int_distribution<long>(1, options_.catalog_items)(random_));
  }

  void receive() {
    parser_.emplace();
    parser_->body_limit(256u << 20);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_answer(ec); });
  }

  void on_answer(beast::error_code ec) {
    if (ec) return fail(ec, "read");
    auto now = Clock::now();
    // The loop stops at the deadline, but handlers already queued may still run: do not count them.
    if (now > stats_.deadline) return;
    auto took = std::chrono::duration_cast<std::chrono::microseconds>(now - sent_).count();
    stats_.waiting_since[index_] = {};
    if (options_.mode == Mode::SrmRelease) return on_srm_answer(took);
    if (stats_.per_connection[index_] == 0)
      stats_.slowest_first_us = std::max<std::uint64_t>(
          stats_.slowest_first_us, std::chrono::duration_cast<std::chrono::microseconds>(now - stats_.started).count());
    stats_.latency_us.push_back(static_cast<std::uint32_t>(std::min<long long>(took, UINT32_MAX)));
    ++stats_.requests;
    ++stats_.per_connection[index_];

    auto& answer = parser_->get();
    bool keep_alive = answer.keep_alive() && !options_.connection_close;
    const std::string& body = answer.body();
    bool ok = true;
    if (answer.result_int() != 200) {
      ++stats_.status_errors;
      stats_.note("HTTP " + std::to_string(answer.result_int()) + ": " + body.substr(0, 200));
      ok = false;
    } else if (body.find("<vct:ResponseCode>200<") == std::string::npos) {
      ++stats_.body_errors;
      stats_.note(body.substr(0, 400));
      ok = false;
    } else if (options_.mode == Mode::Flow && step_ == Step::Create) {
      tid_ = transaction_id_of(body);
      if (tid_.empty()) {
        ++stats_.body_errors;
        stats_.note("CreateOrder answer without TransactionID: " + body.substr(0, 300));
        ok = false;
      }
    }
    if (options_.mode == Mode::Flow) {
      if (!ok) {
        step_ = Step::Create;  // start a new order
      } else if (step_ == Step::Create) {
        step_ = Step::Update;
      } else if (step_ == Step::Update) {
        step_ = Step::Finish;
      } else {
        ++stats_.flows;
        step_ = Step::Create;
      }
    }
    if (keep_alive) return send();
    reconnect(false);
  }

  // SRM: a Create sets up the cart; the Release is what is counted and timed.
  void on_srm_answer(long long took) {
    auto& answer = parser_->get();
    const std::string& body = answer.body();
    bool release = step_ == Step::Release;
    if (release) {
      stats_.latency_us.push_back(static_cast<std::uint32_t>(std::min<long long>(took, UINT32_MAX)));
      ++stats_.requests;
    }
    ++stats_.per_connection[index_];
    bool ok = answer.result_int() == 200 && body.find("<BusinessDocumentProcessingResultCode>3<") != std::string::npos;
    if (!ok) {
      ++(answer.result_int() == 200 ? stats_.body_errors : stats_.status_errors);
      stats_.note("HTTP " + std::to_string(answer.result_int()) + ": " + body.substr(0, 400));
      step_ = Step::Create;
    } else if (release) {
      ++stats_.flows;
      step_ = Step::Create;
    } else {
      cart_ = text_after(body, "<InternalRequest>", "ID");
      state_ = text_after(body, "<InternalRequest>", "ChangeStateID");
      step_ = Step::Release;
    }
    if (answer.keep_alive() && !options_.connection_close) return send();
    reconnect(false);
  }

  void fail(beast::error_code ec, const char* during) {
    if (ec == beast::error::timeout) {
      ++stats_.timeouts;
      stats_.note(std::string(during) + ": timeout");
    } else {
      ++stats_.io_errors;
      stats_.note(std::string(during) + ": " + ec.message());
    }
    step_ = Step::Create;
    stats_.waiting_since[index_] = {};
    reconnect(true);
  }

  // A new TCP connection; `after_error` tells an involuntary one from
  // Connection: close.
  void reconnect(bool after_error) {
    if (after_error) ++stats_.reconnects;
    if (connected_) --stats_.open;
    connected_ = false;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    buffer_.clear();
    connect();
  }

  const Options& options_;
  tcp::endpoint endpoint_;
  Stats& stats_;
  std::size_t index_;
  beast::tcp_stream stream_;
  net::steady_timer retry_;
  const std::string& fixed_body_;
  Clock::duration timeout_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  std::optional<http::response_parser<http::string_body>> parser_;
  Clock::time_point sent_;
  Step step_ = Step::Create;
  std::string tid_;
  std::string cart_, state_;  // srm-release: the cart created for the next Release
  std::minstd_rand random_{std::random_device{}()};
  bool connected_ = false;
};

// ---- the run ------------------------------------------------------------------

bool parse_url(std::string url, Options& o) {
  if (url.starts_with("http://")) url = url.substr(7);
  auto slash = url.find('/');
  if (slash != std::string::npos) {
    o.path = url.substr(slash);
    url = url.substr(0, slash);
  }
  auto colon = url.rfind(':');
  if (colon == std::string::npos) return false;
  o.host = url.substr(0, colon);
  o.port = url.substr(colon + 1);
  if (o.host.size() >= 2 && o.host.front() == '[') o.host = o.host.substr(1, o.host.size() - 2);
  return !o.host.empty() && !o.port.empty();
}

std::optional<Options> parse_options(int argc, char** argv) {
  Options o;
  std::string url = "127.0.0.1:8080", mode = "flow", binding = "xml";
  po::options_description d("flow_client options");
  d.add_options()("help,h", "print this help")("url", po::value(&url)->default_value(url),
                                               "host:port (or http://host:port/path) of the server")(
      "connections,c", po::value(&o.connections)->default_value(o.connections), "concurrent connections")(
      "duration,d", po::value(&o.duration)->default_value(o.duration), "seconds to run")(
      "threads,t", po::value(&o.threads)->default_value(o.threads), "event-loop threads")(
      "mode", po::value(&mode)->default_value(mode),
      "flow (Create/Update/Finish), item (GetItemDetails), list, srm-release (SRM Create then Release)")(
      "binding", po::value(&binding)->default_value(binding), "item mode: xml or soap11")(
      "list-entries", po::value(&o.list_entries)->default_value(o.list_entries), "list mode: RequestEntry count")(
      "item", po::value(&o.item)->default_value(o.item), "item mode: SellersItemIdentification")(
      "catalog-items", po::value(&o.catalog_items)->default_value(0),
      "flow and item mode: random items of a synthetic catalog of this many (server --demo-catalog-items)")(
      "connection-close", po::bool_switch(&o.connection_close), "send Connection: close, one request per connection")(
      "timeout", po::value(&o.timeout)->default_value(o.timeout), "seconds for one connect or one request")(
      "buyer", po::value(&o.buyer)->default_value(o.buyer), "BuyersID")(
      "password", po::value(&o.password)->default_value(o.password), "Password");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, d), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "flow_client: " << e.what() << "\n" << d;
    return std::nullopt;
  }
  if (vm.count("help")) {
    std::cout << "usage: flow_client [options]\n" << d;
    std::exit(0);
  }
  if (!parse_url(url, o)) {
    std::cerr << "flow_client: --url wants host:port, got '" << url << "'\n";
    return std::nullopt;
  }
  if (mode == "flow")
    o.mode = Mode::Flow;
  else if (mode == "item")
    o.mode = Mode::Item;
  else if (mode == "list")
    o.mode = Mode::List;
  else if (mode == "srm-release")
    o.mode = Mode::SrmRelease;
  else {
    std::cerr << "flow_client: --mode is flow, item, list or srm-release\n";
    return std::nullopt;
  }
  if (binding == "xml")
    o.binding = Binding::Xml;
  else if (binding == "soap11")
    o.binding = Binding::Soap11;
  else {
    std::cerr << "flow_client: --binding is xml or soap11\n";
    return std::nullopt;
  }
  if (o.connections < 1 || o.threads < 1 || o.duration <= 0 || o.timeout <= 0 || o.list_entries < 1) {
    std::cerr << "flow_client: --connections, --threads, --duration, --timeout, --list-entries must be positive\n";
    return std::nullopt;
  }
  return o;
}

// Raise the descriptor limit: a thousand connections need a thousand descriptors.
void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::uint32_t percentile(const std::vector<std::uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(rank, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parse_options(argc, argv);
  if (!parsed) return 2;
  const Options o = *parsed;
  raise_file_limit();

  tcp::endpoint endpoint;
  try {
    net::io_context io;
    tcp::resolver resolver(io);
    endpoint = *resolver.resolve(o.host, o.port).begin();
  } catch (const std::exception& e) {
    std::cerr << "flow_client: cannot resolve " << o.host << ":" << o.port << ": " << e.what() << "\n";
    return 2;
  }
  const std::string fixed_body = o.mode == Mode::Item ? item_body(o) : o.mode == Mode::List ? list_body(o) : "";

  std::vector<Stats> stats(static_cast<std::size_t>(o.threads));
  auto run_for = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.duration));
  double cpu_before = cpu_seconds();
  auto started = Clock::now();
  auto deadline = started + run_for;

  std::vector<std::thread> threads;
  for (int t = 0; t < o.threads; ++t) {
    threads.emplace_back([&, t] {
      Stats& s = stats[static_cast<std::size_t>(t)];
      int mine = o.connections / o.threads + (t < o.connections % o.threads ? 1 : 0);
      s.per_connection.assign(static_cast<std::size_t>(mine), 0);
      s.waiting_since.assign(static_cast<std::size_t>(mine), Clock::time_point{});
      s.started = started;
      s.deadline = deadline;
      s.latency_us.reserve(1u << 20);
      net::io_context io(1);
      for (int i = 0; i < mine; ++i)
        std::make_shared<Connection>(io, o, endpoint, s, static_cast<std::size_t>(i), fixed_body)->start();
      // At the deadline the loop stops: answers still in flight are not counted.
      net::steady_timer stop(io, deadline);
      stop.async_wait([&io](beast::error_code) { io.stop(); });
      io.run();
    });
  }
  for (auto& th : threads) th.join();
  double wall = std::chrono::duration<double>(Clock::now() - started).count();
  double seconds = std::chrono::duration<double>(run_for).count();
  double cpu = cpu_seconds() - cpu_before;

  Stats all;
  std::uint64_t oldest_waiting_us = 0;  // the oldest request still unanswered at the deadline
  for (auto& s : stats) {
    all.latency_us.insert(all.latency_us.end(), s.latency_us.begin(), s.latency_us.end());
    all.per_connection.insert(all.per_connection.end(), s.per_connection.begin(), s.per_connection.end());
    all.requests += s.requests;
    all.flows += s.flows;
    all.reconnects += s.reconnects;
    all.connect_errors += s.connect_errors;
    all.io_errors += s.io_errors;
    all.timeouts += s.timeouts;
    all.status_errors += s.status_errors;
    all.body_errors += s.body_errors;
    all.open += s.open;
    if (all.first_error.empty()) all.first_error = s.first_error;
    all.slowest_first_us = std::max(all.slowest_first_us, s.slowest_first_us);
    for (auto since : s.waiting_since)
      if (since != Clock::time_point{} && since < deadline)
        oldest_waiting_us = std::max<std::uint64_t>(
            oldest_waiting_us, std::chrono::duration_cast<std::chrono::microseconds>(deadline - since).count());
  }
  std::sort(all.latency_us.begin(), all.latency_us.end());
  std::sort(all.per_connection.begin(), all.per_connection.end());
  auto starved = std::count(all.per_connection.begin(), all.per_connection.end(), 0u);
  // A connection that never got an answer waited the whole run.
  if (starved > 0)
    all.slowest_first_us =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(run_for).count());
  auto p50 = percentile(all.latency_us, 50), p90 = percentile(all.latency_us, 90), p99 = percentile(all.latency_us, 99),
       max = all.latency_us.empty() ? 0 : all.latency_us.back();
  double rps = static_cast<double>(all.requests) / seconds;
  double fps = static_cast<double>(all.flows) / seconds;
  const char* mode = o.mode == Mode::Flow         ? "flow"
                     : o.mode == Mode::Item       ? "item"
                     : o.mode == Mode::SrmRelease ? "srm-release"
                                                  : "list";

  std::printf("flow_client: mode=%s%s url=%s:%s%s connections=%d threads=%d duration=%.1fs (wall %.2fs)%s\n", mode,
              o.mode == Mode::Item && o.binding == Binding::Soap11 ? " (soap11)" : "", o.host.c_str(), o.port.c_str(),
              o.path.c_str(), o.connections, o.threads, seconds, wall, o.connection_close ? " Connection: close" : "");
  if (o.mode == Mode::Flow)
    std::printf("  flows/s      %10.1f   (%llu Create/Update/Finish flows)\n", fps,
                static_cast<unsigned long long>(all.flows));
  std::printf("  requests/s   %10.1f   (%llu answers)\n", rps, static_cast<unsigned long long>(all.requests));
  std::printf("  latency      p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms (per request)\n", p50 / 1e3, p90 / 1e3,
              p99 / 1e3, max / 1e3);
  std::printf("  errors       %llu (connect %llu, io %llu, timeout %llu, status %llu, body %llu)\n",
              static_cast<unsigned long long>(all.errors()), static_cast<unsigned long long>(all.connect_errors),
              static_cast<unsigned long long>(all.io_errors), static_cast<unsigned long long>(all.timeouts),
              static_cast<unsigned long long>(all.status_errors), static_cast<unsigned long long>(all.body_errors));
  if (!all.first_error.empty()) std::printf("  first error  %s\n", all.first_error.c_str());
  std::printf(
      "  connections  %d of %d open at the end, %llu reconnects after errors, %lld got no answer; answers per "
      "connection min %llu median %llu max %llu\n",
      all.open, o.connections, static_cast<unsigned long long>(all.reconnects), static_cast<long long>(starved),
      static_cast<unsigned long long>(all.per_connection.front()),
      static_cast<unsigned long long>(all.per_connection[all.per_connection.size() / 2]),
      static_cast<unsigned long long>(all.per_connection.back()));
  std::printf(
      "               slowest first answer %s%.1f ms after start; oldest request unanswered at the end %.1f ms\n",
      starved > 0 ? "none within the run, > " : "", static_cast<double>(all.slowest_first_us) / 1e3,
      static_cast<double>(oldest_waiting_us) / 1e3);
  std::printf("  client cpu   %.2f s (%.1f us per request)\n", cpu,
              all.requests ? cpu * 1e6 / static_cast<double>(all.requests) : 0.0);
  std::printf(
      "BENCH requests=%llu rps=%.1f flows=%llu fps=%.1f p50_us=%u p90_us=%u p99_us=%u max_us=%u errors=%llu "
      "status_errors=%llu body_errors=%llu connect_errors=%llu io_errors=%llu timeouts=%llu open=%d starved=%lld "
      "min_per_conn=%llu reconnects=%llu first_answer_max_us=%llu oldest_waiting_us=%llu\n",
      static_cast<unsigned long long>(all.requests), rps, static_cast<unsigned long long>(all.flows), fps, p50, p90,
      p99, max, static_cast<unsigned long long>(all.errors()), static_cast<unsigned long long>(all.status_errors),
      static_cast<unsigned long long>(all.body_errors), static_cast<unsigned long long>(all.connect_errors),
      static_cast<unsigned long long>(all.io_errors), static_cast<unsigned long long>(all.timeouts), all.open,
      static_cast<long long>(starved), static_cast<unsigned long long>(all.per_connection.front()),
      static_cast<unsigned long long>(all.reconnects), static_cast<unsigned long long>(all.slowest_first_us),
      static_cast<unsigned long long>(oldest_waiting_us));
  if (!all.first_error.empty()) std::printf("BENCH first_error: %s\n", all.first_error.c_str());
  return all.errors() == 0 && starved == 0 ? 0 : 1;
}
