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

#include "message/schema_set.hpp"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  og::message::init_xml();
  CppUnit::TestResult controller;
  CppUnit::TestResultCollector result;
  controller.addListener(&result);
  CppUnit::BriefTestProgressListener progress;
  controller.addListener(&progress);
  CppUnit::TestRunner runner;
  runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());
  try {
    runner.run(controller, argc > 1 ? argv[1] : "");
  } catch (const std::exception& e) {
    std::cerr << "no such test: " << e.what() << "\n";
    return 2;
  }
  CppUnit::CompilerOutputter(&result, std::cerr).write();
  return result.wasSuccessful() ? 0 : 1;
}
