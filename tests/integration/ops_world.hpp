// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A hub_world set up for the operations tests (audit log, dashboard): two
// units with producers answering GetSubjectOfCareSchedule, the engagement
// index and the aggregating service at the platform address, an operator
// with a token, and a little traffic.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "hub/audit/sqlite_audit_store.hpp"
#include "tests/integration/hub_world.hpp"

namespace tidnav::test {

inline constexpr const char* ops_platform = "5565594230";
inline constexpr const char* ops_person = "191212121212";
inline constexpr const char* ops_operator = "SE2321000016-OP01";
inline constexpr const char* ops_token = "operator-token-for-tests";
inline constexpr const char* ops_unit1 = "SE2321000016-U001";
inline constexpr const char* ops_unit2 = "SE2321000016-U002";

class ops_world {
 public:
  ops_world();
  hub_world& world() { return *world_; }

  /// Registers the person's bookings at both units in the engagement index.
  void register_engagements();
  /// A GetSubjectOfCareSchedule at `address` with this correlation id.
  net::client_result call_schedule(const std::string& address, const std::string& correlation_id);

  /// Audit records for the person once at least `n` exist (waits up to 5 s).
  std::vector<audit::audit_record> audit_records(std::size_t n, const std::string& person = ops_person);

  net::client_result admin_get(const std::string& path);
  net::client_result citizen(const std::string& body, const std::string& token);

 private:
  std::unique_ptr<recording_producer> unit1_;
  std::unique_ptr<recording_producer> unit2_;
  std::unique_ptr<hub_world> world_;
  std::unique_ptr<net::http_client> admin_client_;
};

}  // namespace tidnav::test
