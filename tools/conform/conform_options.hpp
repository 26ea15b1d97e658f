// SPDX-License-Identifier: GPL-2.0-or-later
// Everything a conformance run needs to know, filled in by `tidnav conform`.
#pragma once

#include "tools/conform/check_catalogue.hpp"
#include "tools/conform/soap_transport.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::conform {

struct conform_options {
  std::string url;
  std::string logical_address;
  tls_files tls;
  contract_family family = contract_family::sched2;
  std::string person;  // the test person the kit may book for (Skatteverket test number)
  // A second test person, only ever used to ask for the first person's booking.
  std::string other_person = "198112189876";
  std::string first_name = "Tolvan";  // 1.1 MakeBooking subject_of_care_info
  std::string last_name = "Tolvansson";
  std::optional<std::string> time_type;  // 2.0 timeTypeCode / 1.1 timeTypeID filter for availability
  std::vector<std::string> only;         // check ids or groups
  std::optional<std::string> from;       // first day searched for free times (DT); default today
  int days = 14;                         // days searched for free times
  int calls = 20;                        // SLA sample per reading contract
  std::chrono::milliseconds sla{3000};   // the TKB's 3 s
  std::chrono::milliseconds timeout{10000};  // per call
  std::string tool_version = "tidnav conform";
};

}  // namespace tidnav::conform
