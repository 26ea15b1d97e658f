// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Unit answers for the aggregation tests and benchmark, made from the
// contracts' own fixture responses: the first item is the template, copied
// once per booking with its ids, unit and times changed. No Catch2 here, so the
// benchmark can use it too.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/core/aggregate_kind.hpp"

namespace tidnav::test {

/// tests/fixtures/<relative>, or throws.
std::string read_fixture(std::string_view relative);

/// The fixture request/response of a kind.
std::string request_fixture(core::aggregate_kind k);
std::string response_fixture(core::aggregate_kind k);

struct booking {
  std::string unit;   ///< HSA-id written into the item
  std::string id;     ///< bookingId / appointmentId / timeslotId; 1.1 free times: the performer
  std::string start;  ///< yyyyMMddHHmmss (ignored by GetAppointments 2.0, which has no time)
  std::string end = {};  ///< "" = same as start
};

/// A unit's 2xx answer of kind `k` holding `bookings`, in that order; indented
/// like the fixtures, or compact as JAXB/CXF producers write.
std::string make_answer(core::aggregate_kind k, const std::vector<booking>& bookings, bool indent = true);

/// `xml` with namespace prefixes renamed on elements, attributes and
/// declarations; renaming to "" moves that namespace to the default one.
std::string reprefix(std::string_view xml, const std::vector<std::pair<std::string, std::string>>& renames);

/// A start time `minutes` after 2026-03-01 08:00 (yyyyMMddHHmmss).
std::string ts_plus_minutes(int minutes);

/// A version-4-looking UUID derived from n (lower case).
std::string uuid_for(int n);

}  // namespace tidnav::test
