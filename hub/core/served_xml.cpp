// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/served_xml.hpp"

#include <string_view>

#include "hub/core/xml_escape.hpp"
#include "hub/core/xml_roundtrip.hpp"

namespace tidnav::core {
namespace {

// Plain ASCII that serialisation leaves alone; a document that already holds it
// is refused rather than cut in the wrong place.
constexpr std::string_view marker = "{{tidnav:url-slot}}";

}  // namespace

result<served_xml, std::string> served_xml::make(pugi::xml_document& doc, std::vector<slot_attribute> slots) {
  for (auto& [attribute, slot] : slots) attribute.set_value(std::string(marker).c_str());
  const std::string text = to_utf8_xml(doc);

  served_xml out;
  std::size_t from = 0;
  for (auto pos = text.find(marker); pos != std::string::npos; pos = text.find(marker, from)) {
    out.text_.emplace_back(text, from, pos - from);
    from = pos + marker.size();
  }
  out.text_.emplace_back(text, from);
  if (out.text_.size() != slots.size() + 1) {
    return fail(std::string("the document contains the text ") + std::string(marker));
  }
  out.slots_.reserve(slots.size());
  for (auto& [attribute, slot] : slots) out.slots_.push_back(std::move(slot));
  return out;
}

std::string served_xml::render(const std::function<std::string(const url_slot&)>& fill) const {
  std::string out = text_.front();
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    append_xml_attribute(out, fill(slots_[i]));
    out += text_[i + 1];
  }
  return out;
}

}  // namespace tidnav::core
