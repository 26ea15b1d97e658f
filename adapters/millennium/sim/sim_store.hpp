// SPDX-License-Identifier: GPL-2.0-or-later
// The simulator's Millennium: an in-memory tenant (Patients, Slots,
// Appointments) behind exactly the documented FHIR subset the adapter uses,
// with its constraints and errors. No sockets: millennium_simulator.cpp puts
// HTTPS, the token endpoint and injected faults in front of it.
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

namespace tidnav::adapters::millennium::sim {

using fhir::sim::sim_instant;

struct sim_patient {
  std::string id;
  std::string system;  // identifier system (personnummer)
  std::string value;
  std::string name;
};

struct sim_slot {
  std::string id;
  std::string location;      // Location id
  std::string practitioner;  // Practitioner id ("" none)
  std::string code;          // serviceType coding
  std::string system;
  std::string display;
  sim_instant start{};
  sim_instant end{};
};

struct sim_appointment {
  std::string id;
  std::string slot;
  std::string patient;  // Patient id
  std::string status = "booked";
  int version = 1;
  bool cancelable = true;
  bool reschedulable = true;
  std::string reason;  // reasonCode[0].text
  std::string cancel_code;
  fhir::sim::sim_updated last_updated{};  // meta.lastUpdated: every change sets it (the change feed)
};

struct sim_seed {
  std::string client_id;
  std::string client_secret;
  std::vector<sim_patient> patients;
  std::vector<sim_slot> slots;
  std::vector<sim_appointment> appointments;
};

// The seed JSON (format: adapters/millennium/README.md; e.g. tests/fixtures/millennium/seed.json);
// nullopt and `error` on a problem. `generate` rows count from `today` (default: today in Sweden).
std::optional<sim_seed> load_sim_seed(const std::string& path, std::string& error);
std::optional<sim_seed> parse_sim_seed(const nlohmann::json& doc, std::chrono::year_month_day today,
                                       std::string& error);

using fhir::sim::header_pairs;
using fhir::sim::query_params;
using fhir::sim::sim_answer;

class sim_store {
 public:
  explicit sim_store(sim_seed seed);

  // A FHIR call below the service root. `base` is the absolute service root
  // (for Location headers and next links); `if_match` and `content_type` are "" when absent.
  sim_answer handle(std::string_view method, std::string_view path, const query_params& query,
                    std::string_view base, std::string_view if_match, std::string_view content_type,
                    std::string_view body);

  // A change made "directly in Millennium" by clinic staff, never through the
  // adapter (sim_direct.cpp): action book {slot, patient}, move {id, slot},
  // cancel {id}; JSON body. Served as POST /_sim/direct/<action>.
  sim_answer direct(std::string_view action, std::string_view body);

  std::size_t active_bookings_on_slot(std::string_view slot) const;
  std::size_t slot_searches() const;
  std::size_t pages_served() const;
  // Defect taken-slot-free (fhir/sim/sim_defects.hpp): slot searches list booked slots too.
  void list_taken_slots(bool on) { list_taken_ = on; }
  const sim_seed& seed() const { return seed_; }

 private:
  sim_answer search_patients(const query_params& q, std::string_view base);
  sim_answer read_patient(std::string_view id);
  sim_answer search_slots(const query_params& q, std::string_view base);
  sim_answer search_appointments(const query_params& q, std::string_view base);
  sim_answer search_changes(const query_params& q, std::string_view base);
  sim_answer read_appointment(std::string_view id);
  sim_answer create_appointment(std::string_view base, std::string_view body);
  sim_answer patch_appointment(std::string_view id, std::string_view if_match, std::string_view content_type,
                               std::string_view body);

  const sim_slot* slot(std::string_view id) const;
  bool slot_taken(std::string_view id, std::string_view except_appointment = {}) const;

  mutable std::mutex mu_;  // one book: racing writers see one state
  std::atomic<bool> list_taken_{false};
  sim_seed seed_;
  std::size_t next_id_ = 5000;
  std::size_t slot_searches_ = 0;
  std::size_t pages_ = 0;
};

}  // namespace tidnav::adapters::millennium::sim
