// SPDX-License-Identifier: GPL-2.0-or-later
// Durations on the command line: "10s", "500ms", "1.5s", "2m", "250us"; a bare number
// is seconds.
#pragma once

#include <chrono>
#include <string_view>

namespace tidnav::bench {

// Throws std::invalid_argument for anything else, and for negative values.
std::chrono::nanoseconds parse_duration(std::string_view text);

}  // namespace tidnav::bench
