// SPDX-License-Identifier: GPL-2.0-or-later
// engagement_index.change_feed in adapter.yaml (adapters/host/README.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

namespace tidnav::adapters::host {

struct change_feed_settings {
  // nullopt: on when the system offers a change_source (millennium, cosmic), else off.
  std::optional<bool> enabled;
  std::chrono::milliseconds interval{30'000};
  // Each query starts this far before the watermark (clock skew, late commits).
  std::chrono::milliseconds overlap{5'000};
  std::size_t page_size = 100;
  // The deadline of one poll (all its pages).
  std::chrono::milliseconds timeout{20'000};
};

}  // namespace tidnav::adapters::host
