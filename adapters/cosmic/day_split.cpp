// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/day_split.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace tidnav::adapters::cosmic {

std::vector<time_range> split_by_swedish_day(instant from, instant to) {
  std::vector<time_range> out;
  instant cursor = from;
  while (cursor < to) {
    const std::chrono::year_month_day day = stockholm_date(cursor);
    const instant next = start_of_day(std::chrono::year_month_day{std::chrono::sys_days{day} + std::chrono::days{1}});
    const instant end = std::min(next, to);
    out.push_back({cursor, end});
    cursor = end;
  }
  return out;
}

void run_parallel(std::size_t count, std::size_t width, const std::function<void(std::size_t)>& job) {
  if (count == 0) return;
  width = std::clamp<std::size_t>(width, 1, count);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) job(i);
  };
  std::vector<std::jthread> threads;
  for (std::size_t i = 1; i < width; ++i) threads.emplace_back(worker);
  worker();  // the calling thread takes its share
}

}  // namespace tidnav::adapters::cosmic
