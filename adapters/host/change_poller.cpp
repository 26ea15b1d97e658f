// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/change_poller.hpp"

#include "hub/ei/timestamp.hpp"

#include <map>

namespace tidnav::adapters::host {

change_poller::change_poller(change_source& source, const unit_table& units, ei_post_settings settings,
                             ei_destination to, ei_outbox& outbox, change_watermark& watermark,
                             change_feed_settings options, hooks h)
    : source_(source),
      units_(units),
      settings_(std::move(settings)),
      to_(std::move(to)),
      outbox_(outbox),
      watermark_(watermark),
      options_(options),
      hooks_(std::move(h)) {}

change_poller::~change_poller() { stop(); }

change_time change_poller::now() const {
  return hooks_.clock ? hooks_.clock()
                      : std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

void change_poller::log(const std::string& event, const std::string& detail) const {
  if (hooks_.log) hooks_.log(event, detail);
}

bool change_poller::stopping() {
  const std::lock_guard lock(mutex_);
  return stopping_;
}

bool change_poller::take(std::vector<booking_change>& page, poll_report& report,
                         std::optional<change_time>& newest) {
  std::map<std::string, std::vector<ei::engagement_transaction>> by_person;  // page order kept per person
  std::vector<std::pair<std::string, change_time>> seen;
  for (const auto& c : page) {
    ++report.changes;
    if (!newest || c.last_updated > *newest) newest = c.last_updated;
    if (watermark_.seen(c.id, c.last_updated)) {
      ++report.duplicates;
      continue;
    }
    seen.emplace_back(c.id, c.last_updated);
    const unit_entry* u = c.problem.empty() ? units_.by_native_id(c.unit) : nullptr;
    if (!c.problem.empty() || c.person.empty()) {
      ++report.skipped;
      log("change_skipped", "booking " + c.id + ": " + (c.problem.empty() ? "no person" : c.problem));
      continue;
    }
    if (!u) {
      ++report.skipped;  // a unit this adapter does not serve: not ours to post
      continue;
    }
    const booking_key key{c.person, u->hsa_id, c.unit, c.id};
    std::vector<ei::engagement_transaction> tx;
    if (c.removed) {
      tx = delete_posts(settings_, key);
    } else if (c.active) {
      // 2.0 mostRecentContent = when it changed: a re-read of the same change posts the same record.
      tx = upsert_posts(settings_, key, c.start, std::chrono::floor<std::chrono::seconds>(c.last_updated));
    }
    if (tx.empty()) {
      ++report.skipped;  // e.g. a proposed request or a fulfilled visit: the post stays as it is
      continue;
    }
    ++report.posted;
    auto& mine = by_person[c.person];
    for (auto& t : tx) mine.push_back(std::move(t));
  }
  try {
    const auto created = ei::to_unix_ms(std::chrono::system_clock::now());
    for (const auto& [person, tx] : by_person) {
      outbox_.append(person, to_.logical_address, to_.target, tx, created);
      ++report.rows;
    }
  } catch (const std::exception& e) {
    report.ok = false;
    report.error = std::string("ei_outbox_failed: ") + e.what();
    if (report.rows && hooks_.enqueued) hooks_.enqueued();
    return false;  // the watermark stays: the next poll posts this page again
  }
  if (report.rows && hooks_.enqueued) hooks_.enqueued();
  watermark_.remember(seen);  // a store error is caught by poll_once: the watermark stays
  return !stopping();  // a stop does not wait for the remaining pages: the next start reads them
}

poll_report change_poller::poll_once() {
  const std::lock_guard one(poll_mutex_);
  poll_report report;
  try {
    auto w = watermark_.watermark();
    if (!w) {
      // A new adapter starts at now: older bookings are a reindex's job, not every start's.
      w = now();
      watermark_.advance(*w, *w - options_.overlap);
    }
    const auto until = std::chrono::steady_clock::now() + options_.timeout;
    std::optional<change_time> newest;
    auto pages = source_.changes_since(
        *w - options_.overlap, options_.page_size,
        [&](std::vector<booking_change>& page) { return take(page, report, newest); }, until);
    if (pages && report.ok && newest && !stopping()) {
      // Every page was read (or max_pages, which the source keeps in lastUpdated order): move on.
      watermark_.advance(*newest, *newest - options_.overlap);
    }
    if (!pages) {
      report.ok = false;
      const booking_error& e = pages.error();
      report.error = std::string(e.is_business() ? to_string(e.business) : to_string(e.technical)) + ": " + e.detail;
    } else {
      report.pages = pages.value();
    }
  } catch (const std::exception& e) {
    report.ok = false;
    report.error = e.what();
  }
  if (!report.ok) {
    log("change_feed_failed", report.error + " (retried next interval; the watermark did not move)");
  } else if (report.posted || report.skipped) {
    log("change_feed_poll", "pages=" + std::to_string(report.pages) + " changes=" + std::to_string(report.changes) +
                                " posted=" + std::to_string(report.posted) +
                                " skipped=" + std::to_string(report.skipped) + " rows=" + std::to_string(report.rows));
  }
  return report;
}

void change_poller::start() {
  const std::lock_guard lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

void change_poller::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void change_poller::run() {
  for (;;) {
    poll_once();
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, options_.interval, [this] { return stopping_; })) return;
  }
}

}  // namespace tidnav::adapters::host
