// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/recorder.hpp"

#include <atomic>

namespace tidnav::bench {
namespace {

std::atomic<std::uint64_t> next_recorder_id{1};

struct cached_slot {
  std::uint64_t recorder_id = 0;
  void* slot = nullptr;
};
thread_local cached_slot tls_cache;

}  // namespace

std::uint64_t tally::failed() const noexcept {
  std::uint64_t n = 0;
  for (const auto& [kind, count] : errors) n += count;
  return n;
}

struct recorder::slot {
  latency_histogram latency;
  // Errors are the exception, and only the progress reader ever contends for this lock.
  mutable std::mutex errors_mu;
  std::map<std::string, std::uint64_t, std::less<>> errors;
};

recorder::recorder() : id_(next_recorder_id.fetch_add(1)) {}
recorder::~recorder() = default;

recorder::slot& recorder::local() {
  if (tls_cache.recorder_id == id_) return *static_cast<slot*>(tls_cache.slot);
  const std::lock_guard lock(mu_);
  auto& s = slots_[std::this_thread::get_id()];
  if (!s) s = std::make_unique<slot>();
  tls_cache = {id_, s.get()};
  return *s;
}

void recorder::record_ok(std::uint64_t latency_ns) { local().latency.record(latency_ns); }

void recorder::record_error(std::string_view kind) {
  auto& s = local();
  const std::lock_guard lock(s.errors_mu);
  auto it = s.errors.find(kind);
  if (it == s.errors.end()) it = s.errors.emplace(std::string(kind), 0).first;
  ++it->second;
}

tally recorder::snapshot() const {
  tally t;
  const std::lock_guard lock(mu_);
  for (const auto& [thread, s] : slots_) {
    s->latency.add_to(t.latency);
    const std::lock_guard elock(s->errors_mu);
    for (const auto& [kind, count] : s->errors) t.errors[kind] += count;
  }
  return t;
}

}  // namespace tidnav::bench
