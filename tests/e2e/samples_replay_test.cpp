// Replays samples/veloconnect/: one test per folder, each against a fresh real
// server (started with the folder's server.args), every request over HTTP in
// name order. Each answer must match the expected file in canonical form (see
// samples/README.md), come with HTTP 200 and the binding's media type, be
// valid against xsd/ when its ResponseCode is 200, and valid against the
// official XSDs whatever its ResponseCode (save the documented exception: an
// error in a response element that requires success content).
#include <cppunit/TestCase.h>
#include <cppunit/TestSuite.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "message/url_form.hpp"
#include "support/http_client.hpp"
#include "support/official_schema.hpp"
#include "support/sample_replay.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

namespace og::test {

namespace {

namespace fs = std::filesystem;
using samples::Binding;

fs::path samples_root() {
  return fs::path(OG_SOURCE_DIR) / "samples" / "veloconnect";
}

using og::message::trim;

// The official set compiled once for every folder (nullptr: reference copy
// not found, not checked).
xmlSchemaPtr official_schema() {
  static TempDir dir;
  static OfficialSchema schema;
  static bool loaded = false;
  if (!loaded) {
    loaded = true;
    if (auto official = official_dir()) load_official(*official, dir.path(), schema);
  }
  return schema.schema;
}

// README, "Protocol decisions", Errors: the response elements whose type
// requires success content an error answer cannot give.
bool content_required(const std::string& element) {
  for (const char* e : {"GetItemDetailsResponse", "GetItemDetailsListResponse", "GetClassificationSchemeResponse"})
    if (element == e) return true;
  return false;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

HttpReply send(HttpClient& client, const samples::Sample& sample, const std::string& body) {
  const std::string path = "/veloconnect";
  switch (sample.binding) {
    case Binding::UrlGet: {
      std::string query = trim(body);
      if (!query.empty() && query.front() == '?') query.erase(0, 1);
      return client.get(path + "?" + query);
    }
    case Binding::UrlPost: return client.post(path, trim(body), "application/x-www-form-urlencoded");
    case Binding::XmlPost: return client.post(path, body, "application/xml");
    case Binding::Soap11:
      return client.post(path, body, "text/xml; charset=utf-8",
                         {{"SOAPAction", "\"" + samples::soap_action(body) + "\""}});
    case Binding::Soap12:
      return client.post(path, body,
                         "application/soap+xml; charset=utf-8; action=\"" + samples::soap_action(body) + "\"");
  }
  return {};
}

// One folder of samples: a scenario against its own fresh server.
class FolderReplay : public CppUnit::TestCase {
 public:
  explicit FolderReplay(fs::path folder)
      : CppUnit::TestCase("SamplesReplayTest::" + folder.filename().string()), folder_(std::move(folder)) {}

  void runTest() override {
    auto all = samples::samples_in(folder_);
    CPPUNIT_ASSERT_MESSAGE("no samples in " + folder_.string(), !all.empty());
    TempDir dir;
    ServerProcess server(dir.path() / "data", samples::server_args(folder_).value_or(std::vector<std::string>{}));
    HttpClient client("127.0.0.1", server.port());
    samples::Captures captures;
    samples::Normalizer expected_side, actual_side;
    std::ostringstream failures;
    int failed = 0;
    bool shown_whole = false;
    const std::string where = folder_.filename().string() + "/";
    for (const auto& sample : all) {
      std::string label = where + sample.request.filename().string();
      std::vector<std::string> problems;
      std::string body;
      try {
        body = captures.substitute(samples::read_file(sample.request), sample);
      } catch (const std::exception& e) {
        failures << "FAIL " << label << "\n  " << e.what() << "\n";
        ++failed;
        continue;
      }
      HttpReply reply = send(client, sample, body);
      captures.remember(sample, reply.body);
      if (reply.status != 200) problems.push_back("HTTP status " + std::to_string(reply.status) + ", expected 200");
      std::string content_type = reply.headers["content-type"];
      std::string media = trim(content_type.substr(0, content_type.find(';')));
      for (auto& c : media) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (media != samples::answer_media_type(sample.binding))
        problems.push_back("Content-Type '" + content_type + "', expected " +
                           samples::answer_media_type(sample.binding));
      auto actual = actual_side.render(reply.body);
      if (!fs::exists(sample.response)) {
        problems.push_back("no expected answer " + sample.response.filename().string() +
                           " (samples/replay --update records it)");
      } else {
        auto expected = expected_side.render(samples::read_file(sample.response));
        if (expected != actual) {
          std::string text =
              "answer differs from the expected one:\n" +
              samples::diff_lines(expected, actual, where + sample.response.filename().string(), "answer to " + label);
          // The whole of both for the first difference; later ones show the diff only.
          if (!shown_whole) text += "expected (canonical):\n" + join(expected) + "actual (canonical):\n" + join(actual);
          shown_whole = true;
          problems.push_back(text);
        }
      }
      std::string code = samples::envelope_facts(reply.body).response_code.value_or("");
      if (code == "200") {
        std::string invalid = validate_against_project_xsd(reply.body);
        if (!invalid.empty()) problems.push_back("answer with ResponseCode 200 is not valid against xsd/: " + invalid);
      }
      // Every Veloconnect answer (not SOAP's own faults) against the standard's XSDs.
      bool veloconnect = payload_namespace(reply.body).starts_with("urn:veloconnect:");
      if (official_schema() && veloconnect && (code == "200" || !content_required(payload_name(reply.body)))) {
        std::string invalid = official_errors(official_schema(), reply.body);
        if (!invalid.empty()) problems.push_back("answer is not valid against the official XSDs: " + invalid);
      }
      if (!problems.empty()) {
        ++failed;
        failures << "FAIL " << label << "\n";
        for (const auto& p : problems) failures << "  " << p << "\n";
      }
    }
    if (failed > 0)
      CPPUNIT_FAIL(std::to_string(failed) + " of " + std::to_string(all.size()) + " samples in " + where +
                   " failed:\n" + failures.str());
  }

 private:
  fs::path folder_;
};

class SamplesReplayFactory : public CppUnit::TestFactory {
 public:
  CppUnit::Test* makeTest() override {
    auto* suite = new CppUnit::TestSuite("SamplesReplayTest");
    for (const auto& folder : samples::folders_in(samples_root())) suite->addTest(new FolderReplay(folder));
    return suite;
  }
};

struct RegisterSamplesReplay {
  RegisterSamplesReplay() {
    static SamplesReplayFactory factory;
    CppUnit::TestFactoryRegistry::getRegistry().registerFactory(&factory);
  }
} register_samples_replay;

}  // namespace

}  // namespace og::test
