// SPDX-License-Identifier: GPL-2.0-or-later
// `system:` name -> how to check its `backend:` node and build the booking
// system. A factory only reads and checks (every problem through the shared
// config_reader, never throwing) and hands back a builder; the builder runs
// when the adapter starts (never under --check) and may throw
// std::runtime_error with a message an operator can act on.
//
// Adding a system is one call from its own file, e.g.
//   void register_pasis_system(system_registry& r) { r.add("pasis", pasis_factory); }
// plus one line in adapters/host/net/builtin_systems.cpp that calls it.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/unit_table.hpp"
#include "adapters/host/config_reader.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tidnav::adapters::host {

// time_types: in the configuration, for systems that publish no list of their own.
struct time_type_mapping {
  std::string unit_hsa_id;  // as configured
  std::string native_unit;  // the unit table's native id of that HSA-id
  std::string code;
  std::string system;  // the code system, when the booking system needs one
  std::string name;
  bool cancel_allowed = true;
  bool update_allowed = true;
};

// practitioners: HSA-id <-> the booking system's own practitioner id.
struct practitioner_mapping {
  std::string hsa_id;
  std::string native_id;
  std::string first_name;
  std::string last_name;
  std::string title;
};

// What a factory may use besides its `backend:` node. Valid only during the call.
struct system_context {
  const unit_table& units;
  const std::vector<time_type_mapping>& time_types;
  const std::vector<practitioner_mapping>& practitioners;
  std::chrono::milliseconds backend_timeout;
};

using system_builder = std::function<std::unique_ptr<booking_system>()>;
// Returns an empty builder when `backend` has problems (already reported).
using system_factory =
    std::function<system_builder(const YAML::Node& backend, const system_context& ctx, config_reader& read)>;

class system_registry {
 public:
  // A later add() of the same name replaces the earlier one.
  void add(std::string name, system_factory factory);
  const system_factory* find(const std::string& name) const;
  std::vector<std::string> names() const;  // sorted

 private:
  std::map<std::string, system_factory> factories_;
};

}  // namespace tidnav::adapters::host
