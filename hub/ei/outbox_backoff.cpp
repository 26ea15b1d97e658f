// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/outbox_backoff.hpp"

#include <algorithm>
#include <cmath>

namespace tidnav::ei {

std::chrono::milliseconds retry_delay(const backoff_policy& p, int failed_attempts, double unit_random) noexcept {
  const double cap = static_cast<double>(p.max.count());
  const int exponent = std::clamp(failed_attempts - 1, 0, 62);
  // pow can overflow to inf for large exponents; min() then yields the cap.
  double delay = std::min(cap, static_cast<double>(p.initial.count()) * std::pow(p.multiplier, exponent));
  delay *= 1.0 + p.jitter * (2.0 * std::clamp(unit_random, 0.0, 1.0) - 1.0);
  delay = std::clamp(delay, 0.0, cap);
  return std::chrono::milliseconds(static_cast<long long>(delay));
}

bool give_up(const backoff_policy& p, int failed_attempts) noexcept {
  return p.max_attempts > 0 && failed_attempts >= p.max_attempts;
}

}  // namespace tidnav::ei
