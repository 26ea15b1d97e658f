// SPDX-License-Identifier: GPL-2.0-or-later
// The sandbox's fictional region: care units on the four booking systems,
// their time types and practitioners, free slots over the planning horizon
// (eight weeks from today) and the existing bookings of a few test persons.
// One plain value, generated in code from a date, so every seed, every
// configuration and the journey read the same facts and nothing big is
// committed. Deterministic: the same day gives the same region.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::sandbox {

enum class system_kind { millennium, cosmic, pasis, pmo };

std::string_view to_string(system_kind s);  // "millennium", ...
std::string_view display_name(system_kind s);  // "Millennium", "Cosmic", "PASiS", "PMO"
inline constexpr system_kind all_systems[] = {system_kind::millennium, system_kind::cosmic, system_kind::pasis,
                                             system_kind::pmo};

// "physical" or "digital" (the 2.0 careContactCode: 1 fysiskt besök, 2 digitalt vårdmöte).
enum class contact_kind { physical, digital };

struct time_type_def {
  std::string code;   // "LAK30"
  std::string name;   // "Läkarbesök"
  int minutes = 30;
  contact_kind contact = contact_kind::physical;
};

struct practitioner_def {
  std::string hsa_id;
  std::string first_name, last_name, title;
};

struct unit_def {
  std::string hsa_id;     // logical address, SE2321000016-xxxx
  std::string native_id;  // the booking system's own id (Location, unit code, ...)
  std::string name;
  std::string region;     // "Region Skåne", "Region Jönköpings län"
  std::string address;
  system_kind system{};
  std::vector<practitioner_def> practitioners;
};

struct slot_def {
  std::string id;  // unique in the region, e.g. "SKM1-20261207-0800-LAK30"
  std::string unit;  // unit HSA-id
  std::string time_type;
  std::string practitioner;  // HSA-id
  std::chrono::local_seconds start_local{};  // Swedish wall clock
  std::chrono::local_seconds end_local{};
  std::chrono::sys_seconds start_utc{};
  std::chrono::sys_seconds end_utc{};
};

struct booking_def {
  std::string id;      // native booking id
  std::string person;  // personnummer
  std::string slot;    // slot_def::id (the slot is taken)
  std::string reason;
};

struct person_def {
  std::string id;  // 12-digit personnummer (Skatteverket test number)
  std::string name;
};

struct region {
  std::chrono::year_month_day today{};
  std::vector<time_type_def> time_types;  // every unit offers all of them
  std::vector<unit_def> units;
  std::vector<person_def> persons;
  std::vector<slot_def> slots;  // free and booked, sorted by unit then start
  std::vector<booking_def> bookings;

  const unit_def* unit(std::string_view hsa_id) const;
  const slot_def* slot(std::string_view id) const;
  const time_type_def* time_type(std::string_view code) const;
  std::vector<const unit_def*> units_on(system_kind s) const;
};

struct region_options {
  std::chrono::year_month_day today{};
  int horizon_days = 56;  // the region's planning horizon: eight weeks
};

// The fictional region as of `today` (Swedish date). Throws std::logic_error
// if a built-in person number fails the personnummer check (a typo here must
// not reach a demo).
region make_region(const region_options& options);

// Today's Swedish calendar date.
std::chrono::year_month_day swedish_today();

// "20261207093000" from a Swedish wall-clock time.
std::string ts_text(std::chrono::local_seconds t);
// "2026-12-07T08:30:00Z" (FHIR instants of the simulators).
std::string iso_utc(std::chrono::sys_seconds t);

}  // namespace tidnav::sandbox
