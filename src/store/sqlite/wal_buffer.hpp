// A VFS over SQLite's default one that gathers a commit's WAL appends and
// writes them with one call. A group commit appends its pages to the WAL as
// frames, two write() calls per page: on the store thread that was a quarter
// of the order flow's cost (bench/README.md). Through this VFS the frames
// appended while collect() is on stay in memory; the store takes them
// (take()) and writes them at once (write_out()), and only then reports the
// batch committed. If that write fails, SQLite believes in frames the file
// does not hold: the store then reopens its connection, which recovers the
// WAL from the file (the commit is not there) - see SqliteStore::reopen().
//
// SQLite always sees the WAL as it wrote it: reads are served from the
// pending bytes, and every other operation on the WAL (sync, truncate, size,
// a write elsewhere) first writes out what is pending, in order. Nothing
// changes for the database file itself.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace og::store::sqlite {

struct WalFile;

// The VFS's name for sqlite3_open_v2 (registered on first use).
const char* wal_buffer_vfs();

// Frames taken from a WAL, to be written out without the connection's lock.
struct WalFrames {
  WalFile* wal = nullptr;
  std::string bytes;
  sqlite3_int64 offset = 0;
  bool empty() const { return bytes.empty(); }
};

// The connection's WAL file as this VFS opened it (nullptr when it is not
// open, or not through this VFS).
WalFile* wal_of(sqlite3* db);
// While on, appends to the WAL stay in memory. Call with the connection's lock.
void collect(WalFile* wal, bool on);
// What was appended since the last take(); the WAL counts as busy until
// write_out() returns. Call with the connection's lock.
WalFrames take(WalFile* wal);
// Forgets what was appended (a commit that failed). Call with the connection's lock.
void discard(WalFile* wal);
// Syncs what the WAL file holds, without waiting for anything pending (a
// checkpoint syncs again, which is then cheap). Call without the connection's lock.
int sync_written(WalFile* wal);
// Writes the frames; SQLITE_OK or an error code. SQLite waits for this
// before it touches the WAL file in any other way.
int write_out(WalFrames& frames);

// Testing aid: decides, before each write_out(), to fail it. Returns how many
// of `size` bytes to write before failing with the returned code, or
// nullopt to write normally.
struct WalFault {
  std::size_t write_bytes = 0;
  int code = SQLITE_IOERR_WRITE;
};
using WalFaultHook = std::function<std::optional<WalFault>(std::size_t size)>;
int write_out(WalFrames& frames, const WalFaultHook& fault);

}  // namespace og::store::sqlite
