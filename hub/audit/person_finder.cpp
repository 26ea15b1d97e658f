// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/audit/person_finder.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <pugixml.hpp>

#include "hub/audit/audit_record.hpp"

namespace tidnav::audit {
namespace {

enum class person_element { none, text, person_id };

person_element classify(std::string_view local) noexcept {
  if (local == "subject_of_care" || local == "registeredResidentIdentification") return person_element::text;
  if (local == "personId") return person_element::person_id;
  return person_element::none;
}

bool name_char(char c) noexcept {
  return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '>' && c != '/' && c != '=';
}

std::string_view local_name(std::string_view qname) noexcept {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Offset just past the '>' of the tag starting at `from` (after '<'), skipping
// quoted attribute values; npos when it never ends.
std::size_t past_tag(std::string_view xml, std::size_t from) noexcept {
  char quote = 0;
  for (std::size_t i = from; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::size_t skip_past(std::string_view xml, std::size_t from, std::string_view terminator) noexcept {
  const auto at = xml.find(terminator, from);
  return at == std::string_view::npos ? std::string_view::npos : at + terminator.size();
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && std::strchr(" \t\r\n", s.front())) s.remove_prefix(1);
  while (!s.empty() && std::strchr(" \t\r\n", s.back())) s.remove_suffix(1);
  return s;
}

// Reads the element [start, end) with pugixml: prefixes need no declarations
// there, because pugixml does not resolve namespaces.
std::string value_of(std::string_view element, person_element kind) {
  pugi::xml_document doc;
  const auto flags = pugi::parse_default | pugi::parse_fragment;
  if (!doc.load_buffer(element.data(), element.size(), flags, pugi::encoding_utf8)) return {};
  const pugi::xml_node root = doc.first_child();
  if (kind == person_element::text) return std::string(trim(root.text().get()));
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "extension") return std::string(trim(c.text().get()));
  }
  return {};
}

}  // namespace

std::vector<std::string> find_persons(std::string_view xml, std::size_t max) {
  std::vector<std::string> found;
  std::size_t i = 0;
  while (found.size() < max) {
    const void* lt = i < xml.size() ? std::memchr(xml.data() + i, '<', xml.size() - i) : nullptr;
    if (!lt) break;
    const std::size_t at = static_cast<const char*>(lt) - xml.data();
    const std::string_view rest = xml.substr(at);
    if (rest.starts_with("<!--")) {
      i = skip_past(xml, at + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      i = skip_past(xml, at + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      i = skip_past(xml, at + 2, "?>");
    } else if (rest.starts_with("</") || rest.starts_with("<!")) {
      i = past_tag(xml, at + 1);
    } else {
      std::size_t end = at + 1;
      while (end < xml.size() && name_char(xml[end])) ++end;
      const std::string_view qname = xml.substr(at + 1, end - at - 1);
      const person_element kind = classify(local_name(qname));
      const std::size_t tag_stop = past_tag(xml, end);
      if (tag_stop == std::string_view::npos) break;
      i = tag_stop;
      if (kind == person_element::none || xml[tag_stop - 2] == '/') continue;
      // The element ends at the first matching end tag: these elements never nest themselves.
      const std::string close = "</" + std::string(qname);
      const auto close_at = xml.find(close, tag_stop);
      if (close_at == std::string_view::npos) break;
      const std::size_t element_end = past_tag(xml, close_at + 1);
      if (element_end == std::string_view::npos) break;
      // Plain digits between the tags (the usual case) need no parser.
      const std::string_view inner = xml.substr(tag_stop, close_at - tag_stop);
      const bool plain = kind == person_element::text && inner.find_first_of("<&") == std::string_view::npos;
      const std::string value = plain ? std::string(trim(inner)) : value_of(xml.substr(at, element_end - at), kind);
      i = element_end;
      if (value.empty() || value.size() > 64) continue;
      std::string id = normalize_person(value);
      if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(std::move(id));
    }
    if (i == std::string_view::npos) break;
  }
  return found;
}

bool is_person_operation(std::string_view operation) noexcept {
  static constexpr std::array<std::string_view, 12> ops = {
      "CancelBooking",   "GetBookingDetails", "MakeBooking",       "UpdateBooking",
      "GetSubjectOfCareSchedule", "GetAppointment", "GetAppointments", "MakeAppointment",
      "UpdateAppointment", "CancelAppointment", "ConfirmAppointment", "GetCancelledAndRebooked"};
  return std::find(ops.begin(), ops.end(), operation) != ops.end();
}

}  // namespace tidnav::audit
