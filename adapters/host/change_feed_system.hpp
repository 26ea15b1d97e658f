// SPDX-License-Identifier: GPL-2.0-or-later
// A built system that also offers a change feed: owns the helper (transport),
// the booking system and its change_source, so a builder hands back one
// object and the host finds the feed with dynamic_cast<change_source*>.
#pragma once

#include "adapters/core/change_source.hpp"
#include "adapters/host/forwarding_system.hpp"

#include <memory>

namespace tidnav::adapters::host {

template <class Helper>
class feed_owning_system final : public forwarding_system, public change_source {
 public:
  feed_owning_system(std::unique_ptr<Helper> helper, std::unique_ptr<booking_system> system,
                     std::unique_ptr<change_source> feed)
      : forwarding_system(*system), helper_(std::move(helper)), system_(std::move(system)), feed_(std::move(feed)) {}

  booking_result<std::size_t> changes_since(change_time since, std::size_t page_size,
                                            const std::function<bool(std::vector<booking_change>&)>& on_page,
                                            deadline until) override {
    return feed_->changes_since(since, page_size, on_page, until);
  }

 private:
  std::unique_ptr<Helper> helper_;  // destroyed after the two that use it
  std::unique_ptr<booking_system> system_;
  std::unique_ptr<change_source> feed_;
};

}  // namespace tidnav::adapters::host
