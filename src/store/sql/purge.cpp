#include "store/sql/purge.hpp"

namespace og::store::sql {

std::int64_t purge(Db& db, const Purge& p, std::string_view before, std::int64_t limit) {
  if (db.dialect() == Dialect::Postgres) {
    auto s = db.prepare(p.postgres);
    s.bind(1, before).bind(2, limit);
    s.run();
    return db.changes();
  }
  db.exec(p.sqlite_list);
  db.exec(p.sqlite_clear);
  {
    auto s = db.prepare(p.sqlite_choose);
    s.bind(1, before).bind(2, limit);
    s.run();
  }
  db.exec(p.sqlite_dependents);
  db.exec(p.sqlite_rows);
  return db.changes();
}

}  // namespace og::store::sql
