// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/defects/defect_switches.hpp"

#include <array>

namespace tidnav::adapters::defects {
namespace {

struct defect_info {
  defect d;
  std::string_view name;
  std::string_view description;
};

constexpr std::array<defect_info, 6> table{{
    {defect::past_times, "past-times", "availability answers include a time that has already started"},
    {defect::double_booking, "double-booking", "a slot that is already booked can be booked again"},
    {defect::slot_not_freed, "slot-not-freed", "a cancelled booking's slot is not offered again"},
    {defect::invalid_timestamp, "invalid-timestamp",
     "booking details carry an ISO 8601 timestamp instead of TS (schema-invalid)"},
    {defect::fault_for_business, "fault-for-business", "business outcomes come back as SOAP Server faults"},
    {defect::slow_answers, "slow-answers", "every answer is delayed"},
}};

constexpr std::array<defect, 6> every{defect::past_times,         defect::double_booking,
                                      defect::slot_not_freed,     defect::invalid_timestamp,
                                      defect::fault_for_business, defect::slow_answers};

unsigned bit(defect d) { return 1u << static_cast<unsigned>(d); }

}  // namespace

std::span<const defect> all_defects() { return every; }

std::string_view name_of(defect d) {
  for (const auto& i : table) {
    if (i.d == d) return i.name;
  }
  return "unknown";
}

std::string_view description_of(defect d) {
  for (const auto& i : table) {
    if (i.d == d) return i.description;
  }
  return {};
}

std::optional<defect> defect_from_name(std::string_view name) {
  for (const auto& i : table) {
    if (i.name == name) return i.d;
  }
  return std::nullopt;
}

void defect_switches::set(defect d, bool on) {
  if (on) {
    bits_.fetch_or(bit(d));
  } else {
    bits_.fetch_and(~bit(d));
  }
}

bool defect_switches::on(defect d) const { return (bits_.load() & bit(d)) != 0; }

void defect_switches::clear() { bits_.store(0); }

}  // namespace tidnav::adapters::defects
