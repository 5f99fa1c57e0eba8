#include "store/sqlite/wal_buffer.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <utility>

namespace og::store::sqlite {

namespace {
// Writes `size` bytes in pieces: the unix VFS writes at most 128 KiB - 1 per
// call (it masks the length), as SQLite itself never asks for more.
int write_all(sqlite3_file* real, const char* data, std::size_t size, sqlite3_int64 offset) {
  constexpr std::size_t kPiece = 64 * 1024;
  for (std::size_t done = 0; done < size; done += kPiece) {
    int n = static_cast<int>(std::min(kPiece, size - done));
    int rc = real->pMethods->xWrite(real, data + done, n, offset + static_cast<sqlite3_int64>(done));
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
}  // namespace

// The WAL's state besides the real file: bytes appended but not written yet
// (pending), and whether a write-out of earlier ones is under way.
struct WalFile {
  sqlite3_file* real = nullptr;
  std::mutex mutex;
  std::condition_variable idle;
  bool collecting = false;
  bool writing = false;  // a write_out() is under way
  std::string pending;
  sqlite3_int64 pending_at = 0;
  // A write of pending frames that failed outside write_out() (SQLite synced
  // or resized the WAL meanwhile): the next write_out() reports it.
  int failed = SQLITE_OK;

  sqlite3_int64 pending_end() const { return pending_at + static_cast<sqlite3_int64>(pending.size()); }

  // Waits for a write-out under way, then writes what is pending: after
  // this, the file holds everything SQLite wrote, in the order it wrote it.
  int settle(std::unique_lock<std::mutex>& lock) {
    idle.wait(lock, [&] { return !writing; });
    if (pending.empty()) return SQLITE_OK;
    int rc = write_all(real, pending.data(), pending.size(), pending_at);
    pending.clear();
    if (rc != SQLITE_OK) failed = rc;
    return rc;
  }
};

namespace {

sqlite3_vfs* g_real = nullptr;  // the default VFS underneath

// Our file object: the WAL's state, followed by the real file's storage.
struct File {
  sqlite3_file base;
  WalFile* wal;
};

sqlite3_file* real_storage(File* f) {
  return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(File));
}

WalFile* wal_file(sqlite3_file* f) {
  return reinterpret_cast<File*>(f)->wal;
}

int wal_close(sqlite3_file* f) {
  WalFile* w = wal_file(f);
  int rc;
  {
    std::unique_lock lock(w->mutex);
    rc = w->settle(lock);
  }
  int closed = w->real->pMethods->xClose(w->real);
  delete w;
  return rc != SQLITE_OK ? rc : closed;
}

int wal_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  WalFile* w = wal_file(f);
  std::unique_lock lock(w->mutex);
  w->idle.wait(lock, [&] { return !w->writing; });
  sqlite3_int64 end = offset + amount;
  if (!w->pending.empty() && offset >= w->pending_at && end <= w->pending_end()) {
    std::memcpy(out, w->pending.data() + (offset - w->pending_at), static_cast<std::size_t>(amount));
    return SQLITE_OK;
  }
  int rc = w->real->pMethods->xRead(w->real, out, amount, offset);
  if (w->pending.empty() || (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)) return rc;
  // Part of the range is still pending: lay it over what the file holds.
  sqlite3_int64 from = std::max(offset, w->pending_at), to = std::min(end, w->pending_end());
  if (from < to)
    std::memcpy(static_cast<char*>(out) + (from - offset), w->pending.data() + (from - w->pending_at),
                static_cast<std::size_t>(to - from));
  if (rc == SQLITE_IOERR_SHORT_READ && w->pending_end() >= end) rc = SQLITE_OK;
  return rc;
}

int wal_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  WalFile* w = wal_file(f);
  std::unique_lock lock(w->mutex);
  if (w->collecting && (w->pending.empty() || offset == w->pending_end())) {
    if (w->pending.empty()) w->pending_at = offset;
    w->pending.append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
    return SQLITE_OK;
  }
  int rc = w->settle(lock);
  if (rc != SQLITE_OK) return rc;
  return w->real->pMethods->xWrite(w->real, data, amount, offset);
}

// Everything else sees the file as SQLite wrote it: settle first.
template <class F>
int settled(sqlite3_file* f, F&& then) {
  WalFile* w = wal_file(f);
  std::unique_lock lock(w->mutex);
  int rc = w->settle(lock);
  if (rc != SQLITE_OK) return rc;
  return then(w->real);
}

int wal_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return settled(f, [&](sqlite3_file* r) { return r->pMethods->xTruncate(r, size); });
}
int wal_sync(sqlite3_file* f, int flags) {
  return settled(f, [&](sqlite3_file* r) { return r->pMethods->xSync(r, flags); });
}
int wal_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return settled(f, [&](sqlite3_file* r) { return r->pMethods->xFileSize(r, size); });
}
int wal_file_control(sqlite3_file* f, int op, void* arg) {
  return settled(f, [&](sqlite3_file* r) { return r->pMethods->xFileControl(r, op, arg); });
}

// Locks, sector size, shared memory and mmap are the real file's.
int wal_lock(sqlite3_file* f, int level) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xLock(r, level);
}
int wal_unlock(sqlite3_file* f, int level) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xUnlock(r, level);
}
int wal_check_reserved_lock(sqlite3_file* f, int* out) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xCheckReservedLock(r, out);
}
int wal_sector_size(sqlite3_file* f) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xSectorSize(r);
}
int wal_device_characteristics(sqlite3_file* f) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xDeviceCharacteristics(r);
}
int wal_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xShmMap(r, page, size, extend, out);
}
int wal_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xShmLock(r, offset, n, flags);
}
void wal_shm_barrier(sqlite3_file* f) {
  sqlite3_file* r = wal_file(f)->real;
  r->pMethods->xShmBarrier(r);
}
int wal_shm_unmap(sqlite3_file* f, int delete_flag) {
  sqlite3_file* r = wal_file(f)->real;
  return r->pMethods->xShmUnmap(r, delete_flag);
}
int wal_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  // No mapping of the WAL: SQLite then reads it with xRead.
  (void)f, (void)offset, (void)amount;
  *out = nullptr;
  return SQLITE_OK;
}
int wal_unfetch(sqlite3_file*, sqlite3_int64, void*) {
  return SQLITE_OK;
}

const sqlite3_io_methods kWalMethods = {
    3,
    wal_close,
    wal_read,
    wal_write,
    wal_truncate,
    wal_sync,
    wal_file_size,
    wal_lock,
    wal_unlock,
    wal_check_reserved_lock,
    wal_file_control,
    wal_sector_size,
    wal_device_characteristics,
    wal_shm_map,
    wal_shm_lock,
    wal_shm_barrier,
    wal_shm_unmap,
    wal_fetch,
    wal_unfetch,
};

int vfs_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  if (!(flags & SQLITE_OPEN_WAL))
    // The database file and the rest: the real VFS's own object, in place.
    return g_real->xOpen(g_real, name, f, flags, out_flags);
  auto* file = reinterpret_cast<File*>(f);
  sqlite3_file* real = real_storage(file);
  file->base.pMethods = nullptr;
  int rc = g_real->xOpen(g_real, name, real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  file->wal = new WalFile;
  file->wal->real = real;
  file->base.pMethods = &kWalMethods;
  return SQLITE_OK;
}

// The rest of the VFS is the real one's.
int vfs_delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return g_real->xDelete(g_real, name, sync_dir);
}
int vfs_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_real->xAccess(g_real, name, flags, out);
}
int vfs_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return g_real->xFullPathname(g_real, name, size, out);
}
void* vfs_dl_open(sqlite3_vfs*, const char* name) {
  return g_real->xDlOpen(g_real, name);
}
void vfs_dl_error(sqlite3_vfs*, int size, char* out) {
  g_real->xDlError(g_real, size, out);
}
void (*vfs_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return g_real->xDlSym(g_real, handle, symbol);
}
void vfs_dl_close(sqlite3_vfs*, void* handle) {
  g_real->xDlClose(g_real, handle);
}
int vfs_randomness(sqlite3_vfs*, int size, char* out) {
  return g_real->xRandomness(g_real, size, out);
}
int vfs_sleep(sqlite3_vfs*, int micros) {
  return g_real->xSleep(g_real, micros);
}
int vfs_current_time(sqlite3_vfs*, double* out) {
  return g_real->xCurrentTime(g_real, out);
}
int vfs_get_last_error(sqlite3_vfs*, int size, char* out) {
  return g_real->xGetLastError ? g_real->xGetLastError(g_real, size, out) : 0;
}
int vfs_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  return g_real->xCurrentTimeInt64(g_real, out);
}

}  // namespace

const char* wal_buffer_vfs() {
  static const char* name = [] {
    static sqlite3_vfs vfs{};
    g_real = sqlite3_vfs_find(nullptr);
    vfs.iVersion = 2;
    // Room for our file object and, behind it, the real one (kept aligned).
    vfs.szOsFile = static_cast<int>(sizeof(File)) + g_real->szOsFile;
    vfs.mxPathname = g_real->mxPathname;
    vfs.zName = "og-wal-buffer";
    vfs.xOpen = vfs_open;
    vfs.xDelete = vfs_delete;
    vfs.xAccess = vfs_access;
    vfs.xFullPathname = vfs_full_pathname;
    vfs.xDlOpen = vfs_dl_open;
    vfs.xDlError = vfs_dl_error;
    vfs.xDlSym = vfs_dl_sym;
    vfs.xDlClose = vfs_dl_close;
    vfs.xRandomness = vfs_randomness;
    vfs.xSleep = vfs_sleep;
    vfs.xCurrentTime = vfs_current_time;
    vfs.xGetLastError = vfs_get_last_error;
    vfs.xCurrentTimeInt64 = vfs_current_time_int64;
    sqlite3_vfs_register(&vfs, 0);
    return vfs.zName;
  }();
  return name;
}

WalFile* wal_of(sqlite3* db) {
  sqlite3_file* f = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &f) != SQLITE_OK || !f) return nullptr;
  if (f->pMethods != &kWalMethods) return nullptr;
  return wal_file(f);
}

void collect(WalFile* wal, bool on) {
  std::lock_guard lock(wal->mutex);
  wal->collecting = on;
}

WalFrames take(WalFile* wal) {
  std::unique_lock lock(wal->mutex);
  wal->idle.wait(lock, [&] { return !wal->writing; });
  WalFrames out;
  out.wal = wal;  // even with nothing pending: write_out() reports an earlier failure
  if (wal->pending.empty()) return out;
  out.bytes.swap(wal->pending);
  out.offset = wal->pending_at;
  wal->writing = true;
  return out;
}

int sync_written(WalFile* wal) {
  return wal->real->pMethods->xSync(wal->real, SQLITE_SYNC_NORMAL);
}

void discard(WalFile* wal) {
  std::lock_guard lock(wal->mutex);
  wal->pending.clear();
}

int write_out(WalFrames& frames) {
  return write_out(frames, {});
}

int write_out(WalFrames& frames, const WalFaultHook& fault) {
  WalFile* w = frames.wal;
  if (!w) return SQLITE_OK;
  sqlite3_file* r = w->real;
  int rc;
  bool writing = !frames.bytes.empty();  // take() marked the WAL busy
  {
    std::lock_guard lock(w->mutex);
    if (w->failed != SQLITE_OK || !writing) {
      rc = std::exchange(w->failed, SQLITE_OK);
      if (writing) {
        w->writing = false;
        w->idle.notify_all();
      }
      frames.wal = nullptr;
      return rc;
    }
  }
  std::optional<WalFault> injected;
  if (fault) injected = fault(frames.bytes.size());
  if (injected) {
    // A short write, then the error: what a full disk or a failing device does.
    std::size_t n = std::min(injected->write_bytes, frames.bytes.size());
    rc = n ? write_all(r, frames.bytes.data(), n, frames.offset) : SQLITE_OK;
    if (rc == SQLITE_OK) rc = injected->code;
  } else {
    rc = write_all(r, frames.bytes.data(), frames.bytes.size(), frames.offset);
  }
  {
    std::lock_guard lock(w->mutex);
    w->writing = false;
  }
  w->idle.notify_all();
  frames.wal = nullptr;
  return rc;
}

}  // namespace og::store::sqlite
