// Many sellers on one server, with real data: the operator's commands
// (`ordergate seller|buyer|import|export`) against the same data folder a
// running server serves, and each seller's catalogue on its own path.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "support/command.hpp"
#include "support/http_client.hpp"
#include "support/official_schema.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string code_of(const HttpReply& r) {
  return first_text(r.body, "ResponseCode").value_or("?");
}

const char* kCatalog =
    "item_id;description;unit;price;rrp;stock;ean;manufacturer;manufacturer_item_id;next_delivery;replaced_by\n"
    "A-100;Disc brake rotor 160 mm;EA;12,50;24,90;7;4012345000017;ACME;R160;;\n"
    "A-200;Brake pads (pair);PK;8.00;;0;;ACME;BP2;2030-01-15;\n"
    "A-001;;;;;;;;;;A-100\n"
    "A-300;Broken row;EA;abc;;1;;;;;\n";

}  // namespace

class SellersTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SellersTest);
  CPPUNIT_TEST(a_second_seller_loaded_from_csv_serves_its_own_catalogue_on_its_own_path);
  CPPUNIT_TEST(stock_and_prices_change_while_the_server_runs);
  CPPUNIT_TEST(orders_go_out_for_the_erp);
  CPPUNIT_TEST(a_production_database_has_no_demo_passwords);
  CPPUNIT_TEST(a_seller_publishes_its_classification_and_classifies_its_items);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_second_seller_loaded_from_csv_serves_its_own_catalogue_on_its_own_path() {
    TempDir dir;
    auto data = dir.path() / "data";
    ServerProcess server(data);
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("seller add acme --name 'ACME Bikes'" + d).status);
    CPPUNIT_ASSERT_EQUAL(0, ordergate("buyer add D1 --seller acme --name 'Dealer One'" + d, "d1-pass").status);
    write_file(dir.path() / "items.csv", kCatalog);
    auto imported =
        ordergate("import catalog " + (dir.path() / "items.csv").string() + " --seller acme --delimiter ';'" + d);
    // The bad row is named and refused; the others are in.
    CPPUNIT_ASSERT(imported.status != 0);
    CPPUNIT_ASSERT_MESSAGE(imported.out,
                           imported.out.find("row 5: price 'abc' is not a decimal number") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(imported.out, imported.out.find("4 rows read, 3 written") != std::string::npos);

    HttpClient client("127.0.0.1", server.port());
    std::string acme = "/veloconnect/acme?BuyersID=D1&Password=d1-pass&RequestName=";
    auto profile = client.get(acme + "GetProfileRequest");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(profile));
    CPPUNIT_ASSERT_EQUAL(std::string("ACME Bikes"), first_text(profile.body, "SellerName").value_or(""));
    auto item = client.get(acme + "GetItemDetailsRequest&SellersItemIdentification=A-100&Quantity=2");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(item));
    CPPUNIT_ASSERT_EQUAL(std::string("Disc brake rotor 160 mm"), first_text(item.body, "Description").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("12.50"), first_text(item.body, "PriceAmount").value_or(""));
    auto replaced = client.get(acme + "GetItemDetailsRequest&SellersItemIdentification=A-001");
    CPPUNIT_ASSERT_EQUAL(1, count_elements(replaced.body, "RequestReplacement"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(item.body));

    // The same seller through /veloconnect and its SellersID.
    auto by_id = client.get(
        "/veloconnect?BuyersID=D1&Password=d1-pass&SellersID=acme&RequestName=GetItemDetailsRequest"
        "&SellersItemIdentification=A-200");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(by_id));
    // Catalogues and buyers do not mix: the demo seller has no A-100, acme has no demo buyer.
    auto demo = client.get(
        "/veloconnect?BuyersID=B127645&Password=secret&RequestName=GetItemDetailsRequest&SellersItemIdentification=A-"
        "100");
    CPPUNIT_ASSERT_EQUAL(1, count_elements(demo.body, "ItemUnknown"));
    CPPUNIT_ASSERT_EQUAL(std::string("410"), code_of(client.get("/veloconnect/acme?BuyersID=B127645&Password=secret"
                                                                "&RequestName=GetProfileRequest")));
    // An unknown seller, by path or by SellersID: 415.
    CPPUNIT_ASSERT_EQUAL(
        std::string("415"),
        code_of(client.get("/veloconnect/nobody?BuyersID=D1&Password=d1-pass&RequestName=GetProfileRequest")));
    CPPUNIT_ASSERT_EQUAL(std::string("415"),
                         code_of(client.get("/veloconnect/acme?BuyersID=D1&Password=d1-pass&SellersID=other"
                                            "&RequestName=GetProfileRequest")));
    // Each seller's WSDL names its own address.
    auto wsdl = client.get("/veloconnect/acme?wsdl");
    CPPUNIT_ASSERT(wsdl.body.find("/veloconnect/acme\"") != std::string::npos);
    // An order at acme.
    auto order = client.get(acme + "CreateOrderRequest&Quantity.A-100=2");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(order));
  }

  void stock_and_prices_change_while_the_server_runs() {
    TempDir dir;
    auto data = dir.path() / "data";
    ServerProcess server(data);
    std::string d = " --data " + data.string();
    write_file(dir.path() / "stock.csv",
               "item_id,stock,next_delivery\n200300156,250,\nNOPE,1,\n52090311600,0,2030-02-01\n");
    write_file(dir.path() / "prices.csv", "item_id,price,rrp\n200300156,5.10,9.99\n");
    auto stock = ordergate("import stock " + (dir.path() / "stock.csv").string() + d);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(stock.out, 0, stock.status);
    CPPUNIT_ASSERT_MESSAGE(stock.out, stock.out.find("1 for items the seller does not have") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(0, ordergate("import prices " + (dir.path() / "prices.csv").string() + d).status);
    HttpClient client("127.0.0.1", server.port());
    // The demo's inner tube had 3 in stock: 100 are now available, at the new price.
    auto item = client.get(
        "/veloconnect?BuyersID=B127645&Password=secret&RequestName=GetItemDetailsRequest"
        "&SellersItemIdentification=200300156&Quantity=100");
    CPPUNIT_ASSERT_EQUAL(std::string("5.10"), first_text(item.body, "PriceAmount").value_or(""));
    CPPUNIT_ASSERT_EQUAL(std::string("available"), first_text(item.body, "Code").value_or(""));
  }

  void orders_go_out_for_the_erp() {
    TempDir dir;
    auto data = dir.path() / "data";
    ServerProcess server(data);
    HttpClient client("127.0.0.1", server.port());
    std::string base = "/veloconnect?BuyersID=B127645&Password=secret&RequestName=";
    auto order = client.get(base + "CreateOrderRequest&Quantity.200600221=2&Quantity.52090311600=3");
    std::string tid = first_text(order.body, "TransactionID").value_or("");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(client.get(base + "FinishOrderRequest&TransactionID=" + tid)));
    auto csv = ordergate("export orders --since 2000-01-01 --data " + data.string());
    CPPUNIT_ASSERT_EQUAL_MESSAGE(csv.out, 0, csv.status);
    CPPUNIT_ASSERT(csv.out.find("order_id,order_number,transaction_id") != std::string::npos);
    CPPUNIT_ASSERT(csv.out.find("OG-00000001,1," + tid + ",B127645") != std::string::npos);
    CPPUNIT_ASSERT(csv.out.find(",200600221,2,EA,19.95,EUR") != std::string::npos);
    CPPUNIT_ASSERT(csv.out.find("exported 1 orders, 2 lines") != std::string::npos);
    auto json = ordergate("export orders --format json --since 2000-01-01 --data " + data.string());
    CPPUNIT_ASSERT(json.out.find("\"order_id\":\"OG-00000001\"") != std::string::npos);
    // Nothing since a later time.
    auto none = ordergate("export orders --since 2999-01-01 --data " + data.string());
    CPPUNIT_ASSERT(none.out.find("exported 0 orders") != std::string::npos);
  }

  void a_seller_publishes_its_classification_and_classifies_its_items() {
    TempDir dir;
    auto data = dir.path() / "data";
    std::string d = " --data " + data.string();
    CPPUNIT_ASSERT_EQUAL(0, ordergate("seller add velo --name 'Velo Parts'" + d).status);
    CPPUNIT_ASSERT_EQUAL(0, ordergate("buyer add V1 --seller velo" + d, "v1-pass").status);
    write_file(dir.path() / "groups.csv",
               "scheme_id,group_id,parent_id,description\n"
               "parts,10,,Brakes\nparts,1010,10,Disc rotors\nparts,20,,\nsizes,L,,Large\n");
    auto groups = ordergate("import classification " + (dir.path() / "groups.csv").string() + " --seller velo" + d);
    CPPUNIT_ASSERT(groups.status != 0);
    CPPUNIT_ASSERT_MESSAGE(groups.out, groups.out.find("row 4: description is empty") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(groups.out, groups.out.find("4 rows read, 3 written") != std::string::npos);
    write_file(dir.path() / "items.csv",
               "item_id,description,price,classification\n"
               "R-160,Disc rotor 160 mm,12.50,parts:1010|sizes:L\n"
               "R-999,Rotor without colon,9.00,1010\n");
    auto items = ordergate("import catalog " + (dir.path() / "items.csv").string() + " --seller velo" + d);
    CPPUNIT_ASSERT(items.status != 0);
    CPPUNIT_ASSERT_MESSAGE(items.out,
                           items.out.find("row 3: classification '1010' is not scheme:group") != std::string::npos);

    ServerProcess server(data);
    HttpClient client("127.0.0.1", server.port());
    std::string velo = "/veloconnect/velo?BuyersID=V1&Password=v1-pass&RequestName=";
    auto profile = client.get(velo + "GetProfileRequest");
    CPPUNIT_ASSERT_MESSAGE(profile.body, profile.body.find(">GetClassificationScheme<") != std::string::npos);
    auto scheme = client.get(velo + "GetClassificationSchemeRequest");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(scheme));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(scheme.body, "ClassificationScheme"));
    CPPUNIT_ASSERT_EQUAL(3, count_elements(scheme.body, "ClassificationSchemeGroup"));
    CPPUNIT_ASSERT_EQUAL(std::string("10"), first_text(scheme.body, "ParentID").value_or(""));
    auto item = client.get(velo + "GetItemDetailsRequest&SellersItemIdentification=R-160");
    CPPUNIT_ASSERT_EQUAL(std::string("200"), code_of(item));
    CPPUNIT_ASSERT_EQUAL(2, count_elements(item.body, "ClassificationGroupMember"));
    CPPUNIT_ASSERT_EQUAL(std::string("1010"), first_text(item.body, "GroupID").value_or(""));
    // The first group is the primary one (the attribute's default), the second is not.
    CPPUNIT_ASSERT_MESSAGE(
        item.body, item.body.find("primaryGroup=\"false\"><vcc:ClassificationSchemeID>sizes<") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(item.body));
    CPPUNIT_ASSERT_EQUAL(std::string(""), validate_against_project_xsd(scheme.body));
    if (auto official = official_dir()) {
      OfficialSchema s;
      load_official(*official, dir.path() / "official", s);
      CPPUNIT_ASSERT(s.schema);
      CPPUNIT_ASSERT_EQUAL(std::string(""), official_errors(s.schema, item.body));
      CPPUNIT_ASSERT_EQUAL(std::string(""), official_errors(s.schema, scheme.body));
    } else {
      std::cout << "official XSDs not found: official validity not checked\n";
    }
  }

  void a_production_database_has_no_demo_passwords() {
    TempDir dir;
    auto data = dir.path() / "data";
    ServerProcess server(data, {"--no-demo"});
    HttpClient client("127.0.0.1", server.port());
    auto profile = client.get("/veloconnect?BuyersID=B127645&Password=secret&RequestName=GetProfileRequest");
    CPPUNIT_ASSERT_EQUAL(std::string("410"), code_of(profile));
    // An operator adds the buyers.
    CPPUNIT_ASSERT_EQUAL(0, ordergate("buyer add B1 --data " + data.string(), "pw-1").status);
    CPPUNIT_ASSERT_EQUAL(std::string("200"),
                         code_of(client.get("/veloconnect?BuyersID=B1&Password=pw-1&RequestName=GetProfileRequest")));
    CPPUNIT_ASSERT_EQUAL(0, ordergate("buyer remove B1 --data " + data.string()).status);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SellersTest);

}  // namespace og::test
