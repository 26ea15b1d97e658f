// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Validity windows of routes and permissions. Both ends are inclusive, as in
// the platform (from <= now <= to). Nothing here reads a clock: callers pass
// `now`, so every lookup is a pure function and tests need no fake clock.

#include <chrono>

namespace tidnav::core {

using instant = std::chrono::sys_time<std::chrono::milliseconds>;

/// Converts a clock reading to the resolution the tables use.
inline instant to_instant(std::chrono::system_clock::time_point tp) noexcept {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(tp);
}

struct validity {
  instant from = instant::min();
  instant to = instant::max();

  constexpr bool contains(instant now) const noexcept { return from <= now && now <= to; }
  constexpr bool empty() const noexcept { return to < from; }

  friend bool operator==(const validity&, const validity&) = default;
};

}  // namespace tidnav::core
