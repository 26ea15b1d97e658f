// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/validation.hpp"

#include "hub/core/hsa_id.hpp"
#include "hub/ei/identity.hpp"
#include "hub/ei/timestamp.hpp"

#include <algorithm>
#include <unordered_map>

namespace tidnav::ei {
namespace {

struct text_field {
  const char* name;
  std::string engagement::*member;
  std::size_t max_length;  // the column widths the national index uses
};

constexpr text_field key_fields[] = {
    {"registeredResidentIdentification", &engagement::registered_resident_identification, 32},
    {"serviceDomain", &engagement::service_domain, 255},
    {"categorization", &engagement::categorization, 255},
    {"logicalAddress", &engagement::logical_address, 64},
    {"businessObjectInstanceIdentifier", &engagement::business_object_instance_identifier, 128},
    {"clinicalProcessInterestId", &engagement::clinical_process_interest_id, 128},
    {"sourceSystem", &engagement::source_system, 64},
    {"dataController", &engagement::data_controller, 64},
};
constexpr std::size_t owner_max_length = 64;

struct ts_field {
  const char* name;
  std::optional<std::string> engagement::*member;
};

constexpr ts_field ts_fields[] = {
    {"mostRecentContent", &engagement::most_recent_content},
    {"creationTime", &engagement::creation_time},
    {"updateTime", &engagement::update_time},
};

std::size_t code_points(std::string_view s) noexcept {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Control characters and spaces (what a trim removes), and the no-break space
// that word processors put into copied identifiers.
bool padded(std::string_view s) noexcept {
  auto blank_front = [](std::string_view v) {
    return static_cast<unsigned char>(v.front()) <= 0x20 || v.starts_with("\xC2\xA0");
  };
  auto blank_back = [](std::string_view v) {
    return static_cast<unsigned char>(v.back()) <= 0x20 || v.ends_with("\xC2\xA0");
  };
  return !s.empty() && (blank_front(s) || blank_back(s));
}

std::string at(std::size_t index) { return "engagementTransaction #" + std::to_string(index) + ": "; }

bool reserved(std::string_view id, const validation_policy& policy) {
  return std::any_of(policy.reserved_hsa_ids.begin(), policy.reserved_hsa_ids.end(),
                     [&](const std::string& r) { return !r.empty() && core::iequals(r, id); });
}

void check_text(std::vector<problem>& out, std::size_t index, const char* name, std::string_view value,
                std::size_t max_length) {
  if (value.empty()) {
    out.push_back({ei_error::ei004, at(index) + "mandatory field \"" + name + "\" is missing or empty"});
    return;
  }
  if (padded(value)) {
    out.push_back({ei_error::ei004, at(index) + "field \"" + name + "\" begins or ends with whitespace"});
  }
  if (code_points(value) > max_length) {
    out.push_back({ei_error::ei004, at(index) + "field \"" + name + "\" is longer than " +
                                        std::to_string(max_length) + " characters"});
  }
}

void check_transaction(std::vector<problem>& out, std::size_t index, const engagement& e, bool owner_required,
                       const validation_policy& policy) {
  for (const auto& f : key_fields) check_text(out, index, f.name, e.*f.member, f.max_length);
  if (owner_required) check_text(out, index, "owner", e.owner.value_or(""), owner_max_length);
  for (const auto& f : ts_fields) {
    const auto& v = e.*f.member;
    if (v && !is_valid_ts(*v)) {
      out.push_back({ei_error::ei004, at(index) + "field \"" + f.name + "\" is not a real date and time in the form " +
                                          "YYYYMMDDhhmmss: '" + *v + "'"});
    }
  }
  if (reserved(e.logical_address, policy)) {
    out.push_back({ei_error::ei005, at(index) + "logicalAddress " + e.logical_address +
                                        " is reserved for the platform and cannot be indexed"});
  }
  if (reserved(e.source_system, policy)) {
    out.push_back({ei_error::ei006, at(index) + "sourceSystem " + e.source_system +
                                        " is reserved for the platform and cannot be indexed"});
  }
}

std::vector<problem> check_batch(std::span<const engagement_transaction> batch, const validation_policy& policy,
                                 bool notification) {
  std::vector<problem> out;
  if (batch.empty() || batch.size() > policy.max_transactions) {
    // Beyond the limit nothing else is looked at: the request is refused as a
    // whole, and checking thousands of posts would only cost time.
    out.push_back({ei_error::ei000, "the request holds " + std::to_string(batch.size()) +
                                        " engagementTransaction elements; from 1 to " +
                                        std::to_string(policy.max_transactions) + " are allowed"});
    return out;
  }
  std::unordered_map<std::string, std::size_t> first_with_key;
  first_with_key.reserve(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const engagement& e = batch[i].record;
    const std::size_t index = i + 1;
    const std::string id =
        notification ? engagement_id(e) : engagement_id_with_owner(e, policy.own_hsa_id);
    if (auto [it, fresh] = first_with_key.try_emplace(id, index); !fresh) {
      out.push_back({ei_error::ei002, "engagementTransaction #" + std::to_string(it->second) + " and #" +
                                          std::to_string(index) +
                                          " have the same key; a request may name each post only once"});
    }
    check_transaction(out, index, e, notification, policy);
  }
  return out;
}

}  // namespace

std::string_view code_of(ei_error e) noexcept {
  switch (e) {
    case ei_error::ei000: return "EI000";
    case ei_error::ei001: return "EI001";
    case ei_error::ei002: return "EI002";
    case ei_error::ei003: return "EI003";
    case ei_error::ei004: return "EI004";
    case ei_error::ei005: return "EI005";
    case ei_error::ei006: return "EI006";
  }
  return "EI000";
}

std::string problem::describe() const { return std::string(code_of(code)) + ": " + text; }

std::vector<problem> validate_update(std::optional<std::string_view> logical_address,
                                     std::span<const engagement_transaction> batch, const validation_policy& policy) {
  std::vector<problem> out;
  if (!logical_address || core::trim_ascii(*logical_address).empty()) {
    out.push_back({ei_error::ei003, "the Update has no LogicalAddress; it must be this index's address " +
                                        policy.own_hsa_id});
  } else {
    const bool ours = core::iequals(*logical_address, policy.own_hsa_id) ||
                      std::any_of(policy.alternative_hsa_ids.begin(), policy.alternative_hsa_ids.end(),
                                  [&](const std::string& a) { return core::iequals(*logical_address, a); });
    if (!ours) {
      out.push_back({ei_error::ei003, "the Update was sent to logical address " + std::string(*logical_address) +
                                          ", but this index is " + policy.own_hsa_id});
    }
  }
  auto rest = check_batch(batch, policy, false);
  out.insert(out.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
  return out;
}

std::vector<problem> validate_notification(std::span<const engagement_transaction> batch,
                                           const validation_policy& policy) {
  return check_batch(batch, policy, true);
}

std::vector<problem> validate_find(const find_query& query) {
  std::vector<problem> out;
  if (query.registered_resident_identification.empty()) {
    out.push_back({ei_error::ei000, "FindContent requires registeredResidentIdentification"});
  }
  if (query.service_domain.empty()) {
    out.push_back({ei_error::ei000, "FindContent requires serviceDomain"});
  }
  return out;
}

}  // namespace tidnav::ei
