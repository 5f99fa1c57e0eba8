#include "store/sqlite/text_match.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "store/sqlite/connection.hpp"

namespace og::store::sqlite {

namespace {

void append_folded(std::string_view text, std::string& out) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      // Most catalogue text is ASCII: no decoding for it.
      char c = static_cast<char>(s[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
      continue;
    }
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buffer[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

void has_text(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc < 1) return sqlite3_result_int(context, 0);
  auto* term = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (!term) return sqlite3_result_int(context, 0);
  std::string_view needle(term, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
  // One buffer per thread: the function runs once per candidate row.
  thread_local std::string folded;
  for (int column = 1; column < argc; ++column) {
    auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[column]));
    if (!text) continue;
    folded.clear();
    append_folded({text, static_cast<std::size_t>(sqlite3_value_bytes(argv[column]))}, folded);
    if (folded.find(needle) != std::string::npos) return sqlite3_result_int(context, 1);
  }
  sqlite3_result_int(context, 0);
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_folded(text, out);
  return out;
}

std::vector<std::string> trigrams(std::string_view term, std::size_t limit) {
  // Where each character starts (continuation bytes are 10xxxxxx).
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < term.size(); ++i)
    if ((static_cast<unsigned char>(term[i]) & 0xC0) != 0x80) starts.push_back(i);
  std::vector<std::string> all;
  for (std::size_t k = 0; k + 3 <= starts.size(); ++k) {
    std::size_t end = k + 3 < starts.size() ? starts[k + 3] : term.size();
    std::string t(term.substr(starts[k], end - starts[k]));
    if (std::find(all.begin(), all.end(), t) == all.end()) all.push_back(std::move(t));
  }
  if (limit < 2 || all.size() <= limit) return all;
  // Evenly over the term, its first and last trigram included.
  std::vector<std::string> out;
  for (std::size_t k = 0; k < limit; ++k) out.push_back(all[k * (all.size() - 1) / (limit - 1)]);
  return out;
}

void register_text_match(sqlite3* db) {
  if (sqlite3_create_function_v2(db, "og_has_text", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                 has_text, nullptr, nullptr, nullptr) != SQLITE_OK)
    fail(db, "register og_has_text");
}

}  // namespace og::store::sqlite
