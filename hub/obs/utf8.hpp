// SPDX-License-Identifier: GPL-2.0-or-later
// UTF-8 checks for text that comes from requests: Prometheus rejects a scrape
// and JSON parsers reject a line that holds invalid UTF-8, so one hostile byte
// must not cost a whole scrape or log line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tidnav::obs {

bool is_valid_utf8(std::string_view s) noexcept;

// Appends `s` with every invalid byte replaced by U+FFFD, cut at a character
// boundary so that at most `max_bytes` bytes of `s` are kept.
void append_sanitized_utf8(std::string& out, std::string_view s, std::size_t max_bytes);

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept;

}  // namespace tidnav::obs
