// SPDX-License-Identifier: GPL-2.0-or-later
// Pluggable event log for hub/net: one JSON object per line, handed to a sink.
//
// Sinks are called concurrently from io threads, so they must be thread-safe and
// should not block (the default stderr sink does one write per line under a mutex).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace tidnav::net {

using log_sink = std::function<void(std::string_view line)>;

// JSON lines to stderr.
log_sink stderr_log_sink();
// Discards everything (benchmarks, noisy tests).
log_sink null_log_sink();

// Builds {"ts":"2025-01-01T12:00:00.123Z","level":"warn","event":"body_too_large",...}.
class log_line {
 public:
  log_line(std::string_view level, std::string_view event);

  log_line& str(std::string_view key, std::string_view value);
  log_line& num(std::string_view key, std::int64_t value);
  log_line& boolean(std::string_view key, bool value);

  // Closes the object and passes it to `sink` (no-op for an empty sink).
  void emit(const log_sink& sink);
  // The finished line, for tests.
  std::string finish();

 private:
  void key(std::string_view k);
  std::string buf_;
};

// Appends `s` JSON-escaped (no quotes) to `out`.
void json_escape(std::string& out, std::string_view s);

}  // namespace tidnav::net
