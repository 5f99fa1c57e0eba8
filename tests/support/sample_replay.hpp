// The samples/veloconnect/ conventions, shared with samples/replay (Python):
// which binding a request file uses, the {{TransactionID}} placeholders, and
// the canonical form answers are compared in. See samples/README.md.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace og::test::samples {

enum class Binding { XmlPost, UrlGet, UrlPost, Soap11, Soap12 };

struct Sample {
  std::filesystem::path request;   // .../010-get-profile.request.xml
  std::filesystem::path response;  // .../010-get-profile.response.xml
  std::string stem;                // 010-get-profile
  std::string name;                // get-profile
  Binding binding;
};

// The binding a request file's name ends in, if it is a request file.
std::optional<Binding> binding_of(const std::string& filename);
const char* binding_name(Binding binding);
// The media type every answer in this binding must have.
const char* answer_media_type(Binding binding);

// The request files of a folder, in name order.
std::vector<Sample> samples_in(const std::filesystem::path& folder);
// Every sample folder under `root` (samples/veloconnect), in name order.
std::vector<std::filesystem::path> folders_in(const std::filesystem::path& root);
// The extra server arguments of a folder (its server.args file), if any.
std::optional<std::vector<std::string>> server_args(const std::filesystem::path& folder);

// "urn:veloconnect:<Operation>" from the first element in a SOAP Body.
std::string soap_action(const std::string& body);

std::string read_file(const std::filesystem::path& path);

// {{TransactionID}} and {{TransactionID:name}}.
class Captures {
 public:
  // The request with its placeholders filled in; throws std::runtime_error
  // when a placeholder has no value yet.
  std::string substitute(const std::string& request, const Sample& sample) const;
  // Remembers the answer's TransactionID when its ResponseCode is 200.
  void remember(const Sample& sample, const std::string& answer);

 private:
  std::optional<std::string> last_;
  std::map<std::string, std::string> named_;
};

// ResponseCode and TransactionID (direct children of the payload), if any.
struct EnvelopeFacts {
  std::optional<std::string> response_code;
  std::optional<std::string> transaction_id;
};
EnvelopeFacts envelope_facts(const std::string& xml);

// The line-oriented canonical form (see samples/replay, class Normalizer).
// TransactionIDs are numbered in order of first appearance, so one Normalizer
// serves one side (expected or actual) of one folder.
class Normalizer {
 public:
  std::vector<std::string> render(const std::string& body);

 private:
  std::string value(const std::string& local, const std::string& text);
  std::map<std::string, int> transactions_;
};

// A unified-style diff of two line lists (three lines of context).
std::string diff_lines(const std::vector<std::string>& expected, const std::vector<std::string>& actual,
                       const std::string& expected_name, const std::string& actual_name);

}  // namespace og::test::samples
