// Base for wire tests: a fresh data folder and a real server per test, and a
// keep-alive client connected to it.
#pragma once
#include <cppunit/TestFixture.h>

#include <memory>
#include <string>
#include <vector>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class ServerFixture : public CppUnit::TestFixture {
 public:
  void setUp() override {
    dir_ = std::make_unique<TempDir>();
    server_ = std::make_unique<ServerProcess>(dir_->path() / "data", server_args());
    client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
  }
  void tearDown() override {
    client_.reset();
    server_.reset();
    dir_.reset();
  }

 protected:
  virtual std::vector<std::string> server_args() const { return {}; }

  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

}  // namespace og::test
