// SPDX-License-Identifier: GPL-2.0-or-later
// Request validation for Update, ProcessNotification and FindContent, with the
// engagement index's error codes. Pure: every problem found is returned at
// once so a source system can fix a whole batch in one round.
#pragma once

#include "hub/ei/engagement.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::ei {

enum class ei_error {
  ei000,  // technical error: transaction count out of range, FindContent without its two keys
  ei001,  // the payload does not follow the schema
  ei002,  // two transactions of one request share a key
  ei003,  // Update sent to a logical address that is not this index
  ei004,  // a field is missing, padded with whitespace, too long, or not a real TS
  ei005,  // logicalAddress is reserved (it would make an aggregator call itself)
  ei006,  // sourceSystem is reserved
};

std::string_view code_of(ei_error e) noexcept;  // "EI004"

struct problem {
  ei_error code;
  std::string text;  // without the code

  std::string describe() const;  // "EI004: ..."
  bool operator==(const problem&) const = default;
};

struct validation_policy {
  std::string own_hsa_id;                        // the owner stamped on Update
  std::vector<std::string> alternative_hsa_ids;  // further addresses Update may be sent to
  std::vector<std::string> reserved_hsa_ids;     // refused as logicalAddress / sourceSystem
  std::size_t max_transactions = 1000;
};

// Update: the header address (EI003), then the batch. Owners, creation and
// update times in the request are ignored (the index sets them), so
// duplicates are found on the key as it will be stored, owned by own_hsa_id.
std::vector<problem> validate_update(std::optional<std::string_view> logical_address,
                                     std::span<const engagement_transaction> batch, const validation_policy& policy);

// ProcessNotification: as Update but owner is mandatory and part of the key,
// and there is no address check (the header names the notified system).
std::vector<problem> validate_notification(std::span<const engagement_transaction> batch,
                                           const validation_policy& policy);

std::vector<problem> validate_find(const find_query& query);

}  // namespace tidnav::ei
