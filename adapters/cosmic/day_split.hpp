// SPDX-License-Identifier: GPL-2.0-or-later
// COS answers Slot searches for at most one day, so a longer range becomes one
// search per Swedish calendar day, run side by side within the deadline.
#pragma once

#include "adapters/core/booking_model.hpp"
#include "adapters/cosmic/http_transport.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace tidnav::adapters::cosmic {

// [from, to) cut at Swedish midnights; empty when to <= from.
std::vector<time_range> split_by_swedish_day(instant from, instant to);

// Runs job(0..count-1) on at most `width` threads and returns when all are done.
// Jobs must themselves respect the deadline (the transport does).
void run_parallel(std::size_t count, std::size_t width, const std::function<void(std::size_t)>& job);

}  // namespace tidnav::adapters::cosmic
