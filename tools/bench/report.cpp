// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/report.hpp"

#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace tidnav::bench {
namespace {

double ms(std::uint64_t ns) { return static_cast<double>(ns) / 1e6; }
double ms(std::chrono::nanoseconds ns) { return static_cast<double>(ns.count()) / 1e6; }
double seconds(std::chrono::nanoseconds ns) { return std::chrono::duration<double>(ns).count(); }

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string plan_text(const load_options& o) {
  std::string s = o.rate > 0 ? "open loop at " + fixed(o.rate, 0) + " req/s" : std::string("closed loop");
  s += ", " + std::to_string(o.connections) + " connections, ";
  s += o.requests > 0 ? std::to_string(o.requests) + " requests" : fixed(seconds(o.duration), 1) + " s";
  if (o.warmup.count() > 0) s += " after " + fixed(seconds(o.warmup), 1) + " s warm-up";
  return s;
}

}  // namespace

std::string progress_line(const run_progress& p) {
  const tally& t = p.outcomes;
  const std::string when = "[" + fixed(seconds(p.since_start), 0) + "s] ";
  if (p.warming_up) return when + "warming up";
  const double s = seconds(p.elapsed);
  const double rps = s > 0 ? static_cast<double>(t.ok()) / s : 0.0;
  return when + fixed(rps, 0) + " req/s  p99 " + fixed(ms(t.latency.percentile(99)), 3) + " ms  errors " +
         std::to_string(t.failed());
}

bool fell_behind(const run_result& r) { return r.late_sends * 100 > r.outcomes.total(); }

int exit_status(const run_result& r) {
  return (r.interrupted || r.outcomes.failed() > 0 || r.outcomes.total() == 0) ? 1 : 0;
}

std::string format_table(const load_options& o, const run_result& r) {
  const tally& t = r.outcomes;
  const auto& h = t.latency;
  std::ostringstream out;
  out << "target        " << o.url << "\n";
  out << "run           " << plan_text(o) << (r.interrupted ? " (interrupted)" : "") << "\n";
  out << "requests      " << t.total() << " in " << fixed(seconds(r.elapsed), 2) << " s: " << t.ok() << " ok, "
      << t.failed() << " failed\n";
  out << "throughput    " << fixed(r.requests_per_second(), 1) << " req/s\n";
  out << "latency (ms)      mean      p50      p90      p99    p99.9      max\n";
  char row[160];
  std::snprintf(row, sizeof row, "              %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n", h.mean() / 1e6,
                ms(h.percentile(50)), ms(h.percentile(90)), ms(h.percentile(99)), ms(h.percentile(99.9)),
                ms(h.max()));
  out << row;
  if (t.errors.empty()) {
    out << "errors        none\n";
  } else {
    out << "errors\n";
    for (const auto& [kind, count] : t.errors) out << "  " << kind << ": " << count << "\n";
  }
  out << "connections   " << r.connections_opened << " opened, " << r.connections_reused << " reuses\n";
  if (o.rate > 0) {
    out << "schedule      " << r.late_sends << " sent > " << late_threshold.count() << " ms late, max lag "
        << fixed(ms(r.max_send_lag), 3) << " ms; " << r.waited_for_connection
        << " waited for a free connection\n";
    if (fell_behind(r))
      out << "WARNING: the generator fell behind its schedule (" << r.late_sends
          << " requests sent late): the load came in bursts, not evenly; latencies still count from the"
             " schedule.\n";
    if (r.waited_for_connection > 0)
      out << "note: " << r.waited_for_connection << " requests found all " << o.connections
          << " connections busy; their wait is included in their latency.\n";
  }
  return out.str();
}

std::string format_json(const load_options& o, const run_result& r) {
  const tally& t = r.outcomes;
  const auto& h = t.latency;
  nlohmann::ordered_json j;
  j["url"] = o.url;
  j["mode"] = o.rate > 0 ? "open" : "closed";
  j["connections"] = o.connections;
  j["rate"] = o.rate > 0 ? nlohmann::ordered_json(o.rate) : nlohmann::ordered_json(nullptr);
  j["warmup_s"] = seconds(o.warmup);
  if (o.requests > 0)
    j["planned_requests"] = o.requests;
  else
    j["planned_duration_s"] = seconds(o.duration);
  j["interrupted"] = r.interrupted;
  j["elapsed_s"] = seconds(r.elapsed);
  j["requests"] = t.total();
  j["ok"] = t.ok();
  j["failed"] = t.failed();
  j["errors"] = nlohmann::ordered_json::object();
  for (const auto& [kind, count] : t.errors) j["errors"][kind] = count;
  j["rps"] = r.requests_per_second();
  j["latency_ms"] = {{"mean", h.mean() / 1e6},
                     {"min", ms(h.min())},
                     {"p50", ms(h.percentile(50))},
                     {"p90", ms(h.percentile(90))},
                     {"p99", ms(h.percentile(99))},
                     {"p99_9", ms(h.percentile(99.9))},
                     {"max", ms(h.max())}};
  j["connections_opened"] = r.connections_opened;
  j["connections_reused"] = r.connections_reused;
  if (o.rate > 0) {
    j["open_loop"] = {{"late_sends", r.late_sends},
                      {"max_send_lag_ms", ms(r.max_send_lag)},
                      {"waited_for_connection", r.waited_for_connection},
                      {"fell_behind", fell_behind(r)}};
  }
  return j.dump(2) + "\n";
}

}  // namespace tidnav::bench
