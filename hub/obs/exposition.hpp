// SPDX-License-Identifier: GPL-2.0-or-later
// Pieces of the Prometheus text exposition format 0.0.4 shared by every metric
// type: escaping, number formatting, name rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tidnav::obs {

// The Content-Type a scrape response must carry.
inline constexpr std::string_view exposition_content_type = "text/plain; version=0.0.4; charset=utf-8";

enum class metric_type : std::uint8_t { counter, gauge, histogram };

std::string_view type_name(metric_type type) noexcept;

// HELP text: backslash and newline. Label values: backslash, double quote, newline.
void append_escaped_help(std::string& out, std::string_view help);
void append_escaped_label_value(std::string& out, std::string_view value);

// Shortest text that reads back as the same double; "+Inf", "-Inf", "NaN".
// Plain notation from 1e-4 up to 1e21 so that bucket bounds and gauges read like
// the Go client's ("0.0001", "30", "1000000"), scientific outside that range.
void append_double(std::string& out, double value);
void append_uint(std::string& out, std::uint64_t value);

// Starts a sample line: `name` + `suffix`, then `{labels}` where `labels` is the
// child's rendered `a="x",b="y"` list and `le` (if not empty) is appended as the
// last label, then one space. No braces at all when there are no labels.
void append_series(std::string& out, std::string_view name, std::string_view suffix, std::string_view labels,
                   std::string_view le = {});

// [a-zA-Z_:][a-zA-Z0-9_:]*
bool is_valid_metric_name(std::string_view name) noexcept;
// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved by Prometheus).
bool is_valid_label_name(std::string_view name) noexcept;

}  // namespace tidnav::obs
