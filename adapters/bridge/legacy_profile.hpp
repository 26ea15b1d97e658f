// SPDX-License-Identifier: GPL-2.0-or-later
// What distinguishes one legacy crm:scheduling producer from another: the
// contract version it speaks, how it is addressed, and the settings for what
// the contracts cannot carry. A profile (adapters/pasis, adapters/pmo, a future
// TakeCare) is a function returning one of these with its defaults; the
// adapter's YAML `backend:` section overrides them (see README.md).
#pragma once

#include "adapters/core/booking_error.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters::bridge {

enum class crm_version {
  v1_0,  // RIVTABP20: wsa:To header, no Actor, nine contracts, no names
  v1_1,  // RIVTABP21: LogicalAddress and Actor headers, eleven contracts
};

// A producer's ERROR text -> the business outcome it means. The first rule
// whose `contains` occurs in the text (case-insensitive) wins.
struct error_text_rule {
  std::string contains;
  business_code outcome = business_code::not_allowed;
};

struct legacy_actor {
  std::string id;    // an HSA-id for subject_of_care_agent
  std::string type = "subject_of_care_agent";
};

struct legacy_profile {
  std::string system;  // "pasis", "pmo": part of every id the bridge makes, and the metrics label
  crm_version version = crm_version::v1_1;
  // The producer's endpoint. "{contract}" is replaced by the contract name
  // (MakeBooking...) for producers with one URL per contract.
  std::string endpoint;

  // 1.1 only: the Actor header when the call is not for one citizen (logged-out
  // availability, staff). Absent: no Actor header on such calls.
  std::optional<legacy_actor> service_actor;
  // 1.1 only: subject_of_care for availability and catalogue requests that
  // name no citizen (the 1.1 schema requires one). Empty: such requests are
  // refused as invalid_request rather than sent with an invented number.
  std::string anonymous_subject_of_care;
  // 1.1 only: MakeBooking needs firstName/lastName (1..1), which a 2.0
  // MakeAppointment does not carry. Used only when the request has none.
  // Empty: such bookings are refused as invalid_request.
  std::string unknown_first_name;
  std::string unknown_last_name;

  // Producer texts first, then the bridge's defaults (error_texts.cpp).
  std::vector<error_text_rule> error_texts;
  // The outcome of an ERROR whose text matches no rule.
  business_code unmatched_error = business_code::not_allowed;

  // A listed free time's id stays bookable this long (or until it starts).
  std::chrono::seconds timeslot_ttl = std::chrono::hours(24);
  // After a MakeBooking whose answer was lost (timeout after sending), look
  // for the booking in GetSubjectOfCareSchedule before reporting a failure.
  bool reconcile_lost_writes = true;
};

}  // namespace tidnav::adapters::bridge
