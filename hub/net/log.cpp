// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace tidnav::net {
namespace {

std::string utc_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

log_sink stderr_log_sink() {
  return [](std::string_view line) {
    // One fwrite per line under a process-wide mutex keeps lines from interleaving.
    static std::mutex mu;
    const std::lock_guard lock(mu);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
  };
}

log_sink null_log_sink() {
  return [](std::string_view) {};
}

void json_escape(std::string& out, std::string_view s) {
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
}

log_line::log_line(std::string_view level, std::string_view event) {
  buf_.reserve(192);
  buf_ += "{\"ts\":\"";
  buf_ += utc_timestamp();
  buf_ += "\",\"level\":\"";
  json_escape(buf_, level);
  buf_ += "\",\"component\":\"net\",\"event\":\"";
  json_escape(buf_, event);
  buf_ += '"';
}

void log_line::key(std::string_view k) {
  buf_ += ",\"";
  json_escape(buf_, k);
  buf_ += "\":";
}

log_line& log_line::str(std::string_view k, std::string_view value) {
  key(k);
  buf_ += '"';
  json_escape(buf_, value);
  buf_ += '"';
  return *this;
}

log_line& log_line::num(std::string_view k, std::int64_t value) {
  key(k);
  buf_ += std::to_string(value);
  return *this;
}

log_line& log_line::boolean(std::string_view k, bool value) {
  key(k);
  buf_ += value ? "true" : "false";
  return *this;
}

std::string log_line::finish() { return buf_ + '}'; }

void log_line::emit(const log_sink& sink) {
  if (!sink) return;
  buf_ += '}';
  sink(buf_);
  buf_.pop_back();
}

}  // namespace tidnav::net
