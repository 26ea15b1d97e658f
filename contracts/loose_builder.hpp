// SPDX-License-Identifier: GPL-2.0-or-later
// Builds an unqualified XML element from `path=value` fields, e.g.
//   personId.root=1.2.752.129.2.1.3.1  personId.extension=191212121212
// Paths nest with '.', pick the n-th repeated element with [n] (1-based), and a
// repeated leaf path adds a sibling. The generated reader then parses it by
// local names, and the generated writer puts order and namespaces right.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tidnav::contracts {

struct field {
  std::string path;
  std::string value;
};

// Parses "path=value"; returns false when there is no '=' or the path is empty.
bool parse_field(std::string_view text, field& out);

// Returns the element, or an empty string and an explanation in `error`.
std::string build_loose_element(std::string_view root, const std::vector<field>& fields, std::string& error);

}  // namespace tidnav::contracts
