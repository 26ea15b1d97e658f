// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav call --expand: an aggregated GetAppointments 2.0 answer lists only
// (appointment id, unit) pairs. This turns it into one readable table by
// asking each unit for its GetAppointment, in parallel, through the same URL.
// Reading and writing the contract messages goes through the generated
// bindings; only the ProcessingStatus header (undeclared in every WSDL) is
// read as XML.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tools/tidnav/call_transport.hpp"

namespace tidnav::cli {

struct appointment_ref {
  std::string appointment_id;
  std::string unit;  ///< healthcareFacilityId/extension
};

/// A unit the aggregator called without getting data (ProcessingStatus).
struct unit_failure {
  std::string unit;
  std::string code;   ///< "504", "500", ...
  std::string agent;  ///< causingAgent
  std::string text;
};

struct appointment_list {
  std::vector<appointment_ref> appointments;
  std::vector<unit_failure> failed_units;
  std::size_t units_reported = 0;  ///< ProcessingStatus records (0 when the header is absent)
};

/// Reads a GetAppointments 2.0 response envelope (aggregated or not). Returns
/// the reason when it is not one (a SOAP fault included).
std::string read_appointment_list(std::string_view envelope, appointment_list& out);

/// Builds GetAppointment requests with the citizen (actor, personId) of the
/// GetAppointments request that produced the list.
class appointment_request_builder {
 public:
  /// Throws std::runtime_error when `get_appointments_request` is not a
  /// GetAppointments 2.0 request envelope.
  explicit appointment_request_builder(std::string_view get_appointments_request);
  ~appointment_request_builder();

  /// The GetAppointment envelope for one appointment, LogicalAddress = its unit.
  std::string request_for(const appointment_ref& ref) const;
  /// The quoted SOAPAction for GetAppointment.
  std::string soap_action() const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

/// One line of the table.
struct appointment_row {
  std::string start;           ///< TS, "" when unknown
  std::string end;             ///< TS, "" when unknown
  std::string unit;
  std::string unit_name;       ///< from the names given, "" when unknown
  std::string time_type;       ///< timeType/code, plus the healthcare service's display name when present
  std::string status;          ///< booked, confirmed, ... or what went wrong fetching it
  std::string appointment_id;
  bool fetched = false;        ///< the unit answered with the appointment
};

/// The row for `ref` from its GetAppointment answer (`http_status` + `body`),
/// or from `transport_error` when no answer came.
appointment_row row_from_answer(const appointment_ref& ref, unsigned http_status, std::string_view body,
                                const std::string& transport_error);

/// Unit HSA-id (any case) → name, e.g. from the hub's HSA file.
using unit_names = std::map<std::string, std::string>;

/// HSA-id → name from HSA files (FileGetHsaUnitsResponse); throws
/// std::runtime_error naming the file that cannot be read.
unit_names unit_names_from_hsa_files(const std::vector<std::string>& paths);

/// The table: rows ordered by start time (unknown last), then unit and id;
/// names filled in from `names`; then one line per unit without data.
std::string render_appointment_table(std::vector<appointment_row> rows, const std::vector<unit_failure>& failed,
                                     const unit_names& names);

struct expand_result {
  std::string table;
  std::size_t appointments = 0;
  std::size_t not_fetched = 0;  ///< rows whose GetAppointment failed
};

/// All of --expand: reads the list in `response`, fetches every appointment's
/// GetAppointment from `url` (at most `parallel` at a time) with the citizen
/// of `request`, and renders the table. Throws std::runtime_error when the
/// request or response is not a GetAppointments 2.0 message.
expand_result expand_appointments(const std::string& url, const call_tls& tls, std::string_view request,
                                  std::string_view response, double timeout_seconds, const unit_names& names,
                                  std::size_t parallel = 8);

/// "2026-12-08 09:30" from a TS; the text itself when it is not one.
std::string display_time(std::string_view ts);

}  // namespace tidnav::cli
