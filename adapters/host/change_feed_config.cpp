// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/change_feed_config.hpp"

namespace tidnav::adapters::host {

void read_change_feed(config_reader& r, const YAML::Node& ei, const std::string& path, change_feed_settings& out) {
  const YAML::Node node = ei["change_feed"];
  if (!node.IsDefined() || node.IsNull()) return;
  const std::string p = config_reader::join(path, "change_feed");
  if (!r.map(node, p, {"enabled", "interval_ms", "overlap_ms", "page_size", "timeout_ms"})) return;
  bool enabled = false;
  if (r.get(node, p, "enabled", enabled)) out.enabled = enabled;
  std::uint64_t v = 0;
  if (r.get_uint(node, p, "interval_ms", 100, 86'400'000, v)) out.interval = std::chrono::milliseconds(v);
  if (r.get_uint(node, p, "overlap_ms", 0, 3'600'000, v)) out.overlap = std::chrono::milliseconds(v);
  if (r.get_uint(node, p, "timeout_ms", 100, 600'000, v)) out.timeout = std::chrono::milliseconds(v);
  r.get_number(node, p, "page_size", 1, 1000, out.page_size);
}

}  // namespace tidnav::adapters::host
