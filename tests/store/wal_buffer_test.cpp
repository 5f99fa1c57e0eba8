// The WAL-buffering VFS on a real file: what a commit appended while
// collecting stays in memory until write_out(), SQLite reads it back from
// there (its page cache dropped), anything else on the WAL (a checkpoint's
// sync) writes it first, and the file ends up as SQLite wrote it: a
// connection through the default VFS recovers every row.
#include <cppunit/extensions/HelperMacros.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "store/sqlite/wal_buffer.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace sq = store::sqlite;

namespace {

struct Db {
  sqlite3* db = nullptr;
  Db(const std::string& path, const char* vfs) {
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
    exec("PRAGMA locking_mode = EXCLUSIVE");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    exec("PRAGMA mmap_size = 0");
  }
  ~Db() { sqlite3_close_v2(db); }
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "?";
      sqlite3_free(error);
      CPPUNIT_FAIL(sql + ": " + message);
    }
  }
  long long number(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
  }
};

// Rows large enough that one commit appends far more than the 128 KiB the
// unix VFS writes in one call.
void insert_rows(Db& d, int from, int to) {
  d.exec("BEGIN");
  for (int i = from; i < to; ++i) d.exec("INSERT INTO t VALUES (" + std::to_string(i) + ", printf('%.*c', 900, 'x'))");
  d.exec("COMMIT");
}

}  // namespace

class WalBufferTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(WalBufferTest);
  CPPUNIT_TEST(collected_frames_are_read_back_and_written_out);
  CPPUNIT_TEST(a_sync_writes_what_is_pending_first);
  CPPUNIT_TEST_SUITE_END();

 public:
  void collected_frames_are_read_back_and_written_out() {
    TempDir dir;
    std::string path = (dir.path() / "w.db").string();
    {
      Db d(path, sq::wal_buffer_vfs());
      d.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
      sq::WalFile* wal = sq::wal_of(d.db);
      CPPUNIT_ASSERT(wal != nullptr);
      auto size_before = std::filesystem::file_size(path + "-wal");
      sq::collect(wal, true);
      insert_rows(d, 0, 400);
      sq::collect(wal, false);
      // Nothing of the commit is in the file yet...
      CPPUNIT_ASSERT_EQUAL(size_before, std::filesystem::file_size(path + "-wal"));
      // ...yet SQLite, its cache dropped, reads every page back.
      sqlite3_db_release_memory(d.db);
      CPPUNIT_ASSERT_EQUAL(400LL, d.number("SELECT count(*) FROM t WHERE length(v) = 900"));
      sq::WalFrames frames = sq::take(wal);
      CPPUNIT_ASSERT(frames.bytes.size() > 200 * 1024);
      CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sq::write_out(frames));
      CPPUNIT_ASSERT(std::filesystem::file_size(path + "-wal") > size_before + 200 * 1024);
      // Copy the WAL as a crash would leave it: no checkpoint, no clean close.
      std::filesystem::copy_file(path, path + ".crash");
      std::filesystem::copy_file(path + "-wal", path + ".crash-wal");
    }
    Db recovered(path + ".crash", nullptr);
    CPPUNIT_ASSERT_EQUAL(400LL, recovered.number("SELECT count(*) FROM t WHERE length(v) = 900"));
  }

  void a_sync_writes_what_is_pending_first() {
    TempDir dir;
    std::string path = (dir.path() / "w.db").string();
    {
      Db d(path, sq::wal_buffer_vfs());
      d.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
      sq::WalFile* wal = sq::wal_of(d.db);
      sq::collect(wal, true);
      insert_rows(d, 0, 300);
      sq::collect(wal, false);
      // A checkpoint syncs the WAL before it copies pages into the database.
      d.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      sq::WalFrames frames = sq::take(wal);
      CPPUNIT_ASSERT(frames.empty());
      insert_rows(d, 300, 310);  // not collecting: straight to the file
    }
    Db reopened(path, nullptr);
    CPPUNIT_ASSERT_EQUAL(310LL, reopened.number("SELECT count(*) FROM t"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WalBufferTest);

}  // namespace og::test
