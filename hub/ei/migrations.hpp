// SPDX-License-Identifier: GPL-2.0-or-later
// Versioned schema changes, recorded in schema_migrations. A migration is never
// edited once released: a change of schema is a new entry at the end.
#pragma once

#include <span>
#include <string_view>

namespace tidnav::ei {

class sqlite_connection;

struct migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const migration> all_migrations();

// Applies every migration newer than the database, each in its own
// transaction, and returns the resulting version. Refuses (store_error) a
// database written by a newer tidnav: its schema is unknown here.
int migrate(sqlite_connection& conn);

int current_version(sqlite_connection& conn);

}  // namespace tidnav::ei
