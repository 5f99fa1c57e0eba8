// The store for several ordergate instances on one PostgreSQL database. Each
// of its threads owns one connection; a unit of work is one SERIALIZABLE
// transaction there, so units that run at the same time, on this instance or
// another, behave as if they ran one after the other (as SQLite's one store
// thread makes them): the database, not a lock in memory, keeps them apart.
// A unit that loses a conflict is rolled back and run again from the start;
// one that keeps losing runs alone (the writers of every instance wait for
// it), where it meets no other unit, so a conflict between units does not
// reach the caller.
// A unit's answer comes after its COMMIT returned, so there is never an
// answer before its commit, and nothing is left to wait for afterwards.
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"

namespace og::store::postgres {

struct PgOptions {
  // A libpq connection string or URI: postgresql://user@host:port/database.
  std::string conninfo;
  // Connections, one thread each: units of work that run at once.
  int connections = 4;
  // Runs beside the other units before a writer that keeps losing conflicts
  // runs alone (every writer of every instance on the database waits for it).
  int attempts = 8;
  // Runs in the same transaction as the schema's creation: a new database
  // has its initial data or does not exist at all (as in SQLite).
  std::function<void(UnitOfWork&)> seed;
};

class PgStore final : public Store {
 public:
  // Connects, and creates or migrates the schema (several instances may start
  // at once: one of them does it, the others wait for it).
  explicit PgStore(PgOptions options);
  ~PgStore() override;

  Health health() const override;
  void stop() override;
  bool created() const override { return created_; }
  // Writers that lost every run beside the others and then ran alone.
  std::uint64_t units_run_alone() const { return ran_alone_.load(); }

 protected:
  void submit(bool write, Job job, JobDone done) override;
  void when_durable(Commit seen, std::function<void(bool committed)> done) override;
  std::optional<bool> settled(Commit seen) const override;

 private:
  struct Worker;
  struct Pending {
    bool write;
    Job job;
    JobDone done;
  };

  void run(Worker& worker);
  void run_job(Worker& worker, Pending& pending);

  PgOptions options_;
  bool created_ = false;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;

  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> failed_commits_{0};
  std::atomic<std::uint64_t> ran_alone_{0};
  mutable std::mutex health_mutex_;
  std::string problem_;
};

}  // namespace og::store::postgres
