// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/engagement.hpp"

namespace tidnav::ei {

std::string_view to_string(change_outcome o) noexcept {
  switch (o) {
    case change_outcome::inserted: return "inserted";
    case change_outcome::updated: return "updated";
    case change_outcome::deleted: return "deleted";
    case change_outcome::unchanged: return "unchanged";
  }
  return "unknown";
}

}  // namespace tidnav::ei
