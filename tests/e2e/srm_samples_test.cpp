// Replays samples/srm/ with samples/replay (the tool integration engineers
// use): one test per folder, each against a fresh real server, so the
// recorded answers, HTTP statuses and media types stay what the server says.
#include <cppunit/TestCase.h>
#include <cppunit/TestSuite.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

namespace fs = std::filesystem;

class SrmFolderReplay : public CppUnit::TestCase {
 public:
  explicit SrmFolderReplay(std::string folder) : CppUnit::TestCase("SrmSamples::" + folder), folder_(folder) {}

  void runTest() override {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    const std::string log = (dir.path() / "replay.log").string();
    std::string cmd = "/usr/bin/python3 " + std::string(OG_SOURCE_DIR) + "/samples/replay --url " + server.url() +
                      " srm/" + folder_ + " > " + log + " 2>&1";
    int status = std::system(cmd.c_str());
    if (status != 0) {
      std::string cat = "cat " + log + " >&2";
      [[maybe_unused]] int ignored = std::system(cat.c_str());
    }
    CPPUNIT_ASSERT_EQUAL_MESSAGE(cmd, 0, status);
  }

 private:
  std::string folder_;
};

class SrmSamplesFactory : public CppUnit::TestFactory {
 public:
  CppUnit::Test* makeTest() override {
    auto* suite = new CppUnit::TestSuite("SrmSamples");
    std::vector<std::string> folders;
    for (const auto& e : fs::directory_iterator(fs::path(OG_SOURCE_DIR) / "samples" / "srm"))
      if (e.is_directory()) folders.push_back(e.path().filename().string());
    std::sort(folders.begin(), folders.end());
    for (const auto& f : folders) suite->addTest(new SrmFolderReplay(f));
    return suite;
  }
};

struct RegisterSrmSamples {
  RegisterSrmSamples() {
    static SrmSamplesFactory factory;
    CppUnit::TestFactoryRegistry::getRegistry().registerFactory(&factory);
  }
} register_srm_samples;

}  // namespace

}  // namespace og::test
