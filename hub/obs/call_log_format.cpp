// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/call_log_format.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

#include "hub/obs/privacy.hpp"
#include "hub/obs/utf8.hpp"

namespace tidnav::obs {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_2(std::string& out, int v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

class object_writer {
 public:
  object_writer(std::string& out, const format_options& options) : out_(out), options_(options) { out_ += '{'; }

  void key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += k;  // keys are literals below, never need escaping
    out_ += "\":";
  }

  void str(std::string_view k, std::string_view v) {
    if (v.empty()) return;
    key(k);
    if (v.size() <= options_.max_field_bytes) {
      append_json_string(out_, v);
      return;
    }
    std::string cut;
    append_sanitized_utf8(cut, v, options_.max_field_bytes);
    cut += "...";
    append_json_string(out_, cut);
  }

  template <class T>
  void num(std::string_view k, const std::optional<T>& v) {
    if (!v) return;
    key(k);
    if constexpr (std::is_signed_v<T>) {
      append_int(out_, *v);
    } else {
      append_uint(out_, *v);
    }
  }

  void close() { out_ += "}\n"; }

 private:
  std::string& out_;
  const format_options& options_;
  bool first_ = true;
};

}  // namespace

std::string_view event_name(call_event e) noexcept {
  switch (e) {
    case call_event::call: return "call";
    case call_event::producer_attempt: return "producer_attempt";
  }
  return "call";
}

void append_rfc3339_utc_ms(std::string& out, std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto ms_total = duration_cast<milliseconds>(t.time_since_epoch()).count();
  // Floor division so times before 1970 still get a non-negative millisecond part.
  std::int64_t secs = ms_total / 1000;
  std::int64_t ms = ms_total % 1000;
  if (ms < 0) {
    ms += 1000;
    --secs;
  }
  // gmtime_r costs more than the rest of a line; consecutive records share a second.
  thread_local std::int64_t cached_secs = -1;
  thread_local char cached[32];
  thread_local std::size_t cached_len = 0;
  if (secs != cached_secs) {
    const std::time_t tt = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    std::string s;
    append_int(s, tm.tm_year + 1900);
    s += '-';
    append_2(s, tm.tm_mon + 1);
    s += '-';
    append_2(s, tm.tm_mday);
    s += 'T';
    append_2(s, tm.tm_hour);
    s += ':';
    append_2(s, tm.tm_min);
    s += ':';
    append_2(s, tm.tm_sec);
    cached_len = std::min(s.size(), sizeof cached);
    s.copy(cached, cached_len);
    cached_secs = secs;
  }
  out.append(cached, cached_len);
  out += '.';
  out += static_cast<char>('0' + ms / 100);
  append_2(out, static_cast<int>(ms % 100));
  out += 'Z';
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  const auto flush_run = [&](std::size_t i) { out.append(s.data() + run, i - run); };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence_length(s, i);
      if (n != 0) {
        i += n;
        continue;
      }
      flush_run(i);
      out += "\\ufffd";
      run = ++i;
      continue;
    }
    flush_run(i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex_digits[c >> 4];
        out += hex_digits[c & 0xf];
    }
    run = ++i;
  }
  flush_run(s.size());
  out += '"';
}

void append_call_record(std::string& out, const call_record& r, const format_options& options) {
  object_writer w(out, options);
  w.key("ts");
  out += '"';
  append_rfc3339_utc_ms(out, r.timestamp);
  out += '"';
  w.str("event", event_name(r.event));
  w.str("correlation_id", r.correlation_id);
  w.str("consumer", r.consumer);
  w.str("original_consumer", r.original_consumer);
  w.str("contract", r.contract);
  w.str("operation", r.operation);
  if (options.redact_personal_ids && contains_personnummer(r.logical_address)) {
    w.str("logical_address", redact_personal_ids(r.logical_address));
  } else {
    w.str("logical_address", r.logical_address);
  }
  w.str("riv_profile_in", r.riv_profile_in);
  w.str("riv_profile_out", r.riv_profile_out);
  w.str("producer", r.producer);
  w.str("outcome", r.outcome);
  w.num("http_status", r.http_status);
  w.num("hub_us", r.hub_us);
  w.num("producer_us", r.producer_us);
  w.num("attempts", r.attempts);
  w.num("request_bytes", r.request_bytes);
  w.num("response_bytes", r.response_bytes);
  w.num("connection_id", r.connection_id);
  w.str("remote_ip", r.remote_ip);
  w.str("tls_protocol", r.tls_protocol);
  // Error texts sometimes quote a header; a certificate in one is masked whatever the options.
  const bool certificate = looks_like_certificate(r.detail);
  const std::string masked = certificate ? mask_certificate(r.detail) : std::string();
  const std::string_view detail = certificate ? std::string_view(masked) : std::string_view(r.detail);
  if (options.redact_personal_ids && contains_personnummer(detail)) {
    w.str("detail", redact_personal_ids(detail));
  } else {
    w.str("detail", detail);
  }
  w.close();
}

void append_dropped_line(std::string& out, std::chrono::system_clock::time_point t, std::uint64_t count) {
  out += "{\"ts\":\"";
  append_rfc3339_utc_ms(out, t);
  out += "\",\"event\":\"log_dropped\",\"count\":";
  append_uint(out, count);
  out += "}\n";
}

}  // namespace tidnav::obs
