// Runs every registered CppUnit suite (or those named on the command line);
// exit status 1 when anything failed.
#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <csignal>
#include <iostream>
#include <string>

#include <cppunit/Exception.h>
#include <cppunit/Message.h>
#include <cppunit/TestListener.h>

#include "message/schema_set.hpp"
#include "support/server_process.hpp"

namespace {

// The test (suite or method) called `name`, with or without the namespace
// CppUnit puts in front ("TransactionTest::rollback_ends_the_instance").
CppUnit::Test* find(CppUnit::Test* test, const std::string& name) {
  std::string own = test->getName();
  if (own.rfind("og::test::", 0) == 0) own = own.substr(10);
  if (own == name) return test;
  for (int i = 0; i < test->getChildTestCount(); ++i)
    if (CppUnit::Test* found = find(test->getChildTestAt(i), name)) return found;
  return nullptr;
}

// Turns what a test's servers did wrong into a failure of that test.
class ServerProblems : public CppUnit::TestListener {
 public:
  explicit ServerProblems(CppUnit::TestResult& result) : result_(result) {}
  void endTest(CppUnit::Test* test) override {
    auto& problems = og::test::server_problems();
    for (const auto& p : problems) result_.addFailure(test, new CppUnit::Exception(CppUnit::Message(p)));
    problems.clear();
  }

 private:
  CppUnit::TestResult& result_;
};

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  og::message::init_xml();
  CppUnit::TestResult controller;
  CppUnit::TestResultCollector result;
  controller.addListener(&result);
  CppUnit::BriefTestProgressListener progress;
  controller.addListener(&progress);
  ServerProblems servers(controller);
  controller.addListener(&servers);
  CppUnit::TestRunner runner;
  CppUnit::Test* all = CppUnit::TestFactoryRegistry::getRegistry().makeTest();
  runner.addTest(all);
  CppUnit::Test* chosen = all;
  if (argc > 1 && !(chosen = find(all, argv[1]))) {
    std::cerr << "no such test: " << argv[1] << "\n";
    return 2;
  }
  runner.run(controller, chosen == all ? std::string() : chosen->getName());
  CppUnit::CompilerOutputter(&result, std::cerr).write();
  return result.wasSuccessful() ? 0 : 1;
}
