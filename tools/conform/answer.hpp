// SPDX-License-Identifier: GPL-2.0-or-later
// A producer's answer, read for the checks: HTTP status, SOAP fault or the
// answer element, its schema issues, and lookup of children by local name
// (namespaces are the schema validator's business; prefixes are never
// significant).
#pragma once

#include "tools/conform/report_model.hpp"

#include <pugixml.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::conform {

std::string_view local_name(const pugi::xml_node& n);
pugi::xml_node child(const pugi::xml_node& parent, std::string_view local);
std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view local);
std::vector<pugi::xml_node> descendants(const pugi::xml_node& root, std::string_view local);
std::string text_of(const pugi::xml_node& parent, std::string_view local);  // trimmed text of a child, "" if none
std::string path_text(const pugi::xml_node& root, std::string_view dotted);  // "timeslot.timeType.code"

class answer {
 public:
  answer() = default;
  explicit answer(exchange ex);

  const exchange& ex() const { return ex_; }
  const std::string& contract() const { return ex_.contract; }
  bool got_http() const { return ex_.transport_error.empty(); }
  bool well_formed() const { return doc_ != nullptr; }
  bool is_fault() const { return fault_; }
  const std::string& fault_code() const { return fault_code_; }      // "SOAP-ENV:Client"
  const std::string& fault_string() const { return fault_string_; }
  bool client_fault() const;  // faultcode's local part starts with "Client"
  // HTTP 200 and the expected answer element (not a fault).
  bool usable() const { return usable_; }
  pugi::xml_node body() const { return body_; }  // the answer element (or Fault)
  std::string result_code() const { return text_of(body_, "resultCode"); }
  std::string result_text() const { return text_of(body_, "resultText"); }

  // Schema validation, filled in by the client for every answer it could read.
  bool validated = false;
  std::vector<std::string> schema_issues;

  // One line for evidence: "HTTP 200 resultCode=ERROR", "HTTP 500 fault SOAP-ENV:Client: text".
  std::string summary() const;

 private:
  exchange ex_;
  std::shared_ptr<pugi::xml_document> doc_;
  pugi::xml_node body_;
  bool fault_ = false;
  bool usable_ = false;
  std::string fault_code_, fault_string_;
};

// A producer that does not offer a contract says so with a fault or an HTTP
// status; the platform in front of it with VP004/VP007. Returns why, or "".
std::string not_offered_reason(const answer& a);

}  // namespace tidnav::conform
