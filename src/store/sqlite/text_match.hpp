// Substring search on the items' text, the same on SQLite as on PostgreSQL:
// every term must occur in one of the indexed columns, letters compared
// without case (Unicode case folding, so "ÖL" finds "Öl"). The trigram index
// only narrows the rows down (it keeps no positions, see migration 17);
// og_has_text() decides on the rows it leaves.
#pragma once
#include <sqlite3.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace og::store::sqlite {

// The text with every character case-folded (ICU's simple folding, as FTS5's
// trigram tokenizer folds); bytes that are not UTF-8 stay as they are.
std::string fold_case(std::string_view text);

// The distinct three-character sequences of a term (characters, not bytes),
// at most `limit` of them, spread over the term: the row must contain each.
std::vector<std::string> trigrams(std::string_view term, std::size_t limit);

// Makes og_has_text(folded_term, column...) known to the connection: 1 when
// one of the columns (NULLs never match) contains the already folded term.
void register_text_match(sqlite3* db);

}  // namespace og::store::sqlite
