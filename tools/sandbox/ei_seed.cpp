// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/ei_seed.hpp"

#include "adapters/core/name_uuid.hpp"
#include "adapters/core/swedish_time.hpp"
#include "contracts/operation_registry.hpp"
#include "tools/sandbox/soap_call.hpp"

namespace tidnav::sandbox {
namespace {

std::string data_controller(system_kind s) {
  return s == system_kind::cosmic ? "SE2321000016-RJKP" : "SE2321000016-RSKA";
}

}  // namespace

std::string engagement_update(const region& r, system_kind s) {
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
    // crm 1.1: the bookingId and the start time. 2.0: the appointmentId the
    // adapter hands out (a name-based UUID of the native id) and the time the
    // post changed.
    struct post {
      const char* domain;
      std::string id;
      std::string most_recent;
    };
    const post posts[] = {
        {"riv:crm:scheduling", b.id, ts_text(slot->start_local)},
        {"riv:supportprocess:logistics:scheduling",
         adapters::contract_id(adapters::native_id_kind::appointment, unit->native_id, b.id), now},
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

std::string post_engagements(const region& r, const layout& l, const std::string& hub_url) {
  for (auto s : all_systems) {
    const std::string envelope = engagement_update(r, s);
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
