// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav bench       : load generator over mutual TLS (closed or open loop), with a
//                      latency histogram, a progress line and a table / JSON report.
// tidnav bench serve : the fixed-answer producer a benchmark runs against.
//
// Exit codes: 0 the run completed without a failed request, 1 a request failed (or the
// run was interrupted), 2 bad arguments. Numbers are taken as text and checked here,
// and unknown arguments are collected instead of rejected by CLI11, because CLI11's own
// parse errors exit with codes above 100.
#include "tools/bench/duration_text.hpp"
#include "tools/bench/fixed_producer.hpp"
#include "tools/bench/load_run.hpp"
#include "tools/bench/report.hpp"
#include "tools/bench/request_spec.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/signals.hpp"

#include <unistd.h>

#include <charconv>
#include <csignal>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace tidnav::cli {
namespace {

struct bench_args {
  std::string url, cert, key, ca;
  bench::request_source src;
  std::string connections = "16";
  std::string duration;
  std::string requests;
  std::string rate;
  std::string warmup;
  std::string timeout = "10s";
  std::string threads = "1";
  std::string json;
  bool quiet = false;
};

struct serve_args {
  std::string listen = "127.0.0.1:0";
  std::string cert, key, ca;
  std::string response;
  std::string delay_ms = "0";
  std::string threads = "1";
  std::string port_file;
};

std::uint64_t parse_count(const std::string& option, const std::string& text, std::uint64_t min) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min)
    throw std::invalid_argument(option + ": expected a whole number >= " + std::to_string(min) + ", got '" + text + "'");
  return v;
}

double parse_rate(const std::string& text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !(v > 0) || v > 10'000'000)
    throw std::invalid_argument("--rate: expected requests per second > 0, got '" + text + "'");
  return v;
}

std::chrono::nanoseconds parse_time(const std::string& option, const std::string& text) {
  try {
    return bench::parse_duration(text);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(option + ": " + e.what());
  }
}

void reject_extras(const CLI::App& cmd) {
  const auto extras = cmd.remaining();
  if (extras.empty()) return;
  std::string list;
  for (const auto& e : extras) list += " " + e;
  throw std::invalid_argument(cmd.get_name() + ": unknown arguments:" + list + " (see --help)");
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bench::load_options to_load_options(const bench_args& a) {
  if (a.url.empty()) throw std::invalid_argument("--url is required");
  bench::load_options o;
  o.url = a.url;
  auto spec = bench::build_request_spec(a.src);
  o.body = std::move(spec.body);
  o.headers = std::move(spec.headers);
  o.connections = parse_count("--connections", a.connections, 1);
  if (!a.duration.empty() && !a.requests.empty()) throw std::invalid_argument("give --duration or --requests, not both");
  if (!a.requests.empty()) o.requests = parse_count("--requests", a.requests, 1);
  if (!a.duration.empty()) o.duration = parse_time("--duration", a.duration);
  if (o.requests == 0 && o.duration.count() == 0) throw std::invalid_argument("--duration must be > 0");
  if (!a.rate.empty()) o.rate = parse_rate(a.rate);
  // A counted run is usually a quick check: no warm-up unless asked for.
  o.warmup = !a.warmup.empty() ? parse_time("--warmup", a.warmup)
                               : (o.requests > 0 ? std::chrono::nanoseconds(0) : std::chrono::seconds(2));
  o.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(parse_time("--timeout", a.timeout));
  if (o.timeout.count() <= 0) throw std::invalid_argument("--timeout must be at least 1ms");
  o.io_threads = parse_count("--threads", a.threads, 1);
  if (a.url.rfind("https://", 0) == 0) {
    net::client_tls_options t;
    t.ca_file = a.ca;
    t.cert_file = a.cert;
    t.key_file = a.key;
    o.tls = net::make_client_tls_context(t);
  }
  return o;
}

// Polls for SIGINT/SIGTERM without waiting: signals are blocked on every thread.
bool interrupt_pending() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  const timespec zero{0, 0};
  return sigtimedwait(&set, nullptr, &zero) > 0;
}

int run_bench(const bench_args& a) {
  const bench::load_options o = to_load_options(a);
  block_signals();
  bench::load_run run(o);
  const bool tty = isatty(STDERR_FILENO) != 0;
  run.start();
  auto next_tick = bench::bench_clock::now() + std::chrono::seconds(1);
  bool printed = false;
  bool stopped = false;
  auto give_up = bench::bench_clock::time_point::max();
  while (!run.wait_for(std::chrono::milliseconds(100))) {
    const auto now = bench::bench_clock::now();
    if (!stopped && interrupt_pending()) {
      run.stop();
      stopped = true;
      give_up = now + o.timeout + std::chrono::seconds(1);
    }
    if (now >= give_up) break;
    if (!a.quiet && now >= next_tick) {
      const std::string line = bench::progress_line(run.progress());
      if (tty)
        std::cerr << "\r" << line << "\033[K" << std::flush;
      else
        std::cerr << line << "\n";
      printed = true;
      next_tick += std::chrono::seconds(1);
    }
  }
  if (printed && tty) std::cerr << "\r\033[K" << std::flush;

  const bench::run_result r = run.result();
  std::cout << bench::format_table(o, r) << std::flush;
  int code = bench::exit_status(r);
  if (r.outcomes.total() == 0) std::cerr << "tidnav bench: no request was measured\n";
  if (!a.json.empty()) {
    std::ofstream out(a.json, std::ios::binary | std::ios::trunc);
    out << bench::format_json(o, r);
    if (!out) {
      std::cerr << "tidnav bench: cannot write " << a.json << "\n";
      code = 1;
    }
  }
  return code;
}

std::pair<std::string, std::uint16_t> split_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) throw std::invalid_argument("--listen: expected ADDRESS:PORT, got '" + text + "'");
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const auto port = parse_count("--listen port", text.substr(colon + 1), 0);
  if (port > 65535) throw std::invalid_argument("--listen: port out of range");
  return {host, static_cast<std::uint16_t>(port)};
}

int run_serve(const serve_args& a) {
  if (a.cert.empty() || a.key.empty() || a.ca.empty()) throw std::invalid_argument("--cert, --key and --ca are required");
  bench::producer_options po;
  std::tie(po.address, po.port) = split_listen(a.listen);
  po.cert = a.cert;
  po.key = a.key;
  po.ca = a.ca;
  if (!a.response.empty()) po.response = read_text(a.response);
  po.delay = std::chrono::milliseconds(parse_count("--delay-ms", a.delay_ms, 0));
  po.io_threads = parse_count("--threads", a.threads, 1);
  block_signals();
  bench::fixed_producer producer(std::move(po));
  producer.start();
  if (!a.port_file.empty()) std::ofstream(a.port_file) << producer.port() << "\n";
  const auto& shown = a.listen.substr(0, a.listen.rfind(':'));
  std::cout << "listening on " << shown << ":" << producer.port() << std::endl;
  while (wait_for_signal() == SIGHUP) {
  }
  producer.stop();
  return 0;
}

}  // namespace

void register_bench(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("bench", "Load generator over mutual TLS (closed or open loop), and a fixed producer");
  cmd->allow_extras();
  auto a = std::make_shared<bench_args>();
  cmd->add_option("--url", a->url, "Target URL, https://host:port/path");
  cmd->add_option("--cert", a->cert, "Client certificate (PEM)");
  cmd->add_option("--key", a->key, "Client key (PEM)");
  cmd->add_option("--ca", a->ca, "CA that signed the server certificate (PEM)");
  cmd->add_option("--body", a->src.body_file, "Send this envelope (SOAPAction sniffed from it)");
  cmd->add_option("--contract", a->src.contract, "Build the request as tidnav call does, e.g. 1.1:GetSubjectOfCareSchedule");
  cmd->add_option("--family", a->src.family, "Contract family: 2.0, 1.1, 1.0, ei, ping")->capture_default_str();
  cmd->add_option("--field", a->src.fields, "Request field path=value (as tidnav call)");
  cmd->add_option("--logical-address", a->src.logical_address, "LogicalAddress (or wsa:To for 1.0)");
  cmd->add_option("--actor", a->src.actor, "crm 1.1 Actor header: id[:subject_of_care|subject_of_care_agent]");
  cmd->add_option("--soap-action", a->src.soap_action, "SOAPAction (default: the operation's)");
  cmd->add_option("--header", a->src.extra_headers, "Extra request header 'Name: value' (repeatable)");
  cmd->add_option("--connections", a->connections, "Keep-alive connections (= requests in flight, closed loop)")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--duration", a->duration, "Measured time, e.g. 10s (default 10s)")->type_name("TIME");
  cmd->add_option("--requests", a->requests, "Measured requests instead of a duration")->type_name("N");
  cmd->add_option("--rate", a->rate, "Open loop: requests per second on a fixed schedule (default: closed loop)")
      ->type_name("R");
  cmd->add_option("--warmup", a->warmup, "Unrecorded warm-up before measuring (default 2s; 0 with --requests)")
      ->type_name("TIME");
  cmd->add_option("--timeout", a->timeout, "Per-request timeout")->type_name("TIME")->capture_default_str();
  cmd->add_option("--threads", a->threads, "Generator io threads")->type_name("N")->capture_default_str();
  cmd->add_option("--json", a->json, "Also write the results as JSON to this file");
  cmd->add_flag("--quiet", a->quiet, "No progress line");

  auto* serve = cmd->add_subcommand("serve", "Fixed-answer producer over mutual TLS: every POST gets 200 and the "
                                             "same body (default: a GetSubjectOfCareSchedule 1.1 response)");
  serve->allow_extras();
  auto s = std::make_shared<serve_args>();
  serve->add_option("--listen", s->listen, "ADDRESS:PORT (port 0: any free port)")->capture_default_str();
  serve->add_option("--cert", s->cert, "Server certificate (PEM)");
  serve->add_option("--key", s->key, "Server key (PEM)");
  serve->add_option("--ca", s->ca, "CA for client certificates (PEM)");
  serve->add_option("--response", s->response, "Answer with this file instead");
  serve->add_option("--delay-ms", s->delay_ms, "Answer this many milliseconds late")->type_name("D")->capture_default_str();
  serve->add_option("--threads", s->threads, "Server io threads")->type_name("N")->capture_default_str();
  serve->add_option("--port-file", s->port_file, "Also write the bound port to this file");

  serve->callback([serve, s, &exit_code] {
    reject_extras(*serve);
    exit_code = run_serve(*s);
  });
  cmd->callback([cmd, serve, a, &exit_code] {
    if (serve->parsed()) return;
    reject_extras(*cmd);
    exit_code = run_bench(*a);
  });
}

}  // namespace tidnav::cli
