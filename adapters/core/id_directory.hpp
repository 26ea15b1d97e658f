// SPDX-License-Identifier: GPL-2.0-or-later
// The way back from a 2.0 UUID to the native id it was made from. UUID v5 is a
// hash, so the front-end notes every id it hands out (timeslots listed,
// appointments listed or booked) and looks requests up here. The directory is
// memory only and bounded (oldest entries go first): after a restart, ids of
// appointments are found again by listing the person's bookings (every 2.0
// request about an appointment carries the personId); a timeslot id not seen
// since the restart answers REQUESTED_TIME_IS_NO_LONGER_AVAILABLE and the
// consumer lists the times again, which refills the directory.
#pragma once

#include "adapters/core/name_uuid.hpp"

#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tidnav::adapters {

struct native_ref {
  std::string unit;  // native unit id
  std::string id;    // native id
};

class id_directory {
 public:
  explicit id_directory(std::size_t capacity = 500'000) : capacity_(capacity) {}

  // contract_id() of the native id, remembered for the way back.
  std::string remember(native_id_kind kind, std::string_view native_unit, std::string_view native_id);
  std::optional<native_ref> find(native_id_kind kind, std::string_view contract_uuid) const;
  std::size_t size() const;

 private:
  static std::string key(native_id_kind kind, std::string_view uuid);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, native_ref> map_;
  std::deque<std::string> order_;  // insertion order, for eviction
};

}  // namespace tidnav::adapters
