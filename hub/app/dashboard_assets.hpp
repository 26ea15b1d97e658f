// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The dashboard page's files (hub/app/dashboard/*), compiled into the binary
// at build time by dashboard/embed.cmake: the hub serves them from memory and
// loads nothing from outside.

#include <string_view>

namespace tidnav::app {

struct dashboard_asset {
  std::string_view name;  ///< "index.html"
  std::string_view content_type;
  std::string_view body;
};

/// nullptr when there is no such file.
const dashboard_asset* find_dashboard_asset(std::string_view name) noexcept;

}  // namespace tidnav::app
