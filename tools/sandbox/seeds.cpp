// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/seeds.hpp"

#include <nlohmann/json.hpp>

namespace tidnav::sandbox {
namespace {

using json = nlohmann::ordered_json;

const unit_def& unit_of(const region& r, const slot_def& s) { return *r.unit(s.unit); }

const booking_def* booking_on(const region& r, const slot_def& s) {
  for (const auto& b : r.bookings) {
    if (b.slot == s.id) return &b;
  }
  return nullptr;
}

}  // namespace

std::string millennium_patient_id(const region& r, std::string_view person) {
  for (std::size_t i = 0; i < r.persons.size(); ++i) {
    if (r.persons[i].id == person) return std::to_string(12724067 + i);
  }
  return {};
}

std::string millennium_practitioner_id(std::string_view hsa_id) {
  return "PR-" + std::string(hsa_id.substr(hsa_id.find('-') + 1));
}

std::string cosmic_service_id(const unit_def& u, std::string_view time_type) {
  return "HS-" + u.hsa_id.substr(u.hsa_id.find('-') + 1) + "-" + std::string(time_type);
}

std::string memory_seed_json(const region& r, system_kind s) {
  json units = json::array();
  for (const auto* u : r.units_on(s)) {
    json tts = json::array();
    for (const auto& t : r.time_types) {
      tts.push_back({{"code", t.code}, {"name", t.name}, {"cancel_allowed", true}, {"update_allowed", true}});
    }
    json prs = json::array();
    for (const auto& p : u->practitioners) {
      prs.push_back({{"hsa_id", p.hsa_id}, {"first_name", p.first_name}, {"last_name", p.last_name}, {"title", p.title}});
    }
    units.push_back({{"id", u->native_id},
                     {"name", u->name},
                     {"alternative_location", u->address},
                     {"time_types", tts},
                     {"practitioners", prs}});
  }
  json slots = json::array();
  json bookings = json::array();
  for (const auto& sl : r.slots) {
    const auto& u = unit_of(r, sl);
    if (u.system != s) continue;
    slots.push_back({{"id", sl.id},
                     {"unit", u.native_id},
                     {"start", ts_text(sl.start_local)},
                     {"end", ts_text(sl.end_local)},
                     {"time_type", sl.time_type},
                     {"practitioners", json::array({sl.practitioner})}});
    if (const auto* b = booking_on(r, sl)) {
      bookings.push_back({{"id", b->id}, {"person", b->person}, {"slot", sl.id}, {"reason", b->reason}});
    }
  }
  json seed = {{"_comment", "tidnav sandbox: " + std::string(display_name(s)) + " units, generated at start-up"},
               {"rules", {{"book_notice_minutes", 60}, {"rebook_notice_hours", 24}, {"cancel_notice_hours", 24}}},
               {"units", units},
               {"slots", slots},
               {"bookings", bookings}};
  return seed.dump(1) + "\n";
}

std::string millennium_seed_json(const region& r) {
  json patients = json::array();
  for (const auto& p : r.persons) {
    patients.push_back({{"id", millennium_patient_id(r, p.id)},
                        {"system", millennium_person_system},
                        {"value", p.id},
                        {"name", p.name}});
  }
  json slots = json::array();
  json appointments = json::array();
  for (const auto& sl : r.slots) {
    const auto& u = unit_of(r, sl);
    if (u.system != system_kind::millennium) continue;
    const auto* tt = r.time_type(sl.time_type);
    slots.push_back({{"id", sl.id},
                     {"location", u.native_id},
                     {"code", tt->code},
                     {"system", millennium_code_system},
                     {"display", tt->name},
                     {"start", iso_utc(sl.start_utc)},
                     {"end", iso_utc(sl.end_utc)},
                     {"practitioner", millennium_practitioner_id(sl.practitioner)}});
    if (const auto* b = booking_on(r, sl)) {
      appointments.push_back({{"id", b->id},
                              {"slot", sl.id},
                              {"patient", millennium_patient_id(r, b->person)},
                              {"reason", b->reason}});
    }
  }
  json seed = {{"_comment", "tidnav sandbox: Millennium tenant, generated at start-up"},
               {"client_id", sim_client_id},
               {"client_secret", sim_client_secret},
               {"patients", patients},
               {"slots", slots},
               {"appointments", appointments}};
  return seed.dump(1) + "\n";
}

std::string cosmic_seed_json(const region& r) {
  json services = json::array();
  for (const auto* u : r.units_on(system_kind::cosmic)) {
    for (const auto& t : r.time_types) {
      services.push_back({{"id", cosmic_service_id(*u, t.code)}, {"unit", u->hsa_id}, {"name", t.name}});
    }
  }
  json slots = json::array();
  json appointments = json::array();
  for (const auto& sl : r.slots) {
    const auto& u = unit_of(r, sl);
    if (u.system != system_kind::cosmic) continue;
    slots.push_back({{"id", sl.id},
                     {"service", cosmic_service_id(u, sl.time_type)},
                     {"start", iso_utc(sl.start_utc)},
                     {"end", iso_utc(sl.end_utc)},
                     {"permitted", json::array({"cancel", "rebook"})}});
    if (const auto* b = booking_on(r, sl)) {
      appointments.push_back({{"id", b->id},
                              {"slot", sl.id},
                              {"patient", b->person},
                              {"status", "booked"},
                              {"comment", b->reason},
                              {"permitted", json::array({"cancel", "rebook"})}});
    }
  }
  json seed = {{"_comment", "tidnav sandbox: Cosmic (Region Jönköpings län), generated at start-up"},
               {"client_id", sim_client_id},
               {"client_secret", sim_client_secret},
               {"subscription_key", sim_subscription_key},
               {"services", services},
               {"slots", slots},
               {"appointments", appointments}};
  return seed.dump(1) + "\n";
}

}  // namespace tidnav::sandbox
