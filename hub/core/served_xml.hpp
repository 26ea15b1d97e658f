// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A WSDL or XSD serialised once, at load, and cut open where the answer needs
// a URL that depends on the request (the hub's address as the caller sees it).
// Answering is then concatenation: no parsing, no file I/O, and the loaded
// catalog can be shared by every thread without locks.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "hub/core/result.hpp"

namespace tidnav::core {

/// A place in a served document where a request-dependent URL goes.
struct url_slot {
  enum class kind : std::uint8_t {
    endpoint,  ///< soap:address/@location: the service URL itself
    schema,    ///< a schemaLocation: the URL that serves `schema_key`
  };
  kind what = kind::endpoint;
  std::string schema_key;  ///< the referenced file, relative to the catalog root
};

class served_xml {
 public:
  using slot_attribute = std::pair<pugi::xml_attribute, url_slot>;

  /// Serialises `doc` as UTF-8 (see to_utf8_xml) with the value of each listed
  /// attribute left open; `slots` must be in document order. Fails only when
  /// the document already contains the marker text used to find the openings.
  static result<served_xml, std::string> make(pugi::xml_document& doc, std::vector<slot_attribute> slots);

  const std::vector<url_slot>& slots() const noexcept { return slots_; }

  /// The document with each slot's attribute value set to fill(slot), escaped here.
  std::string render(const std::function<std::string(const url_slot&)>& fill) const;

 private:
  std::vector<std::string> text_;  ///< text_.size() == slots_.size() + 1
  std::vector<url_slot> slots_;
};

}  // namespace tidnav::core
