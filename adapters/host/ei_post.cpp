// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/ei_post.hpp"

#include "adapters/core/name_uuid.hpp"
#include "adapters/core/swedish_time.hpp"
#include "adapters/host/adapter_config.hpp"

namespace tidnav::adapters::host {
namespace {

ei::engagement record(const ei_post_settings& s, const booking_key& key, std::string_view domain,
                      std::string business_id) {
  ei::engagement e;
  e.registered_resident_identification = key.person;
  e.service_domain = std::string(domain);
  e.categorization = "NA";
  e.logical_address = key.unit_hsa_id;
  e.business_object_instance_identifier = std::move(business_id);
  e.clinical_process_interest_id = "NA";
  e.source_system = s.source_system;
  e.data_controller = s.data_controller;
  return e;  // owner, creationTime, updateTime: set by the index, never sent
}

}  // namespace

std::string sched2_business_id(const booking_key& key) {
  return contract_id(native_id_kind::appointment, key.native_unit, key.native_id);
}

std::vector<ei::engagement_transaction> upsert_posts(const ei_post_settings& s, const booking_key& key,
                                                     std::optional<instant> start, instant now) {
  std::vector<ei::engagement_transaction> out;
  if (s.sched2) {
    // 2.0: mostRecentContent is when the post was created or last changed.
    ei::engagement e = record(s, key, sched2_domain, sched2_business_id(key));
    e.most_recent_content = instant_to_ts(now);
    out.push_back({false, std::move(e)});
  }
  if (s.crm11) {
    // 1.1: mostRecentContent is the booking's start time.
    ei::engagement e = record(s, key, crm11_domain, key.native_id);
    if (start) e.most_recent_content = instant_to_ts(*start);
    out.push_back({false, std::move(e)});
  }
  return out;
}

std::vector<ei::engagement_transaction> delete_posts(const ei_post_settings& s, const booking_key& key) {
  std::vector<ei::engagement_transaction> out;
  if (s.sched2) out.push_back({true, record(s, key, sched2_domain, sched2_business_id(key))});
  if (s.crm11) out.push_back({true, record(s, key, crm11_domain, key.native_id)});
  return out;
}

}  // namespace tidnav::adapters::host
