// SPDX-License-Identifier: GPL-2.0-or-later
// A bridge wired to a legacy simulator over mutual TLS on 127.0.0.1, as the
// adapter host wires it: the 2.0 and 1.1 front-ends of adapters/core in front,
// an idempotency store and the bridge's id store in SQLite files that outlive
// a "restart" (restart() builds a new bridge on the same files).
#pragma once

#include "adapters/bridge/bridge_booking_system.hpp"
#include "adapters/fhir/net/net_transport.hpp"
#include "adapters/bridge/sim/legacy_simulator.hpp"
#include "adapters/core/id_directory.hpp"
#include "adapters/core/idempotency_store.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/unit_table.hpp"
#include "contracts/codec_types.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace tidnav::adapters::bridge::test {

inline const std::string tolvan = "191212121212";
inline const std::string other_person = "198112189876";
// The seeds' clock: 2031-03-01 12:00 Swedish time.
instant seed_now();

struct bridge_world {
  // `profile` has no endpoint yet: the simulator's URL is filled in.
  bridge_world(legacy_profile profile, sim::sim_version version, const std::string& seed, std::string unit_prefix);
  ~bridge_world();

  // A new bridge (and id directory) on the same state files, as after a restart.
  void restart();

  call_info call(std::chrono::milliseconds budget = std::chrono::seconds(10));
  producer_reply sched2(const std::string& envelope, std::chrono::milliseconds budget = std::chrono::seconds(10));
  producer_reply crm11(const std::string& envelope, std::chrono::milliseconds budget = std::chrono::seconds(10));

  std::string unit1, unit2;  // the seed's units (HSA-ids = native ids)
  legacy_profile profile;
  instant clock_now;         // the bridge's clock; tests move it
  std::unique_ptr<sim::legacy_simulator> simulator;
  std::unique_ptr<fhir::net_transport> transport;
  std::string ids_path, writes_path;
  std::unique_ptr<id_store> ids;
  std::unique_ptr<idempotency_store> writes;
  std::vector<std::string> log_lines;
  std::unique_ptr<violation_counter> violations;
  std::unique_ptr<bridge_booking_system> system;
  unit_table units;
  std::unique_ptr<id_directory> directory;
};

// 2.0 request bodies.
std::string slots_request(const std::string& unit, const std::string& from = "20310310",
                          const std::string& to = "20310312", const std::string& pnr = tolvan);
std::string make_request(const std::string& unit, const std::string& slot, const std::string& pnr = tolvan);

// Replies that must be 200 and schema-valid for their family.
producer_reply valid(producer_reply r, contracts::family fam);
bool is_server_fault(const producer_reply& r);
// The timeslotId whose startTime is `ts`, from a 2.0 GetAvailableTimeslots answer.
std::string slot_at(const std::string& answer, const std::string& ts);

}  // namespace tidnav::adapters::bridge::test
