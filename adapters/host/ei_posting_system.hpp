// SPDX-License-Identifier: GPL-2.0-or-later
// The engagement-index decorator: every write the wrapped booking system
// carries out (make, update, cancel, confirm) leaves one durable outbox row
// with the EI Update transactions of that change, written before the write
// returns to the front-end (so before the contract answer). Failed writes
// leave nothing. Works for any booking_system, so every adapter posts alike.
//
// The booking is read after the write (and before update/cancel, for the old
// key); when a read fails, what the request says is posted and
// mostRecentContent is left out rather than guessed. If the outbox itself
// cannot be written, the write's answer still goes back (the booking stands)
// and `on_problem` is told, so the operator can repair the index.
#pragma once

#include "adapters/core/unit_table.hpp"
#include "adapters/host/ei_outbox.hpp"
#include "adapters/host/ei_post.hpp"
#include "adapters/host/forwarding_system.hpp"

#include <atomic>
#include <functional>
#include <string>

namespace tidnav::adapters::host {

struct ei_destination {
  std::string logical_address;  // LogicalAddress of the Update (the platform's HSA-id)
  std::string target;           // URL of the hub
};

class ei_posting_system final : public forwarding_system {
 public:
  struct hooks {
    std::function<instant()> clock;                     // default: the system clock
    std::function<void()> enqueued;                     // a row was written (wake the worker)
    std::function<void(const std::string&)> on_problem;  // an outbox write failed, or a key was unknown
  };

  // `inner`, `units` and `outbox` must outlive this object.
  ei_posting_system(booking_system& inner, const unit_table& units, ei_post_settings settings, ei_destination to,
                    ei_outbox& outbox, hooks h = {});

  booking_result<write_receipt> make(std::string_view unit, const make_request& request, deadline until) override;
  booking_result<write_receipt> update(std::string_view unit, const update_request& request,
                                       deadline until) override;
  booking_result<write_receipt> cancel(std::string_view unit, const cancel_request& request,
                                       deadline until) override;
  booking_result<write_receipt> confirm(std::string_view unit, const confirm_request& request,
                                        deadline until) override;

  std::uint64_t outbox_failures() const { return failures_.load(); }

 private:
  struct known_booking {
    booking_key key;
    std::optional<instant> start;
  };
  // The booking as the system has it now; nullopt when it cannot be read.
  std::optional<known_booking> read(std::string_view unit, std::string_view id, deadline until);
  // A key from what the request told us, when the booking could not be read.
  std::optional<known_booking> assumed(std::string_view unit, std::string_view id,
                                       const std::optional<person_id>& person) const;
  void post(std::vector<ei::engagement_transaction> transactions, const std::string& person);
  instant now() const;

  const unit_table& units_;
  ei_post_settings settings_;
  ei_destination to_;
  ei_outbox& outbox_;
  hooks hooks_;
  std::atomic<std::uint64_t> failures_{0};
};

}  // namespace tidnav::adapters::host
