// SPDX-License-Identifier: GPL-2.0-or-later
// The engagement index's own vocabulary, free of gSOAP and SQLite, so that
// validation, identity and storage can be tested as plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::ei {

// One post of the index. Field names follow ei:EngagementType. Optional
// fields are nullopt when the element is absent or empty on the wire.
struct engagement {
  std::string registered_resident_identification;
  std::string service_domain;
  std::string categorization;
  std::string logical_address;
  std::string business_object_instance_identifier;
  std::string clinical_process_interest_id;
  std::optional<std::string> most_recent_content;  // the only field that changes in place
  std::string source_system;
  std::optional<std::string> creation_time;  // set by the index that first stored the post
  std::optional<std::string> update_time;
  std::string data_controller;
  std::optional<std::string> owner;  // HSA-id of the index that first received the post

  bool operator==(const engagement&) const = default;
};

struct engagement_transaction {
  bool delete_flag = false;
  engagement record;

  bool operator==(const engagement_transaction&) const = default;
};

// What applying one transaction did to the store.
enum class change_outcome { inserted, updated, deleted, unchanged };
std::string_view to_string(change_outcome o) noexcept;

// FindContent: the first two fields are required, every other given field
// narrows the result (AND).
struct find_query {
  std::string registered_resident_identification;
  std::string service_domain;
  std::optional<std::string> categorization;
  std::optional<std::string> logical_address;
  std::optional<std::string> business_object_instance_identifier;
  std::optional<std::string> clinical_process_interest_id;
  std::optional<std::string> most_recent_content;
  std::optional<std::string> source_system;
  std::optional<std::string> data_controller;
  std::optional<std::string> owner;
};

}  // namespace tidnav::ei
