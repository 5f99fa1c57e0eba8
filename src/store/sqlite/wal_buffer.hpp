// A VFS over SQLite's default one that lets a commit's WAL appends be written
// out after the connection is free again. A group commit appends its pages to
// the WAL as frames, two write() calls per page; done under the connection's
// lock, that kept every other request waiting for the file system. Through
// this VFS the frames appended while collect() is on stay in memory; the
// store takes them (take()) and writes them with one call (write_out()) after
// it released the connection, and only then reports the batch committed.
//
// SQLite always sees the WAL as it wrote it: reads are served from the
// pending bytes, and every other operation on the WAL (sync, truncate, size,
// a write elsewhere) first writes out what is pending, in order. Nothing
// changes for the database file itself.
#pragma once
#include <sqlite3.h>

#include <cstdint>
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
// Writes the frames; SQLITE_OK or an error code. Call without the
// connection's lock: SQLite may go on meanwhile (and waits for this before
// it touches the WAL file in any other way).
int write_out(WalFrames& frames);

}  // namespace og::store::sqlite
