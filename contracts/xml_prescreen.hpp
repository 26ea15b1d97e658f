// SPDX-License-Identifier: GPL-2.0-or-later
// A cheap byte scan run before any XML parser sees a message. SOAP 1.1 forbids
// a DTD, and without one only the five predefined entities are well formed.
// gSOAP 2.8.124 has no switch to refuse DTDs: it skips them and maps unknown
// entities to 0x7F, which costs CPU and corrupts data instead of failing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::contracts {

struct prescreen_error {
  std::size_t offset;   // byte offset of the offending construct
  std::string message;
};

// Rejects: messages over max_bytes, <!DOCTYPE / <!ENTITY / any other markup
// declaration, references to undeclared entities, and unterminated comments,
// CDATA sections or processing instructions. O(n), no allocation on success.
std::optional<prescreen_error> prescreen_xml(std::string_view xml, std::size_t max_bytes);

}  // namespace tidnav::contracts
