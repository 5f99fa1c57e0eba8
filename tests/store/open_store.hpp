// What the store contracts run against: a factory of store instances on the
// test's own database (SQLite file or PostgreSQL database).
#pragma once
#include <functional>
#include <memory>

#include "store/store.hpp"

namespace og::test::contract {

// A store on the test's database; each call another instance on the same one.
using OpenStore = std::function<std::unique_ptr<store::Store>()>;

}  // namespace og::test::contract
