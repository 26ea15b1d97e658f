// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/report_model.hpp"

#include <algorithm>

namespace tidnav::conform {

std::string_view verdict_name(verdict v) {
  switch (v) {
    case verdict::pass: return "PASS";
    case verdict::fail: return "FAIL";
    case verdict::skip: return "SKIP";
  }
  return "?";
}

std::size_t run_report::count(verdict v) const {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(), [v](const check_result& c) { return c.outcome == v; }));
}

}  // namespace tidnav::conform
