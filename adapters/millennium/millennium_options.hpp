// SPDX-License-Identifier: GPL-2.0-or-later
// Where Millennium is, how we identify ourselves to it, and what the tenant
// does not publish: the appointment types (service-types) each Location
// books, and which Practitioner is which HSA-id (agreed at integration time).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace tidnav::adapters::millennium {

// One bookable appointment type (Slot.serviceType) of a Location.
struct service_type_config {
  std::string code;    // e.g. a code of code set 14249
  std::string system;  // e.g. https://fhir.cerner.com/<EHR source id>/codeSet/14249
  std::string name;    // shown to the citizen
  bool cancel_allowed = true;  // the Appointment's is-cancelable extension overrides it
  bool update_allowed = true;  // ... and is-reschedulable
};

// A care unit = one Millennium Location id (the booking_system's native unit id).
struct location_config {
  std::string location_id;
  std::vector<service_type_config> service_types;
};

struct practitioner_config {
  std::string hsa_id;
  std::string practitioner_id;  // Millennium Practitioner id
  std::string first_name;
  std::string last_name;
  std::string title;
};

struct millennium_options {
  std::string base_url;   // tenant service root, e.g. https://host/r4/<tenant> (no trailing slash)
  std::string token_url;  // the tenant's OAuth2 token endpoint
  std::string client_id;  // the system account, sent with HTTP Basic
  std::string client_secret;
  std::string scope = "system/Appointment.read system/Appointment.write system/Slot.read system/Patient.read";
  // The tenant's identifier systems for Swedish person numbers (unconfirmed: see README).
  std::string personnummer_system = "urn:oid:1.2.752.129.2.1.3.1";
  std::string samordningsnummer_system = "urn:oid:1.2.752.129.2.1.3.3";
  // The cancelationReason coding sent when the request carries none (a coding is mandatory).
  std::string cancel_reason_system = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";
  std::string cancel_reason_code = "pat";
  std::vector<location_config> locations;
  std::vector<practitioner_config> practitioners;
  std::size_t page_size = 50;  // _count
  std::size_t max_pages = 20;  // more than this many `next` links is an error, not silently truncated
  // A token is renewed this long before it expires. Millennium tokens live
  // under 10 minutes and refreshing more often than every minute may be throttled.
  std::chrono::seconds token_margin{60};
  // GetAppointments without a start bound: Millennium requires a date, so look back this far.
  std::chrono::hours default_lookback{24 * 366};
};

}  // namespace tidnav::adapters::millennium
