// SPDX-License-Identifier: GPL-2.0-or-later
// When to try a failed notification again: exponential back-off with a cap,
// and a little jitter so that many entries failing together (a subscriber
// restarting) do not all come back in the same millisecond.
#pragma once

#include <chrono>

namespace tidnav::ei {

struct backoff_policy {
  std::chrono::milliseconds initial{1000};
  std::chrono::milliseconds max{std::chrono::minutes(10)};
  double multiplier = 2.0;
  double jitter = 0.1;   // +-10 % of the delay
  int max_attempts = 0;  // 0: never give up (the cap keeps a dead subscriber cheap)
};

// Delay after the `failed_attempts`-th failure (1 = the first). `unit_random`
// in [0, 1) picks the jitter; 0.5 means none.
std::chrono::milliseconds retry_delay(const backoff_policy& p, int failed_attempts, double unit_random) noexcept;

// True when the entry should be given up after `failed_attempts` failures.
bool give_up(const backoff_policy& p, int failed_attempts) noexcept;

}  // namespace tidnav::ei
