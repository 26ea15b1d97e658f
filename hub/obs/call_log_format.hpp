// SPDX-License-Identifier: GPL-2.0-or-later
// call_record -> one JSON line. Hand-written rather than nlohmann::json because
// it runs once per call on the writer thread and builds no intermediate tree.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hub/obs/call_record.hpp"

namespace tidnav::obs {

struct format_options {
  bool redact_personal_ids = true;
  // Longer string fields are cut (at a UTF-8 boundary) and end in "...": a log
  // line stays a log line whatever a caller puts in `detail`.
  std::size_t max_field_bytes = 512;
};

std::string_view event_name(call_event e) noexcept;

// "2025-01-31T12:00:00.123Z"
void append_rfc3339_utc_ms(std::string& out, std::chrono::system_clock::time_point t);

// Appends `s` as a JSON string (with quotes); invalid UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view s);

// Appends the record as one JSON object followed by '\n'.
void append_call_record(std::string& out, const call_record& r, const format_options& options);

// {"ts":...,"event":"log_dropped","count":N} followed by '\n'.
void append_dropped_line(std::string& out, std::chrono::system_clock::time_point t, std::uint64_t count);

}  // namespace tidnav::obs
