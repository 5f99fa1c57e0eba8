#include "support/cluster_target.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace og::test {
namespace {

std::string read_conninfo() {
  const char* file = std::getenv("OG_E2E_POSTGRES");
  if (!file || !*file) return "";
  std::ifstream in(file);
  std::string line;
  // The variable is set but the server is not there: a loud failure, never
  // a quiet run on SQLite.
  if (!std::getline(in, line) || line.empty())
    throw std::runtime_error(std::string("OG_E2E_POSTGRES names ") + file + ", which holds no conninfo");
  return line;
}

// Read once: the PostgreSQL of a test run stays where it is.
const std::string& conninfo() {
  static const std::string info = read_conninfo();
  return info;
}

std::string psql(const std::string& sql) {
  std::string cmd = "psql '" + conninfo() + "' -qtAc \"" + sql + "\" 2>&1";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[512];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    pclose(p);
  }
  return out;
}

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

struct Registry {
  std::mutex mutex;
  std::map<std::filesystem::path, std::string> names;  // data folder -> database
};
Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

bool on_cluster() {
  return !conninfo().empty();
}

std::string cluster_store(const std::filesystem::path& data_dir) {
  auto folder = std::filesystem::absolute(data_dir).lexically_normal();
  std::ostringstream name;
  name << "e2e_" << std::hex << std::hash<std::string>{}(folder.string());
  std::lock_guard lock(registry().mutex);
  if (registry().names.emplace(folder, name.str()).second) {
    psql("CREATE DATABASE " + name.str());  // may exist already (another process made it)
    if (trimmed(psql("SELECT 1 FROM pg_database WHERE datname = '" + name.str() + "'")) != "1")
      throw std::runtime_error("cannot create database " + name.str() + " on " + conninfo());
  }
  std::smatch port;
  std::string info = conninfo();
  if (!std::regex_search(info, port, std::regex("port=([0-9]+)")))
    throw std::runtime_error("no port in conninfo " + info);
  return "postgresql://og@127.0.0.1:" + port[1].str() + "/" + name.str();
}

void drop_cluster_stores_under(const std::filesystem::path& root) {
  if (!on_cluster()) return;
  auto prefix = std::filesystem::absolute(root).lexically_normal().string();
  std::lock_guard lock(registry().mutex);
  for (auto it = registry().names.begin(); it != registry().names.end();) {
    if (it->first.string().rfind(prefix, 0) == 0) {
      psql("DROP DATABASE IF EXISTS " + it->second + " WITH (FORCE)");
      it = registry().names.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace og::test
