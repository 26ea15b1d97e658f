// SPDX-License-Identifier: GPL-2.0-or-later
// What the engagement index has done since the process started, for the
// hub's /metrics and status: posts by what a commit did to them, and requests
// by operation and result. Lock-free counters, bumped after each commit; read
// as one plain snapshot.
#pragma once

#include "hub/ei/engagement.hpp"

#include <atomic>
#include <cstdint>
#include <span>

namespace tidnav::ei {

struct ei_counts {
  // Posts, by what the committed transaction did (Update and ProcessNotification).
  std::uint64_t inserted = 0;
  std::uint64_t updated = 0;
  std::uint64_t deleted = 0;
  std::uint64_t unchanged = 0;
  // Requests answered with a result (OK/INFO, or a FindContentResponse).
  std::uint64_t updates = 0;
  std::uint64_t notifications = 0;
  std::uint64_t find_contents = 0;
  // Requests answered with a SOAP fault (validation EI000-EI006, storage).
  std::uint64_t refused = 0;
  // Lookups by the hub's own aggregating services (no SOAP round trip).
  std::uint64_t aggregator_finds = 0;
};

class ei_counters {
 public:
  void committed(std::span<const change_outcome> outcomes) noexcept {
    for (const change_outcome o : outcomes) {
      switch (o) {
        case change_outcome::inserted: inserted_.fetch_add(1, std::memory_order_relaxed); break;
        case change_outcome::updated: updated_.fetch_add(1, std::memory_order_relaxed); break;
        case change_outcome::deleted: deleted_.fetch_add(1, std::memory_order_relaxed); break;
        case change_outcome::unchanged: unchanged_.fetch_add(1, std::memory_order_relaxed); break;
      }
    }
  }
  void update_answered() noexcept { updates_.fetch_add(1, std::memory_order_relaxed); }
  void notification_answered() noexcept { notifications_.fetch_add(1, std::memory_order_relaxed); }
  void find_content_answered() noexcept { find_contents_.fetch_add(1, std::memory_order_relaxed); }
  void refused() noexcept { refused_.fetch_add(1, std::memory_order_relaxed); }
  void aggregator_find() noexcept { aggregator_finds_.fetch_add(1, std::memory_order_relaxed); }

  ei_counts snapshot() const noexcept {
    ei_counts c;
    c.inserted = inserted_.load(std::memory_order_relaxed);
    c.updated = updated_.load(std::memory_order_relaxed);
    c.deleted = deleted_.load(std::memory_order_relaxed);
    c.unchanged = unchanged_.load(std::memory_order_relaxed);
    c.updates = updates_.load(std::memory_order_relaxed);
    c.notifications = notifications_.load(std::memory_order_relaxed);
    c.find_contents = find_contents_.load(std::memory_order_relaxed);
    c.refused = refused_.load(std::memory_order_relaxed);
    c.aggregator_finds = aggregator_finds_.load(std::memory_order_relaxed);
    return c;
  }

 private:
  std::atomic<std::uint64_t> inserted_{0}, updated_{0}, deleted_{0}, unchanged_{0};
  std::atomic<std::uint64_t> updates_{0}, notifications_{0}, find_contents_{0}, refused_{0}, aggregator_finds_{0};
};

}  // namespace tidnav::ei
