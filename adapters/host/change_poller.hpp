// SPDX-License-Identifier: GPL-2.0-or-later
// The change feed: bookings made, moved or cancelled directly in the booking
// system (not through the adapter) reach the engagement index too. Every
// `interval` it asks the change_source for changes since the watermark (minus
// an overlap, deduplicated by (id, lastUpdated)), turns each page into EI
// Update transactions (cancelled → deleteFlag) and writes them to the SAME
// outbox as the decorator's posts (one row per person per page, so a person's
// posts stay in order), then remembers the page's (id, lastUpdated) pairs; the
// persisted watermark moves only when the poll has read every page.
// The adapter's own writes show up too; their re-posts are identical and the
// index ignores identical posts.
#pragma once

#include "adapters/core/change_source.hpp"
#include "adapters/core/unit_table.hpp"
#include "adapters/host/change_feed_settings.hpp"
#include "adapters/host/change_watermark.hpp"
#include "adapters/host/ei_outbox.hpp"
#include "adapters/host/ei_post.hpp"
#include "adapters/host/ei_posting_system.hpp"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace tidnav::adapters::host {

struct poll_report {
  bool ok = true;
  std::size_t pages = 0;
  std::size_t changes = 0;     // read (dedupe included)
  std::size_t duplicates = 0;  // already posted inside the overlap
  std::size_t posted = 0;      // changes that became EI transactions
  std::size_t skipped = 0;     // another system's unit, unreadable, or a status with no post (proposed, fulfilled)
  std::size_t rows = 0;        // outbox rows written
  std::string error;           // !ok: why (the next interval tries again from the same watermark)
};

class change_poller {
 public:
  struct hooks {
    std::function<void()> enqueued;  // rows were written (wake the outbox worker)
    // One structured event: "change_feed_poll", "change_feed_failed", "change_skipped".
    std::function<void(const std::string& event, const std::string& detail)> log;
    std::function<change_time()> clock;  // default: the system clock (the first watermark)
  };

  // Every reference must outlive this object.
  change_poller(change_source& source, const unit_table& units, ei_post_settings settings, ei_destination to,
                ei_outbox& outbox, change_watermark& watermark, change_feed_settings options, hooks h = {});
  ~change_poller();  // stop()
  change_poller(const change_poller&) = delete;
  change_poller& operator=(const change_poller&) = delete;

  // One poll now, on the calling thread (the thread's loop calls it too).
  poll_report poll_once();

  // Polls at once, then every interval, on a thread of its own. Idempotent.
  void start();
  void stop();

 private:
  void run();
  change_time now() const;
  // One page to the outbox; false (and `report.error`) when the outbox failed or we are stopping.
  bool take(std::vector<booking_change>& page, poll_report& report, std::optional<change_time>& newest);
  bool stopping();
  void log(const std::string& event, const std::string& detail) const;

  change_source& source_;
  const unit_table& units_;
  ei_post_settings settings_;
  ei_destination to_;
  ei_outbox& outbox_;
  change_watermark& watermark_;
  change_feed_settings options_;
  hooks hooks_;

  std::mutex poll_mutex_;  // one poll at a time (thread and tests)
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tidnav::adapters::host
