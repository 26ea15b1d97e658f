// SPDX-License-Identifier: GPL-2.0-or-later
// The scripted citizen journey, as the 1177 consumer through the hub: the
// unified view (aggregated 2.0 GetAppointments, expanded), the same through
// crm 1.1 GetSubjectOfCareSchedule, a free-time search across units, a
// booking at a Cosmic unit, moving it, cancelling a PASiS booking, and the
// unified view again; then the "unauthorized" consumer is refused (VP007).
// Each step prints what it did and its outcome.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/sandbox/layout.hpp"
#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

// The expanded table of an aggregated GetAppointments answer, as `tidnav call
// --expand` renders it (injected by the command, which owns that code).
struct expanded_view {
  std::string table;
  std::size_t not_fetched = 0;  // appointments whose GetAppointment failed
};
struct expand_input {
  std::string url, ca, cert, key;  // the hub and the consumer's certificate
  std::string request, response;   // the GetAppointments request and its aggregated answer
  std::map<std::string, std::string> unit_names;  // HSA-id -> "name (system)"
};
using expand_fn = std::function<expanded_view(const expand_input&)>;

struct journey_options {
  std::string hub_url;
  layout paths{"."};
  std::string person = "191212121212";
  std::optional<system_kind> killed;  // that system's adapter is stopped: expect a partial answer
  bool color = false;
  expand_fn expand;  // empty: the journey fetches and prints the rows itself
};

struct step_result {
  std::string title;
  enum class state { ok, failed, skipped } outcome = state::ok;
  std::string note;
};

struct journey_result {
  std::vector<step_result> steps;
  bool all_ok() const;
};

journey_result run_journey(const region& r, const journey_options& options, std::ostream& out);

// One row of the unified view.
struct unified_row {
  std::string start;  // TS
  std::string unit;   // HSA-id
  std::string time_type;
  std::string status;
  std::string appointment_id;
};

// Reads an aggregated GetAppointments answer into (unit, appointment id) pairs
// and ProcessingStatus records (logical address → status code).
struct aggregated_view {
  std::vector<std::pair<std::string, std::string>> appointments;  // unit, id
  std::vector<std::pair<std::string, std::string>> processing;    // unit, statusCode
};
aggregated_view read_aggregated_appointments(const std::string& body);

}  // namespace tidnav::sandbox
