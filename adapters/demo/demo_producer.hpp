// SPDX-License-Identifier: GPL-2.0-or-later
// A contract producer for one care unit with a small fixed schedule. It answers
// crm:scheduling 1.1 GetSubjectOfCareSchedule, scheduling 2.0 GetAppointments
// and GetAppointment, and PingForConfiguration; any other operation gets a
// SOAP Client fault saying it is not offered. I/O-free: bytes in, bytes out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters {

struct demo_booking {
  std::string person;          // 12-digit personnummer
  std::string appointment_id;  // UUID (2.0)
  std::string booking_id;      // native id (1.1)
  std::string start;           // TS, Swedish local time
  std::string end;
  std::string time_type_code;
  std::string time_type_name;
  std::string reason;
};

struct demo_unit {
  std::string hsa_id = "SE2321000016-DEMO";
  std::string name = "Vårdcentralen Demo";
  std::vector<demo_booking> bookings;
};

// A unit with two bookings for test person 191212121212.
demo_unit default_demo_unit();

struct producer_reply {
  unsigned http_status;  // 200, or 500 with a SOAP fault
  std::string body;
};

producer_reply handle_demo_request(const demo_unit& unit, std::string_view request);

}  // namespace tidnav::adapters
