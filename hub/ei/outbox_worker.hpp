// SPDX-License-Identifier: GPL-2.0-or-later
// Delivers the outbox: one thread that picks due entries, writes their
// ProcessNotification envelopes and hands them to the notification_sender,
// then records the outcome durably (delivered entries are removed; failed ones
// get attempts+1 and a next_attempt time from the back-off policy). Everything
// it knows lives in the store, so a restart continues where it stopped.
// Delivery is at least once: an entry whose answer was lost is sent again.
#pragma once

#include "hub/ei/ei_codec.hpp"
#include "hub/ei/engagement_store.hpp"
#include "hub/ei/outbox_queue.hpp"
#include "hub/ei/notification_sender.hpp"
#include "hub/ei/outbox_backoff.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <thread>

namespace tidnav::ei {

struct outbox_worker_config {
  backoff_policy backoff;
  std::size_t max_in_flight = 8;  // sends awaiting `done` at once
  // Longest sleep: picks up entries written by another process and survives
  // wall-clock jumps. Local commits wake the worker at once (wake()).
  std::chrono::milliseconds poll_interval{1000};
  // A send whose `done` has not come by then counts as failed (a late `done` is ignored).
  std::chrono::milliseconds send_timeout{std::chrono::minutes(2)};
  // What each entry is sent as: ProcessNotification (the index notifying its
  // subscribers) or Update (a source system posting to an index, adapters/host).
  ei_operation operation = ei_operation::process_notification;
};

struct outbox_metrics {
  outbox_counts stored;       // pending, delivered, failed attempts, dead (durable totals)
  std::size_t in_flight = 0;  // handed to the sender, no answer yet
};

class outbox_worker {
 public:
  // `store` and `sender` must outlive the worker.
  outbox_worker(outbox_queue& store, notification_sender& sender, outbox_worker_config config = {});
  ~outbox_worker();  // stop()
  outbox_worker(const outbox_worker&) = delete;
  outbox_worker& operator=(const outbox_worker&) = delete;

  void start();
  // Joins the thread. Sends still in flight are forgotten: their entries stay
  // pending and go out again after the next start.
  void stop();
  // Something was enqueued: look now instead of at the next poll.
  void wake();

  outbox_metrics metrics();

 private:
  struct state;
  void run();

  outbox_queue& store_;
  notification_sender& sender_;
  outbox_worker_config config_;
  std::shared_ptr<state> state_;  // shared with the `done` callbacks
  std::thread thread_;
};

}  // namespace tidnav::ei
