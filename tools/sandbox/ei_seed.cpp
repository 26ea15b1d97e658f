// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/ei_seed.hpp"

#include "adapters/core/name_uuid.hpp"
#include "adapters/core/swedish_time.hpp"
#include "contracts/operation_registry.hpp"
#include "tools/sandbox/soap_call.hpp"

#ifdef TIDNAV_SANDBOX_HAS_BRIDGE
#include "adapters/bridge/id_store.hpp"
#include "adapters/pasis/pasis_profile.hpp"
#include "adapters/pmo/pmo_profile.hpp"
#endif

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace tidnav::sandbox {
namespace {

#ifdef TIDNAV_SANDBOX_HAS_BRIDGE
// The bridge's name-based appointment id, computed by the bridge itself (an
// id store in memory: nothing is remembered, only the UUID is wanted).
std::string bridge_appointment_id(system_kind s, const std::string& native_unit, const std::string& booking_id) {
  static std::mutex mu;
  static std::map<system_kind, std::unique_ptr<adapters::bridge::id_store>> stores;
  const std::lock_guard lock(mu);
  auto& store = stores[s];
  if (!store) {
    std::string error;
    const char* name = s == system_kind::pasis ? adapters::pasis::system_name : adapters::pmo::system_name;
    store = adapters::bridge::id_store::open(":memory:", name, error);
    if (!store) throw std::runtime_error("bridge id store: " + error);
  }
  return store->appointment_uuid(native_unit, booking_id);
}
#endif

std::string data_controller(system_kind s) {
  return s == system_kind::cosmic ? "SE2321000016-RJKP" : "SE2321000016-RSKA";
}

}  // namespace

std::string adapter_native_id(const region& r, const booking_def& b, backend_mode mode) {
  const auto* unit = r.unit(r.slot(b.slot)->unit);
  const bool bridged = unit->system == system_kind::pasis || unit->system == system_kind::pmo;
  if (!bridged || mode != backend_mode::simulator) return b.id;
#ifdef TIDNAV_SANDBOX_HAS_BRIDGE
  // The bridge names the booking by the unit the producer writes in
  // healthcare_facility: the seed's unit id, i.e. the unit's native id.
  return bridge_appointment_id(unit->system, unit->native_id, b.id);
#else
  throw std::runtime_error("this build has no adapters/bridge, so PASiS/PMO cannot run on their simulators");
#endif
}

std::string engagement_update(const region& r, system_kind s, backend_mode mode) {
  request_spec spec;
  spec.fam = contracts::family::ei1;
  spec.operation = "Update";
  spec.logical_address = platform_hsa_id;
  const std::string now = adapters::instant_to_ts(std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::system_clock::now()));
  int n = 0;
  for (const auto& b : r.bookings) {
    const auto* slot = r.slot(b.slot);
    const auto* unit = r.unit(slot->unit);
    if (unit->system != s) continue;
    // As adapters/host's upsert_posts: crm 1.1 the adapter's native id and the
    // start time; 2.0 the appointmentId it hands out (contract_id of the native
    // id) and the time the post changed.
    struct post {
      const char* domain;
      std::string id;
      std::string most_recent;
    };
    const std::string native = adapter_native_id(r, b, mode);
    const post posts[] = {
        {"riv:crm:scheduling", native, ts_text(slot->start_local)},
        {"riv:supportprocess:logistics:scheduling",
         adapters::contract_id(adapters::native_id_kind::appointment, unit->native_id, native), now},
    };
    for (const auto& p : posts) {
      const std::string at = "engagementTransaction[" + std::to_string(++n) + "].";
      const std::string e = at + "engagement.";
      spec.fields.push_back({at + "deleteFlag", "false"});
      spec.fields.push_back({e + "registeredResidentIdentification", b.person});
      spec.fields.push_back({e + "serviceDomain", p.domain});
      spec.fields.push_back({e + "categorization", "NA"});
      spec.fields.push_back({e + "logicalAddress", unit->hsa_id});
      spec.fields.push_back({e + "businessObjectInstanceIdentifier", p.id});
      spec.fields.push_back({e + "clinicalProcessInterestId", "NA"});
      spec.fields.push_back({e + "mostRecentContent", p.most_recent});
      spec.fields.push_back({e + "sourceSystem", adapter_hsa_id(s)});
      spec.fields.push_back({e + "dataController", data_controller(s)});
    }
  }
  if (n == 0) return {};
  return build_request(spec).envelope;
}

std::string post_engagements(const region& r, const layout& l, const std::string& hub_url,
                             const std::function<backend_mode(system_kind)>& mode) {
  for (auto s : all_systems) {
    const std::string envelope = engagement_update(r, s, mode(s));
    if (envelope.empty()) continue;
    const auto client = l.adapter_client(s);
    consumer c(hub_url, l.ca_cert(), client.cert, client.key);
    const auto* op = contracts::find_operation(contracts::family::ei1, "Update");
    auto reply = c.send({envelope, "\"" + op->soap_action + "\""}, contracts::family::ei1, "Update");
    if (!reply.ok()) return std::string(display_name(s)) + ": " + reply.problem();
    const std::string code = value_of(reply.body, "ResultCode");
    if (code != "OK") {
      return std::string(display_name(s)) + ": Update answered " + code + " " + value_of(reply.body, "comment");
    }
  }
  return {};
}

}  // namespace tidnav::sandbox
