// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_kind.hpp"

#include <array>

namespace tidnav::core {
namespace {

constexpr std::string_view crm11_core_ns = "urn:riv:crm:scheduling:1";
constexpr std::string_view crm11_ext_ns = "urn:riv:crm:scheduling:1.1";
constexpr std::string_view sched2_core_ns = "urn:riv:supportprocess:logistics:scheduling:2";

// Indexed by aggregate_kind. The 2.0 requests have no unit field (the unit is
// only the LogicalAddress header), so their `facility` is empty.
constexpr std::array<aggregate_contract, 4> contracts{{
    {"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", "GetSubjectOfCareSchedule",
     "GetSubjectOfCareScheduleResponse", "timeslotDetail", crm11_core_ns, crm11_ext_ns, "healthcare_facility", "gs",
     false},
    {"urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2", "GetAppointments",
     "GetAppointmentsResponse", "appointment", sched2_core_ns, "", "", "gas", false},
    {"urn:riv:supportprocess:logistics:scheduling:GetAvailableTimeslotsResponder:2", "GetAvailableTimeslots",
     "GetAvailableTimeslotsResponse", "timeslot", sched2_core_ns, "", "", "gat", true},
    {"urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1", "GetAvailableTimeslots",
     "GetAvailableTimeslotsResponse", "timeslotDetail", crm11_core_ns, "", "healthcare_facility", "gat", false},
}};

constexpr std::array<aggregate_kind, 4> all_kinds{aggregate_kind::schedule_11, aggregate_kind::appointments_20,
                                                  aggregate_kind::timeslots_20, aggregate_kind::timeslots_11};

}  // namespace

std::string_view to_string(aggregate_kind k) noexcept {
  switch (k) {
    case aggregate_kind::schedule_11: return "schedule_11";
    case aggregate_kind::appointments_20: return "appointments_20";
    case aggregate_kind::timeslots_20: return "timeslots_20";
    case aggregate_kind::timeslots_11: return "timeslots_11";
  }
  return "unknown";
}

const aggregate_contract& contract_of(aggregate_kind k) noexcept { return contracts[static_cast<std::size_t>(k)]; }

std::optional<aggregate_kind> aggregate_kind_of(std::string_view contract_ns, std::string_view operation) noexcept {
  for (const aggregate_kind k : all_kinds) {
    const aggregate_contract& c = contract_of(k);
    if (c.responder_ns == contract_ns && c.operation == operation) return k;
  }
  return std::nullopt;
}

}  // namespace tidnav::core
