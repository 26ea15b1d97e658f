// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/xs_datetime.hpp"

#include <cstdint>

namespace tidnav::core {
namespace {

using namespace std::chrono;

class cursor {
 public:
  explicit cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++i_;
    return true;
  }
  // Exactly n decimal digits.
  bool digits(int n, int& out) {
    int v = 0;
    for (int k = 0; k < n; ++k) {
      if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return false;
      v = v * 10 + (s_[i_++] - '0');
    }
    out = v;
    return true;
  }
  // One or more digits; the first three are milliseconds, the rest truncated.
  bool fraction(int& millis) {
    int v = 0, n = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (n < 3) v = v * 10 + (s_[i_] - '0');
      ++n;
      ++i_;
    }
    if (n == 0) return false;
    for (int k = n; k < 3; ++k) v *= 10;
    millis = v;
    return true;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

constexpr auto zone_slack = hours{14};

}  // namespace

std::optional<xs_datetime> parse_xs_datetime(std::string_view text) noexcept {
  cursor c(text);
  int y = 0, mo = 0, d = 0;
  if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, mo) || !c.eat('-') || !c.digits(2, d)) {
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;

  xs_datetime out;
  milliseconds tod{0};
  if (c.eat('T')) {
    int h = 0, mi = 0, s = 0, ms = 0;
    if (!c.digits(2, h) || !c.eat(':') || !c.digits(2, mi) || !c.eat(':') || !c.digits(2, s)) {
      return std::nullopt;
    }
    if (c.eat('.') && !c.fraction(ms)) return std::nullopt;
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    tod = hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
  } else {
    out.date_only = true;
  }

  minutes offset{0};
  if (c.eat('Z')) {
    out.has_zone = true;
  } else if (c.peek('+') || c.peek('-')) {
    const bool negative = c.peek('-');
    c.eat(negative ? '-' : '+');
    int oh = 0, om = 0;
    if (!c.digits(2, oh) || !c.eat(':') || !c.digits(2, om) || oh > 14 || om > 59) return std::nullopt;
    offset = hours{oh} + minutes{om};
    if (negative) offset = -offset;
    out.has_zone = true;
  }
  if (!c.done()) return std::nullopt;

  out.value = instant{sys_days{ymd}.time_since_epoch()} + tod - offset;
  return out;
}

validity make_validity(const std::optional<xs_datetime>& from,
                       const std::optional<xs_datetime>& to) noexcept {
  validity v;
  if (from) {
    v.from = from->value;
    if (!from->has_zone) v.from -= zone_slack;
  }
  if (to) {
    v.to = to->value;
    if (to->date_only) v.to += days{1} - milliseconds{1};
    if (!to->has_zone) v.to += zone_slack;
  }
  return v;
}

}  // namespace tidnav::core
