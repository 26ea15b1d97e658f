// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_splice.hpp"

#include <cstring>

namespace tidnav::core {
namespace {

bool xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// pugixml escapes '&', '<' and '>' in text, so such text is longer when written.
// strcspn finds them and the length in one vectorised pass.
bool written_as_is(const char* text, std::size_t& len) noexcept {
  len = std::strcspn(text, "&<>");
  return text[len] == '\0';
}

// What pugixml writes for the subtree (format_raw), or 0 when it is not only
// attribute-less elements and plain text. Iterative: items may be hostile.
std::size_t written_length(pugi::xml_node item) noexcept {
  std::size_t total = 0;
  pugi::xml_node n = item;
  while (true) {
    const pugi::xml_node_type type = n.type();
    if (type == pugi::node_element) {
      if (n.first_attribute()) return 0;
      const std::size_t name = std::strlen(n.name());
      total += n.first_child() ? 2 * name + 5 : name + 3;  // "<n></n>" or "<n/>"
    } else if (type == pugi::node_pcdata) {
      std::size_t len = 0;
      if (!written_as_is(n.value(), len)) return 0;
      total += len;
    } else {
      return 0;
    }
    if (pugi::xml_node c = n.first_child()) {
      n = c;
      continue;
    }
    while (n != item && !n.next_sibling()) n = n.parent();
    if (n == item) return total;
    n = n.next_sibling();
  }
}

bool needs_escape_in_attribute(std::string_view v) noexcept {
  for (const char c : v) {
    if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

}  // namespace

bool splice_allowed(std::string_view body, pugi::xml_encoding encoding, bool clean) noexcept {
  return clean && encoding == pugi::encoding_utf8 && body.substr(0, 3) != "\xEF\xBB\xBF" &&
         body.find('\r') == std::string_view::npos;
}

std::string_view spliceable_bytes(std::string_view body, pugi::xml_node item) noexcept {
  const pugi::xml_node next = item.next_sibling();
  if (!next || next.type() != pugi::node_element) return {};
  const std::ptrdiff_t name_at = item.offset_debug();
  const std::ptrdiff_t next_at = next.offset_debug();
  if (name_at < 1 || next_at <= name_at || static_cast<std::size_t>(next_at) > body.size()) return {};
  const auto start = static_cast<std::size_t>(name_at - 1);
  const auto bound = static_cast<std::size_t>(next_at - 1);
  const std::string_view name = item.name();
  if (body[start] != '<' || body[bound] != '<' || body.substr(name_at, name.size()) != name) return {};
  const std::size_t len = written_length(item);
  if (len == 0 || start + len > bound) return {};
  for (std::size_t i = start + len; i < bound; ++i) {
    if (!xml_space(body[i])) return {};
  }
  return body.substr(start, len);
}

bool append_spliced(std::string& out, std::string_view raw, std::string_view name,
                    const std::vector<ns_binding>& declarations) {
  for (const ns_binding& b : declarations) {
    if (needs_escape_in_attribute(b.uri)) return false;
  }
  const std::size_t head = 1 + name.size();  // "<name", then ">" or "/>"
  out.append(raw.substr(0, head));
  for (const ns_binding& b : declarations) {
    out.append(" xmlns");
    if (!b.prefix.empty()) out.append(":").append(b.prefix);
    out.append("=\"").append(b.uri).append("\"");
  }
  out.append(raw.substr(head));
  return true;
}

}  // namespace tidnav::core
