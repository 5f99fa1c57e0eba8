#include "app/conformance/checks.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "app/conformance/answer.hpp"

namespace og::app::conformance {

namespace {

constexpr const char* kUnknownItem = "OG-CONFORMANCE-NO-SUCH-ITEM";
constexpr const char* kUnknownBuyer = "OG-CONFORMANCE-NO-SUCH-BUYER";
constexpr const char* kUnknownTransaction = "og-conformance-no-such-transaction";
constexpr const char* kUnknownSeller = "og-conformance-no-such-seller";

// One answer and how it came: `failure` when no HTTP answer came back.
struct Sent {
  Answer answer;
  std::string failure;

  bool code(int expected) const { return failure.empty() && answer.response_code() == expected; }
  bool status_between(int low, int high) const {
    auto s = answer.status_code();
    return s && *s >= low && *s <= high;
  }
  std::string what() const { return failure.empty() ? describe(answer) : "no HTTP answer: " + failure; }
};

// The response element the standard pairs with each request element.
std::string response_element(const std::string& request) {
  if (request == "CreateOrderRequest" || request == "UpdateOrderRequest" || request == "ViewOrderRequest")
    return "OrderResponse";
  if (request == "FinishOrderRequest") return "FinalOrderResponse";
  return request.substr(0, request.size() - 7) + "Response";
}

// Per response element: was every answer valid against the schema set?
struct SchemaTally {
  int valid = 0;
  std::string success_problem;  // a 200 answer that is not valid: a failure
  std::string error_problem;    // an error answer that is not valid
  std::string undeclared;       // the answer's namespace is not in the set
};

class Run {
 public:
  Run(const Transport& http, const AnswerSchema& schema, const Settings& settings)
      : http_(http), schema_(schema), s_(settings) {}

  Report report;

  Request request(const std::string& name, const std::string& transaction = "", bool is_test = false) const {
    Request r;
    r.name = name;
    r.buyer = s_.buyer;
    r.password = s_.password;
    r.sellers_id = s_.sellers_id;
    r.transaction_id = transaction;
    r.is_test = is_test;
    return r;
  }

  Sent send(const Request& r, Style style = Style::Standard) {
    std::string body, failure;
    try {
      body = http_.send(build(r, s_.binding, style)).body;
    } catch (const HttpFailure& f) {
      if (first_) throw Unreachable{f.message};
      failure = f.message;
    }
    first_ = false;
    Sent sent{Answer(body), failure};
    if (failure.empty()) tally(sent.answer);
    answers_ += sent.answer.root() != nullptr;
    if (sent.answer.root() && sent.answer.root_name() != response_element(r.name) && wrong_root_.empty())
      wrong_root_ = r.name + " answered with " + sent.answer.root_name() + " (" + describe(sent.answer) + ")";
    return sent;
  }

  void add(const std::string& check, bool ok, const std::string& detail) {
    report.add(check, ok ? Verdict::Pass : Verdict::Fail, detail);
  }

  // PASS shows what came; FAIL also says what was expected.
  void judge(const std::string& check, bool ok, const std::string& expected, const std::string& got) {
    report.add(check, ok ? Verdict::Pass : Verdict::Fail, ok ? got : "expected " + expected + "; got " + got);
  }

  // Expects `code`; the detail says what came instead.
  void expect(const std::string& check, const Sent& sent, int code, const std::string& pass_detail) {
    if (sent.code(code))
      report.add(check, Verdict::Pass, pass_detail.empty() ? sent.what() : pass_detail);
    else
      report.add(check, Verdict::Fail, "expected ResponseCode " + std::to_string(code) + ", got " + sent.what());
  }

  // Every answer's root must be its operation's response element, errors
  // included: clients generated from the XSDs expect nothing else.
  void response_element_row() {
    if (wrong_root_.empty())
      report.add("answer elements", Verdict::Pass,
                 std::to_string(answers_) + " answers, each its operation's response element");
    else
      report.add("answer elements", Verdict::Fail, wrong_root_);
  }

  void schema_rows() {
    for (const auto& [root, t] : tallies_) {
      std::string check = "xsd " + root;
      if (!t.success_problem.empty())
        report.add(check, Verdict::Fail, "a successful answer is not valid: " + t.success_problem);
      else if (!t.undeclared.empty())
        report.add(check, Verdict::Warn,
                   "answered in " + t.undeclared + ", which the schema set does not declare: not validated");
      else if (!t.error_problem.empty())
        report.add(check, Verdict::Warn,
                   "an error answer is not valid (the XSD cannot always be satisfied by an error): " + t.error_problem);
      else
        report.add(check, Verdict::Pass, std::to_string(t.valid) + " answer(s) valid");
    }
  }

 private:
  void tally(const Answer& a) {
    if (!a.root()) return;
    auto& t = tallies_[a.root_name()];
    if (a.root_namespace().empty()) {
      // The standard's elements are qualified (elementFormDefault="qualified").
      if (t.success_problem.empty()) t.success_problem = "the response element has no namespace";
      return;
    }
    if (!schema_.declares(a.root_namespace())) {
      t.undeclared = a.root_namespace();
      return;
    }
    std::string problem = schema_.validate(a.root());
    if (problem.empty()) {
      ++t.valid;
      return;
    }
    auto& slot = a.response_code() == 200 ? t.success_problem : t.error_problem;
    if (slot.empty()) slot = "ResponseCode " + std::to_string(a.response_code().value_or(0)) + " answer: " + problem;
  }

  const Transport& http_;
  const AnswerSchema& schema_;
  const Settings& s_;
  bool first_ = true;
  std::map<std::string, SchemaTally> tallies_;
  int answers_ = 0;
  std::string wrong_root_;  // the first answer whose root is not its operation's
};

std::string join(const std::set<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

struct Found {
  std::string item;
  std::string unit;
};

// Mandatory GetProfile; returns what it lists for the binding, or nullopt
// when the profile cannot be read (then everything is exercised).
std::optional<std::set<std::string>> profile(Run& run, const Settings& s) {
  auto p = run.send(run.request("GetProfileRequest"));
  if (!p.code(200)) {
    run.add("GetProfile", false, "expected ResponseCode 200, got " + p.what() + "; every operation is exercised");
    return std::nullopt;
  }
  // The profile's BindingType cannot name SOAP; SOAP clients go by XML-POST's list.
  std::set<std::string> bindings = s.binding == Binding::Url ? std::set<std::string>{"URL", "URL-S"}
                                                             : std::set<std::string>{"XML-POST", "XML-POST-S"};
  auto listed = p.answer.implemented(bindings);
  run.add("GetProfile", true, "lists " + (listed.empty() ? std::string("nothing") : join(listed)));
  // Said rather than passed over in silence: a listed operation no check covers.
  static const std::set<std::string> exercised = {
      "Order",     "TextSearch", "GetItemDetails",          "GetItemDetailsList",
      "GetStatus", "Rollback",   "GetClassificationScheme", "OrderInOnlineShop"};
  for (const auto& name : listed)
    if (!exercised.count(name)) run.report.add(name, Verdict::Skip, "listed; the kit does not exercise it yet");
  return listed;
}

void authentication(Run& run, const std::string& item) {
  auto unknown = run.request("GetItemDetailsRequest");
  unknown.buyer = kUnknownBuyer;
  unknown.lines = {{item, "1", ""}};
  run.expect("auth unknown buyer -> 410", run.send(unknown), 410, "");
  auto wrong = run.request("GetItemDetailsRequest");
  wrong.password += "-not-the-password";
  wrong.lines = {{item, "1", ""}};
  run.expect("auth wrong password -> 411", run.send(wrong), 411, "");
  // 415 is the standard's code for a SellersID the server does not know; a
  // server for one seller may ignore SellersID altogether, so a 200 is a WARN.
  auto seller = run.request("GetProfileRequest");
  seller.sellers_id = kUnknownSeller;
  auto s = run.send(seller);
  if (s.code(415))
    run.report.add("unknown SellersID -> 415", Verdict::Pass, s.what());
  else if (s.code(200))
    run.report.add("unknown SellersID -> 415", Verdict::Warn,
                   s.what() + " (SellersID ignored: acceptable for a server of one seller)");
  else
    run.report.add("unknown SellersID -> 415", Verdict::Fail, "expected ResponseCode 415, got " + s.what());
}

// CreateTextSearch, two pages, the end; returns the first item found.
std::string text_search(Run& run, bool listed) {
  const char* checks[] = {"TextSearch create", "TextSearch page 1", "TextSearch page 2", "TextSearch ends",
                          "TextSearch ended -> 430"};
  if (!listed) {
    for (auto c : checks) run.report.add(c, Verdict::Skip, "the profile does not list TextSearch");
    return {};
  }
  auto create = run.request("CreateTextSearchRequest");
  create.search_string = "";
  auto c = run.send(create);
  auto total_text = c.answer.text("TotalCount");
  long total = total_text ? std::atol(total_text->c_str()) : -1;
  std::string id = c.answer.transaction_id();
  bool created = c.code(200) && total >= 0 && !id.empty() &&
                 (total > 0 ? c.answer.status_code() == 2 : c.status_between(100, 199));
  run.judge(checks[0], created, "200, a TransactionID, TotalCount, StatusCode 2 (100 without hits)",
            "empty SearchString: " + c.what() + (total >= 0 ? ", TotalCount " + std::to_string(total) : ""));
  if (!created || total == 0) {
    for (int i = 1; i < 5; ++i)
      run.report.add(checks[i], Verdict::Skip, created ? "no hits to page through" : "no search instance");
    return {};
  }
  auto page = [&](long start, long count, const char* format, bool keep_open) {
    auto r = run.request("SearchResultRequest", id);
    r.fields = {{"StartIndex", std::to_string(start)}, {"Count", std::to_string(count)}, {"ResultFormat", format}};
    if (keep_open) r.fields.emplace_back("DoNotClose", "true");
    return run.send(r);
  };
  auto p1 = page(0, 2, "ITEM_DETAIL", true);
  auto ids1 = p1.answer.item_ids();
  std::size_t want = static_cast<std::size_t>(std::min<long>(2, total));
  run.add(checks[1], p1.code(200) && ids1.size() == want,
          "StartIndex 0, Count 2: " + std::to_string(ids1.size()) + " item(s) of " + std::to_string(total) + ", " +
              p1.what());
  if (total > 2) {
    auto p2 = page(2, 2, "ITEM_DETAIL", true);
    auto ids2 = p2.answer.item_ids();
    bool overlap = false;
    for (const auto& a : ids2)
      for (const auto& b : ids1) overlap = overlap || a == b;
    run.add(checks[2], p2.code(200) && !ids2.empty() && ids2.size() <= 2 && !overlap,
            "StartIndex 2, Count 2: " + std::to_string(ids2.size()) + " item(s)" +
                (overlap ? ", repeating page 1's" : "") + ", " + p2.what());
  } else {
    run.report.add(checks[2], Verdict::Skip, "TotalCount " + std::to_string(total) + ": one page holds it all");
  }
  auto last = page(0, 1, "COUNT", false);
  if (last.code(200) && last.status_between(100, 199)) {
    run.add(checks[3], true, "SearchResult without DoNotClose ended it: " + last.what());
  } else {
    auto rollback = run.send(run.request("RollbackRequest", id));
    run.add(checks[3], rollback.code(200) && rollback.status_between(100, 199),
            "SearchResult without DoNotClose: " + last.what() + "; Rollback: " + rollback.what());
  }
  run.expect(checks[4], page(0, 1, "COUNT", false), 430, "");
  return ids1.empty() ? std::string() : ids1.front();
}

Found item_details(Run& run, const std::string& item) {
  if (item.empty()) {
    run.report.add("GetItemDetails", Verdict::Skip, "no item to ask for: pass --item (TextSearch found none)");
    return {};
  }
  auto r = run.request("GetItemDetailsRequest");
  r.lines = {{item, "1", ""}};
  auto a = run.send(r);
  auto ids = a.answer.item_ids();
  bool ok = a.code(200) && !ids.empty() && ids.front() == item;
  Found found{item, a.answer.order_unit()};
  run.add("GetItemDetails", ok,
          ok ? "item " + item + ", order unit " + (found.unit.empty() ? "?" : found.unit) + ", availability " +
                   a.answer.text("Code").value_or("not given")
             : "item " + item + ": expected 200 with the Item, got " + a.what() +
                   (a.answer.children("ItemUnknown") ? " (ItemUnknown)" : ""));
  return found;
}

void item_details_list(Run& run, const Found& f, bool listed) {
  if (!listed || f.item.empty()) {
    run.report.add("GetItemDetailsList", Verdict::Skip, listed ? "no item" : "the profile does not list it");
    return;
  }
  auto r = run.request("GetItemDetailsListRequest");
  r.lines = {{f.item, "1", ""}, {kUnknownItem, "1", ""}};
  auto a = run.send(r);
  int entries = a.answer.children("ItemDetail");
  run.add("GetItemDetailsList", a.code(200) && entries == 2,
          "a known and an unknown item: " + std::to_string(entries) + " ItemDetail (2 expected), " + a.what());
}

// Optional in the standard: exercised only when the profile lists it.
void classification_scheme(Run& run, bool listed) {
  if (!listed) {
    run.report.add("GetClassificationScheme", Verdict::Skip, "the profile does not list it");
    return;
  }
  auto a = run.send(run.request("GetClassificationSchemeRequest"));
  int schemes = a.answer.children("ClassificationScheme");
  run.add("GetClassificationScheme", a.code(200) && schemes >= 1,
          std::to_string(schemes) + " ClassificationScheme (1 or more expected), " + a.what());
}

// The permanent basket: its TransactionID must be in the profile, and a
// ViewOrder of it (read only, so no IsTest: a test request on a non-test
// instance would be a mix) finds it open.
void online_shop(Run& run, bool listed) {
  if (!listed) {
    run.report.add("OrderInOnlineShop", Verdict::Skip, "the profile does not list it");
    return;
  }
  auto p = run.send(run.request("GetProfileRequest"));
  auto id = p.answer.property("OrderInOnlineShop.TransactionID");
  if (!id || id->empty()) {
    run.report.add("OrderInOnlineShop", Verdict::Fail,
                   "listed, but the profile has no OrderInOnlineShop.TransactionID property");
    return;
  }
  auto v = run.send(run.request("ViewOrderRequest", *id));
  auto state = v.answer.status_code();
  run.add("OrderInOnlineShop", v.code(200) && state && *state >= 2 && *state < 100,
          "ViewOrder of the published TransactionID: " + v.what() + " (200 and an open state expected)");
}

void order_flow(Run& run, const Found& f, bool listed, bool status_listed) {
  const char* checks[] = {"Order create",        "Order update",
                          "Order view",          "GetStatus of the open order",
                          "Order finish (test)", "Order finish again -> 430",
                          "Order view finished"};
  if (!listed || f.item.empty()) {
    for (auto c : checks)
      run.report.add(c, Verdict::Skip, listed ? "no item to order" : "the profile does not list Order");
    return;
  }
  auto create = run.request("CreateOrderRequest", "", true);
  create.lines = {{f.item, "1", f.unit}};
  auto c = run.send(create);
  std::string id = c.answer.transaction_id();
  bool created = c.code(200) && !id.empty() && c.answer.status_code() == 2;
  run.judge(checks[0], created, "200, a TransactionID, StatusCode 2", c.what());
  if (!created) {
    for (int i = 1; i < 7; ++i) run.report.add(checks[i], Verdict::Skip, "no order instance");
    return;
  }
  auto update = run.request("UpdateOrderRequest", id, true);
  update.lines = {{f.item, "2", f.unit}};
  auto u = run.send(update);
  int lines = u.answer.children("OrderResponseLine");
  run.judge(checks[1], u.code(200) && u.answer.status_code() == 2 && lines >= 1, "200, StatusCode 2 and the line",
            u.what() + ", " + std::to_string(lines) + " OrderResponseLine");
  auto v = run.send(run.request("ViewOrderRequest", id, true));
  lines = v.answer.children("OrderResponseLine");
  run.judge(checks[2], v.code(200) && v.answer.status_code() == 2 && lines >= 1, "200, StatusCode 2 and the line",
            v.what() + ", " + std::to_string(lines) + " OrderResponseLine");
  if (status_listed) {
    auto st = run.send(run.request("GetStatusRequest", id, true));
    run.judge(checks[3], st.code(200) && st.answer.status_code() == 2, "200, StatusCode 2", st.what());
  } else {
    run.report.add(checks[3], Verdict::Skip, "the profile does not list GetStatus");
  }
  auto fin = run.send(run.request("FinishOrderRequest", id, true));
  auto order_id = fin.answer.text("OrderID").value_or("");
  run.judge(checks[4], fin.code(200) && fin.answer.status_code() == 100 && !order_id.empty(),
            "200, StatusCode 100 and an OrderID",
            fin.what() + ", OrderID " + (order_id.empty() ? std::string("missing") : order_id));
  auto again = run.send(run.request("FinishOrderRequest", id, true));
  run.expect(checks[5], again, 430, "");
  auto after = run.send(run.request("ViewOrderRequest", id, true));
  // The standard allows ViewOrder in state 100.
  run.judge(checks[6], after.code(200) && after.answer.status_code() == 100, "200, StatusCode 100", after.what());
}

void rollback_flow(Run& run, const Found& f, bool order_listed, bool rollback_listed) {
  const char* checks[] = {"Order test/non-test mix -> 435", "Rollback open order", "Rollback then view: ended"};
  if (!order_listed || !rollback_listed || f.item.empty()) {
    std::string why = !order_listed      ? "the profile does not list Order"
                      : !rollback_listed ? "the profile does not list Rollback (needed to end the probe's order)"
                                         : "no item to order";
    for (auto c : checks) run.report.add(c, Verdict::Skip, why);
    return;
  }
  auto create = run.request("CreateOrderRequest", "", true);
  create.lines = {{f.item, "1", f.unit}};
  auto c = run.send(create);
  std::string id = c.answer.transaction_id();
  if (!c.code(200) || id.empty()) {
    for (auto check : checks) run.report.add(check, Verdict::Fail, "CreateOrder for the probe: " + c.what());
    return;
  }
  // This order is never finished: a non-test request on it must not count.
  auto mix = run.request("UpdateOrderRequest", id, false);
  mix.lines = {{f.item, "3", f.unit}};
  run.expect(checks[0], run.send(mix), 435, "");
  auto rb = run.send(run.request("RollbackRequest", id, true));
  run.judge(checks[1], rb.code(200) && rb.status_between(100, 199), "200, a final StatusCode 100-199", rb.what());
  auto view = run.send(run.request("ViewOrderRequest", id, true));
  run.judge(checks[2], view.failure.empty() && view.status_between(100, 199), "a final StatusCode 100-199",
            "ViewOrder: " + view.what());
}

void unknown_transaction(Run& run, bool order_listed) {
  if (!order_listed) {
    run.report.add("unknown TransactionID -> 420", Verdict::Skip, "the profile does not list Order");
    return;
  }
  run.expect("unknown TransactionID -> 420", run.send(run.request("ViewOrderRequest", kUnknownTransaction, true)), 420,
             "");
}

// A lenient server takes what real clients send; the standard does not
// demand it, so a refusal is a WARN.
void leniency(Run& run, const Settings& s, const Found& f) {
  struct Probe {
    const char* check;
    Style style;
  } probes[] = {{"lenient: unqualified elements", Style::Unqualified},
                {"lenient: envelope out of order", Style::EnvelopeReordered},
                {"lenient: UTF-8 byte order mark", Style::ByteOrderMark}};
  for (const auto& p : probes) {
    if (s.binding == Binding::Url || f.item.empty()) {
      run.report.add(p.check, Verdict::Skip, f.item.empty() ? "no item" : "XML probes; the URL binding sends no XML");
      continue;
    }
    auto r = run.request("GetItemDetailsRequest");
    r.lines = {{f.item, "1", ""}};
    auto a = run.send(r, p.style);
    run.report.add(p.check, a.code(200) ? Verdict::Pass : Verdict::Warn,
                   "GetItemDetails: " + a.what() + (a.code(200) ? "" : " (lenient servers take it; not required)"));
  }
}

}  // namespace

Report run_checks(const Transport& http, const AnswerSchema& schema, const Settings& settings) {
  Run run(http, schema, settings);
  auto listed = profile(run, settings);
  auto lists = [&](const char* what) { return !listed || listed->count(what) > 0; };
  std::string item = text_search(run, lists("TextSearch"));
  if (!settings.item.empty()) item = settings.item;
  authentication(run, item.empty() ? std::string(kUnknownItem) : item);
  Found found = item_details(run, item);
  item_details_list(run, found, lists("GetItemDetailsList"));
  classification_scheme(run, listed && listed->count("GetClassificationScheme") > 0);
  online_shop(run, listed && listed->count("OrderInOnlineShop") > 0);
  order_flow(run, found, lists("Order"), lists("GetStatus"));
  rollback_flow(run, found, lists("Order"), lists("Rollback"));
  unknown_transaction(run, lists("Order"));
  leniency(run, settings, found);
  run.response_element_row();
  run.schema_rows();
  return std::move(run.report);
}

}  // namespace og::app::conformance
