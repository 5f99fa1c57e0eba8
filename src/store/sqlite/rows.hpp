// The shared row readers (sql/rows.hpp), by the names the SQLite tables use.
#pragma once
#include "store/sql/rows.hpp"

namespace og::store::sqlite {

using sql::decimal_column;
using sql::decode_groups;
using sql::encode_groups;
using sql::kind_code;
using sql::kItemColumns;
using sql::read_item;
using sql::read_transaction;

}  // namespace og::store::sqlite
