// SPDX-License-Identifier: GPL-2.0-or-later
// Reads engagement_index.change_feed (keys: adapters/host/README.md).
#pragma once

#include "adapters/host/change_feed_settings.hpp"
#include "adapters/host/config_reader.hpp"

#include <string>

namespace tidnav::adapters::host {

// `ei` is the engagement_index mapping, `path` its config path; every problem goes through `r`.
void read_change_feed(config_reader& r, const YAML::Node& ei, const std::string& path, change_feed_settings& out);

}  // namespace tidnav::adapters::host
