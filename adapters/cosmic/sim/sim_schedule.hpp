// SPDX-License-Identifier: GPL-2.0-or-later
// The simulator's COSMIC: an in-memory schedule behind the documented COS
// subset (HealthcareService and Slot search, Appointment read, cancel by PUT)
// plus the assumed create/reschedule. No sockets: cosmic_simulator.cpp puts
// HTTP, credentials and injected faults in front of it.
#pragma once

#include "adapters/fhir/sim/sim_changes.hpp"
#include "adapters/fhir/sim/sim_support.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tidnav::adapters::cosmic::sim {

using fhir::sim::sim_instant;

struct sim_service {
  std::string id;
  std::string unit;  // HSA-id
  std::string name;
};

struct sim_slot {
  std::string id;
  std::string service;
  sim_instant start{};
  sim_instant end{};
  std::vector<std::string> permitted;  // permittedPatientActions codes
};

struct sim_appointment {
  std::string id;
  std::string slot;
  std::string patient;  // personnummer
  std::string status = "booked";
  std::string comment;
  std::string message;  // the appointment-message extension, last written
  std::vector<std::string> permitted;
  fhir::sim::sim_updated last_updated{};  // meta.lastUpdated: every change sets it (the change feed)
};

struct sim_seed {
  std::string client_id;
  std::string client_secret;
  std::string subscription_key;
  std::vector<sim_service> services;
  std::vector<sim_slot> slots;
  std::vector<sim_appointment> appointments;
};

// The seed JSON (format: adapters/cosmic/README.md; e.g. tests/fixtures/cosmic/seed.json);
// nullopt and `error` on a problem. `generate` rows count from `today` (default: today in Sweden).
std::optional<sim_seed> load_sim_seed(const std::string& path, std::string& error);
std::optional<sim_seed> parse_sim_seed(const nlohmann::json& doc, std::chrono::year_month_day today,
                                       std::string& error);

using fhir::sim::query_params;
using fhir::sim::sim_answer;

class sim_schedule {
 public:
  explicit sim_schedule(sim_seed seed);

  // A FHIR call below the base path; `patient` is the Patient header ("" when absent).
  sim_answer handle(std::string_view method, std::string_view path, const query_params& query,
                    std::string_view patient, std::string_view body);
  // The absolute FHIR base, for next links of the change search.
  void set_base(std::string base);

  // A change made "directly in Cosmic" by clinic staff, never through the
  // adapter (sim_direct.cpp): action book {slot, patient}, move {id, slot},
  // cancel {id}; JSON body. Served as POST /_sim/direct/<action>.
  sim_answer direct(std::string_view action, std::string_view body);

  std::size_t active_bookings_on_slot(std::string_view slot) const;
  std::size_t slot_searches() const;
  const sim_seed& seed() const { return seed_; }
  // Defect taken-slot-free (fhir/sim/sim_defects.hpp): booked slots are listed with status free.
  void list_taken_slots(bool on) { list_taken_ = on; }

 private:
  sim_answer search_services(const query_params& q, std::string_view patient);
  sim_answer search_slots(const query_params& q, std::string_view patient);
  sim_answer search_appointments(const query_params& q, std::string_view patient);
  sim_answer search_changes(const query_params& q, std::string_view base);
  sim_answer read_appointment(std::string_view id, std::string_view patient);
  sim_answer create_appointment(std::string_view patient, std::string_view body);
  sim_answer put_appointment(std::string_view id, std::string_view patient, std::string_view body);

  const sim_slot* slot(std::string_view id) const;
  const sim_service* service(std::string_view id) const;
  bool slot_taken(std::string_view id, std::string_view except_appointment = {}) const;

  mutable std::mutex mu_;  // one book: racing writers see one state
  std::atomic<bool> list_taken_{false};
  sim_seed seed_;
  std::size_t next_id_ = 1000;
  std::string base_;
  std::size_t slot_searches_ = 0;
};

}  // namespace tidnav::adapters::cosmic::sim
