// SPDX-License-Identifier: GPL-2.0-or-later
// What both FHIR change sources (Millennium, Cosmic) share: the search
// `Appointment?_lastUpdated=gt<W>&_sort=_lastUpdated&_count=N`, millisecond
// instants, and the page loop that follows Bundle.link[next] (never building
// page URLs ourselves, never leaving the service root with the token).
#pragma once

#include "adapters/core/change_source.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::fhir {

// "2026-12-06T22:53:49.123Z"
std::string fhir_instant_ms(change_time t);
// Any FHIR instant (offsets, 0-9 fraction digits), to the millisecond.
std::optional<change_time> parse_fhir_instant_ms(std::string_view text);

// The query string (no leading '?') of the change search.
std::string change_query(change_time since, std::size_t page_size);

// Bundle.link[relation=next].url, or "".
std::string bundle_next(const nlohmann::json& bundle);

// The statuses whose booking is gone: its EI post must be deleted.
bool removed_status(std::string_view status);

// A changed Appointment's id, status, removed flag and meta.lastUpdated (to the
// millisecond). Without lastUpdated it is a bad answer: the watermark could
// never pass it, and the search promised one.
booking_result<booking_change> change_of(const nlohmann::json& appointment);

// One page: GET `path_query` (relative to the service root) → the Bundle.
using page_fetch = std::function<booking_result<nlohmann::json>(const std::string& path_query)>;
// The Appointments of one page → changes (a resource that is not ours may be skipped).
using page_read = std::function<booking_result<std::vector<booking_change>>(const std::vector<nlohmann::json>&)>;

// Pages through the change search from `first` (relative), at most `max_pages`
// pages; `base_url` is the service root a next link must stay under.
booking_result<std::size_t> page_changes(const std::string& base_url, const std::string& first,
                                         std::size_t max_pages, const page_fetch& fetch, const page_read& read,
                                         const std::function<bool(std::vector<booking_change>&)>& on_page);

}  // namespace tidnav::adapters::fhir
