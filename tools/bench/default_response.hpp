// SPDX-License-Identifier: GPL-2.0-or-later
// The canned answer of `tidnav bench serve`: the GetSubjectOfCareSchedule 1.1 response
// fixture (tests/fixtures/crm-scheduling-1.1/), compiled in at configure time so the
// producer needs no source tree at run time.
#pragma once

#include <string_view>

namespace tidnav::bench {

std::string_view default_response();

}  // namespace tidnav::bench
