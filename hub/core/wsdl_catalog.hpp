// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The hub's answer to `GET <path>?wsdl` and `GET <path>?xsd=<location>`, as the
// national platform gives it: every *.wsdl under a directory is published on
// the path its RIV-TA target namespace implies, with its service address and
// schema locations pointing back at the hub as the caller reached it.
//
// Everything is read and prepared by load(); the catalog is immutable after
// that, answer() does no file I/O, and a reload builds a new catalog to swap in.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hub/core/result.hpp"
#include "hub/core/served_xml.hpp"

namespace tidnav::core {

struct wsdl_request {
  std::string path;      ///< request path, e.g. "/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21"
  std::string query;     ///< raw query, with or without '?': "wsdl", "xsd=../../core_components/x.xsd"
  std::string base_url;  ///< the caller's view of the hub: scheme://host[:port], e.g. "https://hub.example:443"
};

struct wsdl_answer {
  int status = 200;
  std::string content_type;
  std::string body;
};

class wsdl_catalog {
 public:
  /// Scans `root` recursively for *.wsdl once, and reads every XSD they reach
  /// through schemaLocation (relative locations only, none leaving `root`).
  /// Every problem (unreadable or unparsable file, a WSDL without a rivtabp
  /// target namespace, two WSDLs on one path, a missing or escaping schema)
  /// is reported, all at once; nothing is thrown.
  static result<wsdl_catalog, std::vector<std::string>> load(const std::string& root);

  /// True when the query asks for a WSDL or XSD: it has a parameter named
  /// "wsdl" or "xsd" (any case, any value), which is what makes the platform
  /// route a GET to its WSDL processor.
  static bool wants_wsdl(std::string_view query) noexcept;

  /// 200 text/xml with the WSDL (soap:address/@location = base_url + path;
  /// schemaLocation = base_url + path + "?xsd=" + location relative to the
  /// WSDL's directory) or with the XSD asked for by ?xsd= (its own
  /// schemaLocations rewritten the same way, so links can be followed to any
  /// depth). 404 text/plain for an XSD that this WSDL does not reach or that
  /// lies outside the root; 500 text/plain listing the published WSDLs for a
  /// path that has none, as the platform answers. A query with neither
  /// parameter gets the WSDL; callers ask wants_wsdl() first.
  wsdl_answer answer(const wsdl_request& r) const;

  /// The lookup keys, lower-cased and sorted: "vp/crm/scheduling/getsubjectofcareschedule/1/rivtabp21".
  std::vector<std::string> paths() const;

 private:
  struct wsdl_entry {
    std::string path;                  ///< as derived, original case: "vp/crm/.../GetSubjectOfCareSchedule/1/rivtabp21"
    std::string dir;                   ///< the WSDL's directory relative to the root ("" at the root)
    served_xml text;
    std::set<std::string, std::less<>> schemas;  ///< keys of every XSD reachable from it
  };

  wsdl_answer answer_schema(const wsdl_entry& w, std::string_view raw_location, const std::string& url) const;
  std::string render(const served_xml& doc, const wsdl_entry& w, const std::string& url) const;
  wsdl_answer no_such_path(const std::string& base_url) const;

  std::map<std::string, wsdl_entry, std::less<>> wsdls_;  ///< by lower-cased path
  std::map<std::string, served_xml, std::less<>> xsds_;   ///< by path relative to the root
};

}  // namespace tidnav::core
