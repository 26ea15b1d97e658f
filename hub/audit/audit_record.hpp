// SPDX-License-Identifier: GPL-2.0-or-later
// One access to a person's data through the hub, as patientdatalagen (PDL,
// 4 kap. 3 §) wants it documented: who, whose data, where, when, how it went.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::audit {

/// Who made the call that the record describes.
inline constexpr std::string_view channel_consumer = "consumer";  ///< a consumer's own call
inline constexpr std::string_view channel_platform = "platform";  ///< a unit call the hub made for a consumer (aggregation)
inline constexpr std::string_view channel_operator = "operator";  ///< an operator's look at the dashboard's citizen view

struct audit_record {
  std::int64_t at_ms = 0;             ///< Unix time, milliseconds, when the call finished
  std::string correlation_id;         ///< x-skltp-correlation-id: joins the record to the call log
  std::string consumer;               ///< HSA-id of the caller (certificate or trusted sender id)
  std::string original_consumer;      ///< x-rivta-original-serviceconsumer-hsaid, else the consumer
  std::string contract;               ///< contract namespace
  std::string operation;              ///< "GetAppointments"
  std::string person;                 ///< normalised (see normalize_person); "" when the request names no one
  std::vector<std::string> care_units;  ///< the logical address; for aggregated calls the units called
  std::string outcome;                ///< "ok", "producer_fault" or the VP code
  std::string channel{channel_consumer};
};

struct audit_query {
  std::string person;  ///< normalised by the store; empty = everyone (operators' own tooling)
  std::optional<std::int64_t> from_ms;  ///< inclusive
  std::optional<std::int64_t> to_ms;    ///< exclusive
  std::size_t limit = 100000;
};

/// A personnummer or samordningsnummer in the 12-digit form the contracts use:
/// "19121212-1212" -> "191212121212"; "121212-1212" -> "201212121212" or
/// "191212121212" by Skatteverket's rule (a '+' means 100 years or older),
/// relative to `today_year`. Anything else is returned trimmed, unchanged
/// (reservnummer and other identifiers are stored as sent).
std::string normalize_person(std::string_view id, int today_year);
std::string normalize_person(std::string_view id);  ///< relative to the current year

std::int64_t to_unix_ms(std::chrono::system_clock::time_point t) noexcept;

/// "2026-12-06T10:15:03.120Z"
std::string format_utc_ms(std::int64_t unix_ms);

/// "2026-12-06", "2026-12-06T10:15", "2026-12-06T10:15:03", "2026-12-06 10:15:03",
/// optionally ending in "Z" (UTC); without it the time is local (the hub runs
/// with TZ=Europe/Stockholm). A bare date is midnight. nullopt when unreadable.
std::optional<std::int64_t> parse_time_ms(std::string_view text);

}  // namespace tidnav::audit
