// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/java_regex.hpp"

namespace tidnav::core {

result<std::regex, std::string> compile_java_regex(std::string_view pattern) {
  auto flags = std::regex::ECMAScript;
  std::string_view body = pattern;
  if (body.substr(0, 4) == "(?i)") {
    flags |= std::regex::icase;
    body.remove_prefix(4);
  }
  try {
    return std::regex(body.begin(), body.end(), flags);
  } catch (const std::regex_error& e) {
    return fail("invalid regular expression '" + std::string(pattern) + "': " + e.what());
  }
}

bool java_matches(const std::regex& re, std::string_view text) {
  return std::regex_match(text.begin(), text.end(), re);
}

}  // namespace tidnav::core
