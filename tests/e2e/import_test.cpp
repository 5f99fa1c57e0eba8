// A big catalogue import next to a running server: the server keeps answering
// while the import writes, an import killed with -9 halfway leaves a text
// index that holds exactly the items written so far, and the import run
// again afterwards makes every item findable.
#include <cppunit/extensions/HelperMacros.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "support/command.hpp"
#include "support/http_client.hpp"
#include "support/sample_replay.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/text_index.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

constexpr int kRows = 100000;

void write_catalog(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  out << "item_id;description;unit;price;ean;manufacturer;manufacturer_item_id;stock\n";
  for (int i = 0; i < kRows; ++i)
    out << "K" << i << ";Killable spoke " << i << " mm;EA;1,20;" << 5000000000000 + i << ";Velo AG;VA-" << i << ";5\n";
}

std::int64_t number(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  std::int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  return n;
}

// An FTS5 query for rows holding every trigram of an ASCII term: the index
// keeps no positions (migration 17), so the term's trigrams, not the phrase.
std::string trigrams_of(const std::string& term) {
  std::string q;
  for (std::size_t i = 0; i + 3 <= term.size(); ++i) q += (q.empty() ? "\"" : " AND \"") + term.substr(i, 3) + "\"";
  return q;
}

struct IndexState {
  bool whole = false;  // FTS5's integrity-check, content included
  std::string problem;
  std::int64_t items = 0;     // the seller's items
  std::int64_t matching = 0;  // of those, found through the index
};

IndexState index_state(const std::filesystem::path& db_path) {
  IndexState s;
  sqlite3* db = nullptr;
  s.whole = text_index_is_whole(db_path.string(), &s.problem);
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return s;
  sqlite3_busy_timeout(db, 10000);
  s.items = number(db, "SELECT count(*) FROM items WHERE seller_id = 'bulk'");
  s.matching = number(db, ("SELECT count(*) FROM items WHERE seller_id = 'bulk' AND rowid IN "
                           "(SELECT rowid FROM item_text WHERE item_text MATCH '" +
                           trigrams_of("killable") + "')")
                              .c_str());
  sqlite3_close(db);
  return s;
}

std::int64_t items_so_far(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  std::int64_t n = 0;
  if (sqlite3_open(db_path.c_str(), &db) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 1000);
    n = std::max<std::int64_t>(0, number(db, "SELECT count(*) FROM items WHERE seller_id = 'bulk'"));
  }
  sqlite3_close(db);
  return n;
}

}  // namespace

class ImportTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ImportTest);
  CPPUNIT_TEST(an_import_killed_halfway_leaves_the_index_whole_and_the_server_answering);
  CPPUNIT_TEST(rows_per_commit_is_a_checked_flag_of_the_row_imports);
  CPPUNIT_TEST_SUITE_END();

 public:
  void an_import_killed_halfway_leaves_the_index_whole_and_the_server_answering() {
    TempDir dir;
    auto data = dir.path() / "data";
    auto db_path = data / "ordergate.db";
    ServerProcess server(data);
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("seller add bulk --name Bulk" + d).status);
    auto csv = dir.path() / "catalog.csv";
    write_catalog(csv);

    auto import_log = dir.path() / "import.log";
    pid_t import = fork();
    CPPUNIT_ASSERT(import >= 0);
    if (import == 0) {
      int log = ::open(import_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
      execl(OG_BINARY, OG_BINARY, "import", "catalog", csv.c_str(), "--seller", "bulk", "--delimiter", ";", "--data",
            data.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // The server answers between the import's slices; the kill lands once
    // the first slices are in.
    HttpClient client("127.0.0.1", server.port());
    const std::string details =
        "/veloconnect?BuyersID=B127645&Password=secret&RequestName=GetItemDetailsRequest"
        "&SellersItemIdentification=200300156";
    int answered = 0;
    int status = 0;
    bool ended_alone = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (items_so_far(db_path) == 0 && std::chrono::steady_clock::now() < deadline) {
      auto reply = client.get(details);
      CPPUNIT_ASSERT_EQUAL(std::string("200"), first_text(reply.body, "ResponseCode").value_or("?"));
      ++answered;
      if (waitpid(import, &status, WNOHANG) == import) {
        ended_alone = true;
        break;
      }
    }
    if (!ended_alone) {
      kill(import, SIGKILL);
      waitpid(import, &status, 0);
    }
    CPPUNIT_ASSERT(answered > 0);

    auto killed = index_state(db_path);
    CPPUNIT_ASSERT_MESSAGE(killed.problem, killed.whole);
    CPPUNIT_ASSERT_MESSAGE("no slice arrived; the import said: " + samples::read_file(import_log), killed.items > 0);
    CPPUNIT_ASSERT_EQUAL(killed.items, killed.matching);

    // Run again to the end: every item, found by any of its indexed columns.
    auto again = ordergate("import catalog " + csv.string() + " --seller bulk --delimiter ';'" + d);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(again.out, 0, again.status);
    auto done = index_state(db_path);
    CPPUNIT_ASSERT_MESSAGE(done.problem, done.whole);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{kRows}, done.items);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{kRows}, done.matching);
    sqlite3* db = nullptr;
    CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(db_path.c_str(), &db));
    auto indexed_by = [&](const char* column, const std::string& value) {
      return number(db,
                    ("SELECT count(*) FROM items WHERE " + std::string(column) + " = '" + value +
                     "' AND rowid IN (SELECT rowid FROM item_text WHERE item_text MATCH '" + trigrams_of(value) + "')")
                        .c_str());
    };
    auto ean = indexed_by("ean", "5000000099999");
    auto maker_number = indexed_by("manufacturer_item_id", "VA-77777");
    sqlite3_close(db);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, ean);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, maker_number);
  }

  void rows_per_commit_is_a_checked_flag_of_the_row_imports() {
    TempDir dir;
    auto data = dir.path() / "data";
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("seller add small --name Small" + d).status);
    auto csv = dir.path() / "items.csv";
    {
      std::ofstream out(csv, std::ios::binary);
      out << "item_id,description,price\n";
      for (int i = 0; i < 20; ++i) out << "S" << i << ",Small part " << i << ",1.00\n";
    }
    std::string import = "import catalog " + csv.string() + " --seller small" + d;
    for (const char* bad : {" --rows-per-commit 0", " --rows-per-commit 1000001", " --rows-per-commit -5"}) {
      auto run = ordergate(import + bad);
      CPPUNIT_ASSERT_MESSAGE(run.out, run.status != 0);
      CPPUNIT_ASSERT_MESSAGE(run.out, run.out.find("--rows-per-commit is 1 to 1000000") != std::string::npos);
    }
    // 20 rows, 7 per commit: three units, the last one short; every row is
    // counted from what the units wrote (on either store engine).
    auto small = ordergate(import + " --rows-per-commit 7");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(small.out, 0, small.status);
    CPPUNIT_ASSERT_MESSAGE(small.out, small.out.find("20 rows read, 20 written") != std::string::npos);
    // Receipts commit whole documents: the flag is not theirs.
    auto notes = ordergate("import delivery-notes " + csv.string() + " --seller small --rows-per-commit 7" + d);
    CPPUNIT_ASSERT_MESSAGE(notes.out, notes.status != 0);
    CPPUNIT_ASSERT_MESSAGE(notes.out, notes.out.find("--rows-per-commit is for catalog") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportTest);

}  // namespace og::test
