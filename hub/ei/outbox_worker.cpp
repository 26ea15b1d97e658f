// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/outbox_worker.hpp"

#include "hub/ei/ei_codec.hpp"
#include "hub/ei/timestamp.hpp"

#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <vector>

namespace tidnav::ei {

using wall_clock = std::chrono::system_clock;

struct outbox_worker::state {
  struct flight {
    std::uint64_t token;  // tells this send's `done` from a timed-out earlier one
    int attempts;         // failed attempts before this send
    wall_clock::time_point deadline;
  };

  outbox_queue* store;
  backoff_policy backoff;
  std::mutex mutex;
  std::condition_variable cv;
  bool running = false;  // false: `done` callbacks are ignored
  bool woken = false;
  std::uint64_t next_token = 0;
  std::map<std::int64_t, flight> in_flight;
  std::mt19937_64 random{std::random_device{}()};

  // Records a failure; caller holds `mutex`. Store errors are swallowed: the
  // entry then simply stays due and is tried again.
  void fail(std::int64_t id, int attempts_before, const std::string& detail) {
    const int failed = attempts_before + 1;
    const double r = std::uniform_real_distribution<double>(0.0, 1.0)(random);
    const auto next = wall_clock::now() + retry_delay(backoff, failed, r);
    try {
      store->mark_failed(id, to_unix_ms(next), detail, give_up(backoff, failed));
    } catch (const std::exception&) {
    }
  }

  void complete(std::int64_t id, std::uint64_t token, bool ok, const std::string& detail) {
    std::lock_guard lock(mutex);
    if (!running) return;
    auto it = in_flight.find(id);
    if (it == in_flight.end() || it->second.token != token) return;
    const int attempts = it->second.attempts;
    in_flight.erase(it);
    if (ok) {
      try {
        store->mark_delivered(id);
      } catch (const std::exception&) {
        // Not recorded: it will be delivered twice, which at-least-once allows.
      }
    } else {
      fail(id, attempts, detail.empty() ? "delivery failed" : detail);
    }
    woken = true;
    cv.notify_all();
  }
};

outbox_worker::outbox_worker(outbox_queue& store, notification_sender& sender, outbox_worker_config config)
    : store_(store), sender_(sender), config_(config), state_(std::make_shared<state>()) {
  state_->store = &store_;
  state_->backoff = config_.backoff;
}

outbox_worker::~outbox_worker() { stop(); }

void outbox_worker::start() {
  std::lock_guard lock(state_->mutex);
  if (state_->running) return;
  state_->running = true;
  state_->in_flight.clear();
  thread_ = std::thread([this] { run(); });
}

void outbox_worker::stop() {
  {
    std::lock_guard lock(state_->mutex);
    state_->running = false;
    state_->in_flight.clear();
    state_->cv.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

void outbox_worker::wake() {
  std::lock_guard lock(state_->mutex);
  state_->woken = true;
  state_->cv.notify_all();
}

outbox_metrics outbox_worker::metrics() {
  outbox_metrics m;
  m.stored = store_.outbox_stats();
  std::lock_guard lock(state_->mutex);
  m.in_flight = state_->in_flight.size();
  return m;
}

void outbox_worker::run() {
  const std::shared_ptr<state> st = state_;
  while (true) {
    struct send_job {
      outbound_notification n;
      std::uint64_t token;
    };
    std::vector<send_job> jobs;
    std::optional<wall_clock::time_point> wake_at;
    {
      std::unique_lock lock(st->mutex);
      if (!st->running) return;
      st->woken = false;
      const auto now = wall_clock::now();
      for (auto it = st->in_flight.begin(); it != st->in_flight.end();) {
        if (it->second.deadline <= now) {
          st->fail(it->first, it->second.attempts, "no answer within the send timeout");
          it = st->in_flight.erase(it);
        } else {
          if (!wake_at || it->second.deadline < *wake_at) wake_at = it->second.deadline;
          ++it;
        }
      }
      try {
        if (st->in_flight.size() < config_.max_in_flight) {
          std::vector<std::int64_t> exclude;
          for (const auto& [id, f] : st->in_flight) exclude.push_back(id);
          auto due = store_.due_notifications(to_unix_ms(now), config_.max_in_flight - st->in_flight.size(), exclude);
          for (auto& e : due) {
            std::string error;
            std::string envelope = config_.operation == ei_operation::update
                                       ? write_update_request(e.logical_address, e.transactions, error)
                                       : write_notification_request(e.logical_address, e.transactions, error);
            if (envelope.empty()) {
              st->fail(e.id, e.attempts, "the notification could not be written: " + error);
              continue;
            }
            const std::uint64_t token = ++st->next_token;
            st->in_flight[e.id] = {token, e.attempts, now + config_.send_timeout};
            outbound_notification n;
            n.id = e.id;
            n.logical_address = std::move(e.logical_address);
            n.target = std::move(e.target);
            n.soap_action = std::string(soap_action_of(config_.operation));
            n.envelope = std::move(envelope);
            n.attempt = e.attempts + 1;
            n.transactions = e.transactions.size();
            jobs.push_back({std::move(n), token});
          }
        }
      } catch (const std::exception&) {
        // The store is unavailable for now (locked, disk trouble): try again at the next poll.
      }
    }
    // Outside the lock: a sender may call `done` from inside send().
    for (auto& job : jobs) {
      const std::int64_t id = job.n.id;
      const std::uint64_t token = job.token;
      sender_.send(job.n, [st, id, token](bool ok, std::string detail) { st->complete(id, token, ok, detail); });
    }
    if (!jobs.empty()) continue;  // more may be due

    auto deadline = wall_clock::now() + config_.poll_interval;
    if (wake_at && *wake_at < deadline) deadline = *wake_at;
    try {
      if (auto next = store_.next_due_ms()) {
        const auto at = wall_clock::time_point(std::chrono::milliseconds(*next));
        // A due head that is in flight waits for its `done`, which wakes us.
        if (at > wall_clock::now() && at < deadline) deadline = at;
      }
    } catch (const std::exception&) {
    }
    std::unique_lock lock(st->mutex);
    st->cv.wait_until(lock, deadline, [&] { return !st->running || st->woken; });
  }
}

}  // namespace tidnav::ei
