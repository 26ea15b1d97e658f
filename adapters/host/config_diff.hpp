// SPDX-License-Identifier: GPL-2.0-or-later
// What a reload (SIGHUP) cannot apply to a running adapter: the keys whose
// value differs between the running configuration and the one just read,
// other than the TLS files (which a reload re-reads). They take a restart;
// the reload names them so an operator is not misled.
#pragma once

#include "adapters/host/adapter_config.hpp"

#include <string>
#include <vector>

namespace tidnav::adapters::host {

// Top-level key paths ("listen", "units", "engagement_index.url", ...), in file order.
std::vector<std::string> restart_only_changes(const adapter_config& running, const adapter_config& next);

}  // namespace tidnav::adapters::host
