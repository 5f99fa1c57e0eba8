// Replays samples/srm/ and samples/eprocurement/ with samples/replay (the tool
// integration engineers use, and the one definition of how answers are
// normalised): one test per folder, each against a fresh real server, so the
// recorded answers, HTTP statuses and media types stay what the server says.
#include <cppunit/TestCase.h>
#include <cppunit/TestSuite.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

namespace {

namespace fs = std::filesystem;

// samples/<face>/<folder> replayed by the tool against a fresh server.
class ToolFolderReplay : public CppUnit::TestCase {
 public:
  ToolFolderReplay(std::string fixture, std::string face, std::string folder)
      : CppUnit::TestCase(fixture + "::" + folder), face_(std::move(face)), folder_(std::move(folder)) {}

  void runTest() override {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    const std::string log = (dir.path() / "replay.log").string();
    std::string cmd = "/usr/bin/python3 " + std::string(OG_SOURCE_DIR) + "/samples/replay --url " + server.url() + " " +
                      face_ + "/" + folder_ + " > " + log + " 2>&1";
    int status = std::system(cmd.c_str());
    if (status != 0) {
      std::string cat = "cat " + log + " >&2";
      [[maybe_unused]] int ignored = std::system(cat.c_str());
    }
    CPPUNIT_ASSERT_EQUAL_MESSAGE(cmd, 0, status);
  }

 private:
  std::string face_;
  std::string folder_;
};

// One suite per face: every folder of samples/<face>/.
class ToolSamplesFactory : public CppUnit::TestFactory {
 public:
  ToolSamplesFactory(std::string fixture, std::string face) : fixture_(std::move(fixture)), face_(std::move(face)) {}

  CppUnit::Test* makeTest() override {
    auto* suite = new CppUnit::TestSuite(fixture_);
    std::vector<std::string> folders;
    for (const auto& e : fs::directory_iterator(fs::path(OG_SOURCE_DIR) / "samples" / face_))
      if (e.is_directory()) folders.push_back(e.path().filename().string());
    std::sort(folders.begin(), folders.end());
    for (const auto& f : folders) suite->addTest(new ToolFolderReplay(fixture_, face_, f));
    return suite;
  }

 private:
  std::string fixture_;
  std::string face_;
};

struct RegisterToolSamples {
  RegisterToolSamples() {
    static ToolSamplesFactory srm("SrmSamples", "srm");
    static ToolSamplesFactory eproc("EprocSamples", "eprocurement");
    CppUnit::TestFactoryRegistry::getRegistry().registerFactory(&srm);
    CppUnit::TestFactoryRegistry::getRegistry().registerFactory(&eproc);
  }
} register_tool_samples;

}  // namespace

}  // namespace og::test
