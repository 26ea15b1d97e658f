// SPDX-License-Identifier: GPL-2.0-or-later
// Outcomes of a load run, recorded without cross-thread contention: every thread that
// records (the io threads, the open-loop scheduler) gets its own slot on first use, and
// readers merge the slots into a tally, at the end or once a second for progress.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tools/bench/histogram.hpp"

namespace tidnav::bench {

// Successful requests carry their latency; failed ones only their kind ("connect",
// "http 503", ...): a failure's latency says little about the target.
struct tally {
  histogram_snapshot latency;
  std::map<std::string, std::uint64_t, std::less<>> errors;

  std::uint64_t ok() const noexcept { return latency.count(); }
  std::uint64_t failed() const noexcept;
  std::uint64_t total() const noexcept { return ok() + failed(); }
};

class recorder {
 public:
  recorder();
  ~recorder();
  recorder(const recorder&) = delete;
  recorder& operator=(const recorder&) = delete;

  void record_ok(std::uint64_t latency_ns);
  void record_error(std::string_view kind);

  tally snapshot() const;

 private:
  struct slot;
  slot& local();

  const std::uint64_t id_;  // tells this recorder's thread-local cache entries from others'
  mutable std::mutex mu_;
  std::map<std::thread::id, std::unique_ptr<slot>> slots_;
};

}  // namespace tidnav::bench
