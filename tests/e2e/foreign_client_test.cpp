// Clients nobody here wrote: zeep (python3-zeep from Debian) reads the served
// WSDLs: it orders through Veloconnect and handles SRM shopping carts, over
// SOAP 1.1 and 1.2.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>

#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace og::test {

class ForeignClientTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ForeignClientTest);
  CPPUNIT_TEST(zeep_orders_through_the_served_wsdl);
  CPPUNIT_TEST(zeep_creates_reads_releases_and_cancels_srm_carts);
  CPPUNIT_TEST_SUITE_END();

 public:
  void zeep_orders_through_the_served_wsdl() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    // Debian's interpreter: python3-zeep installs there, whatever else is on PATH.
    std::string cmd =
        "/usr/bin/python3 " + std::string(OG_SOURCE_DIR) + "/tests/clients/veloconnect_zeep.py " + server.url();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(cmd, 0, std::system(cmd.c_str()));
  }

  void zeep_creates_reads_releases_and_cancels_srm_carts() {
    TempDir dir;
    ServerProcess server(dir.path() / "data");
    std::string cmd = "/usr/bin/python3 " + std::string(OG_SOURCE_DIR) + "/tests/clients/srm_zeep.py " +
                      server.url("/srm/InternalRequest");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(cmd, 0, std::system(cmd.c_str()));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ForeignClientTest);

}  // namespace og::test
