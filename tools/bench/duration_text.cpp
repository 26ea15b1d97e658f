// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/duration_text.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace tidnav::bench {

std::chrono::nanoseconds parse_duration(std::string_view text) {
  double value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end == first) throw std::invalid_argument("not a duration: '" + std::string(text) + "'");
  const std::string_view unit(end, static_cast<std::size_t>(last - end));
  double scale = 0;
  if (unit.empty() || unit == "s") scale = 1e9;
  else if (unit == "ms") scale = 1e6;
  else if (unit == "us") scale = 1e3;
  else if (unit == "m") scale = 60e9;
  else throw std::invalid_argument("not a duration: '" + std::string(text) + "' (units: us, ms, s, m)");
  if (!std::isfinite(value) || value < 0 || value * scale > 1e18)
    throw std::invalid_argument("duration out of range: '" + std::string(text) + "'");
  return std::chrono::nanoseconds(std::llround(value * scale));
}

}  // namespace tidnav::bench
