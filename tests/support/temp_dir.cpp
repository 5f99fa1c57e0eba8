#include "support/temp_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "support/cluster_target.hpp"

namespace og::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ordergate-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  try {
    drop_cluster_stores_under(path_);
  } catch (const std::exception&) {
    // The folder goes anyway; the database goes with the test PostgreSQL.
  }
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace og::test
