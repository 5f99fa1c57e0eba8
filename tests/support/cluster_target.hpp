// The end-to-end suites run as they are against a cluster when the
// environment says so: OG_E2E_POSTGRES names the conninfo file of the tests'
// PostgreSQL (tests/postgres/postgres_server). Then every server a test
// starts is 3 ordergate instances on one PostgreSQL database behind haproxy
// (see ServerProcess), and an operator's command run with `--data DIR` works
// on that same database. A data folder stands for its database: the same
// folder, the same database, so a test that restarts its server on the same
// folder finds its data again.
#pragma once
#include <filesystem>
#include <string>

namespace og::test {

bool on_cluster();
// The instances' and the commands' --store for `data_dir`; creates the
// database on first use.
std::string cluster_store(const std::filesystem::path& data_dir);
// Drops the databases of the data folders under `root` (the test's folder
// is going away).
void drop_cluster_stores_under(const std::filesystem::path& root);

}  // namespace og::test
