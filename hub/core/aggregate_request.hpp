// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The consumer's side of an aggregated call: who it is about (for the
// engagement index) and the same request re-addressed to each unit that holds
// the citizen's bookings.

#include <string>
#include <string_view>

#include "hub/core/aggregate_kind.hpp"
#include "hub/core/result.hpp"

namespace tidnav::core {

struct aggregate_query {
  /// crm 1.1: subject_of_care; 2.0: personId/extension; empty for timeslots
  /// (they are fanned out to units the caller chooses, not found in the EI).
  /// Trimmed, and checked to be a personnummer/samordningsnummer (12 characters,
  /// position 9 may be p/t/f), because it becomes the EI query key.
  std::string person_id;
};

/// Reads the query from a SOAP 1.1 request of kind `k`. Error text says what is
/// missing or wrong (not XML, not an Envelope, wrong operation, no citizen).
result<aggregate_query, std::string> read_aggregate_query(aggregate_kind k, std::string_view request_envelope);

/// The request re-addressed to one unit: every {urn:riv:itintegration:registry:1}
/// LogicalAddress header's text = unit, and the body's unit field (crm 1.1
/// healthcare_facility, as the national aggregator does since NTP-1745) = unit.
/// The 2.0 GetAppointments and GetAvailableTimeslots requests have no unit
/// field, so only the header changes. Everything else (Actor header, prefixes,
/// comments, whitespace between elements) is kept as xml_roundtrip keeps it;
/// the text is UTF-8 with an XML declaration. Error text when the shape is
/// wrong, including a RIVTA BP 2.0 request (wsa:To) and an empty unit.
result<std::string, std::string> retarget_request(aggregate_kind k, std::string_view request_envelope,
                                                  std::string_view unit);

}  // namespace tidnav::core
