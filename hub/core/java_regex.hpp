// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Platform settings are Java regular expressions. The ones that matter (the
// sender-id pattern, the header filters) use only syntax ECMAScript shares,
// plus a leading "(?i)", which std::regex does not know; it becomes icase.

#include <regex>
#include <string>
#include <string_view>

#include "hub/core/result.hpp"

namespace tidnav::core {

/// Compiles `pattern`; a leading "(?i)" turns on case-insensitive matching.
/// Errors name the pattern and std::regex's reason.
result<std::regex, std::string> compile_java_regex(std::string_view pattern);

/// Java's String.matches(): the whole input must match.
bool java_matches(const std::regex& re, std::string_view text);

}  // namespace tidnav::core
