// The Veloconnect standard's own XSDs, read from the reference copy outside
// the repository (never copied in) and compiled into one schema, and
// validation of answers against it. The standard ships without the OASIS UBL
// 1.0 schemas it imports, so ordergate's UBL subset (xsd/ubl-*.xsd) and small
// stand-ins take their place: strict datatypes for what ordergate writes, lax
// ones (any content) for the UBL parts only the receipt/stock/sale modules
// use, whose answers ordergate gives without such content.
#pragma once
#include <libxml/xmlschemas.h>

#include <filesystem>
#include <optional>
#include <string>

namespace og::test {

// Where the official XSDs are (OG_OFFICIAL_XSD_DIR, ../shared/reference/
// veloconnect-xsd beside the repository, /work/shared/reference/...), if anywhere.
std::optional<std::filesystem::path> official_dir();

struct OfficialSchema {
  xmlSchemaPtr schema = nullptr;
  OfficialSchema() = default;
  OfficialSchema(const OfficialSchema&) = delete;
  OfficialSchema& operator=(const OfficialSchema&) = delete;
  ~OfficialSchema() {
    if (schema) xmlSchemaFree(schema);
  }
};

// Every module of the official set, written with its stand-ins into `dir`
// and compiled (s.schema stays nullptr if it does not compile).
void load_official(const std::filesystem::path& official, const std::filesystem::path& dir, OfficialSchema& s);

// Empty when `body`'s payload (the document root, or the SOAP Body's child)
// is valid against the official set, else libxml2's errors.
std::string official_errors(xmlSchemaPtr schema, const std::string& body);

}  // namespace og::test
