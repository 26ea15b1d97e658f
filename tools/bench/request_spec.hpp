// SPDX-License-Identifier: GPL-2.0-or-later
// The one request a load run sends over and over: its body and headers, built once
// before the run from an envelope file or from `tidnav call`-style fields.
#pragma once

#include <string>
#include <vector>

#include "hub/net/http_types.hpp"

namespace tidnav::bench {

struct request_source {
  std::string body_file;        // a complete envelope; or, without it, the fields below
  std::string contract;         // "GetAppointments" or "1.1:GetSubjectOfCareSchedule"
  std::string family = "2.0";
  std::vector<std::string> fields;
  std::string logical_address;
  std::string actor;            // crm 1.1: id[:subject_of_care|subject_of_care_agent]
  std::string soap_action;      // empty: the operation's, or sniffed from the file
  std::vector<std::string> extra_headers;  // "Name: value"
};

struct request_spec {
  std::string body;
  net::header_list headers;     // Content-Type, SOAPAction (quoted), extras in order
};

// Throws std::invalid_argument with a message that names the offending option.
request_spec build_request_spec(request_source src);

}  // namespace tidnav::bench
