// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// xs:dateTime as TAK exports it ("2013-08-09T13:25:24.260+02:00", zone optional),
// plus a bare xs:date for hand-written configuration.

#include <optional>
#include <string_view>

#include "hub/core/validity.hpp"

namespace tidnav::core {

struct xs_datetime {
  instant value;           ///< UTC; a value without zone is read as if it were UTC
  bool has_zone = false;   ///< false: "local time, zone unknown"
  bool date_only = false;  ///< "2025-01-31": the whole day
};

/// Parses YYYY-MM-DD[Thh:mm:ss[.fff...]][Z|(+|-)hh:mm]. Fractions beyond
/// milliseconds are truncated. Returns nullopt for anything else.
std::optional<xs_datetime> parse_xs_datetime(std::string_view text) noexcept;

/// Builds a validity window from parsed bounds (nullopt = open end).
///
/// A date-only upper bound covers its whole day. A bound without zone is
/// widened by 14 hours outwards: the platform compares zone-less TAK values
/// with a zoned "now" through XMLGregorianCalendar.compare, which answers
/// INDETERMINATE within +-14 h, and INDETERMINATE counts as valid there.
validity make_validity(const std::optional<xs_datetime>& from,
                       const std::optional<xs_datetime>& to) noexcept;

}  // namespace tidnav::core
