// SPDX-License-Identifier: GPL-2.0-or-later
#include "conform_test_support.hpp"

#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "adapters/core/swedish_time.hpp"
#include "adapters/defects/response_mutator.hpp"
#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/net/http_server.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"
#include "tools/conform/report_writers.hpp"
#include "tools/conform/runner.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace tidnav::conform::test {
// Named, not anonymous: test_producer::impl (declared in the header) holds a
// worker_pool, and a member of an anonymous-namespace type is a
// -Wsubobject-linkage warning once the suite is compiled as a unity build.
namespace support_detail {

using namespace std::chrono_literals;
using adapters::instant;

constexpr std::string_view ping_namespace = "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1";

// The front-ends are synchronous (a booking system may sleep or call out):
// they run here, never on the server's io threads.
class worker_pool {
 public:
  explicit worker_pool(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) threads_.emplace_back([this] { loop(); });
  }
  ~worker_pool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void post(std::function<void()> job) {
    {
      std::lock_guard lock(mu_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stop_ = false;
};

adapters::producer_reply ping_answer() {
  const auto* op = contracts::find_operation(contracts::family::mon1, "PingForConfiguration");
  REQUIRE(op);
  std::string error;
  const std::string loose = contracts::build_loose_element(
      "PingForConfigurationResponse",
      {{"version", "tidnav test producer"}, {"pingDateTime", adapters::instant_to_ts(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()))}},
      error);
  contracts::codec_error err;
  std::string xml =
      op->canonicalize(contracts::message_kind::response, loose, contracts::input_form::loose_element, nullptr, err);
  if (err) return {500, contracts::make_soap_fault(false, "ping answer", err.message)};
  return {200, std::move(xml)};
}

std::string scratch_store() {
  static std::atomic<int> n{0};
  const auto dir = std::filesystem::path(TIDNAV_BINARY_DIR) / "conform-scratch";
  std::filesystem::create_directories(dir);
  const auto path = dir / ("writes-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

instant at_local(std::chrono::year_month_day day, int hour, int minute = 0) {
  const auto wall = std::chrono::local_days(day) + std::chrono::hours(hour) + std::chrono::minutes(minute);
  return *adapters::from_stockholm(std::chrono::local_seconds(wall), {adapters::dst_overlap::earlier,
                                                                       adapters::dst_gap::shift_forward});
}

}  // namespace support_detail

using namespace support_detail;

adapters::memory_seed future_seed() {
  using namespace adapters;
  memory_seed seed;
  memory_unit unit;
  unit.info.unit = "VC-ASA";
  unit.info.name = "Vårdcentralen Åsa";
  time_type lak;
  lak.code = "LAK30";
  lak.name = "Läkarbesök 30 min";
  lak.cancel_allowed = true;
  lak.update_allowed = true;
  lak.care = care_type{"CT-ALLM", "Allmänmedicin"};
  unit.time_types.push_back(lak);
  unit.practitioners.push_back({"SE2321000016-PRF7", "Anna", "Åkesson", "Specialistläkare"});
  seed.units.push_back(unit);
  const auto today = stockholm_date(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  int n = 0;
  for (int day = 3; day <= 9; ++day) {
    const std::chrono::year_month_day d{std::chrono::sys_days(today) + std::chrono::days(day)};
    for (int hour : {9, 10, 13}) {
      memory_slot s;
      s.id = "S-" + std::to_string(++n);
      s.unit = "VC-ASA";
      s.start = at_local(d, hour);
      s.end = s.start + std::chrono::minutes(30);
      s.time_type = "LAK30";
      s.practitioners = {"SE2321000016-PRF7"};
      seed.slots.push_back(s);
    }
  }
  memory_slot booked;
  booked.id = "S-BOOKED";
  booked.unit = "VC-ASA";
  booked.start = at_local(std::chrono::year_month_day{std::chrono::sys_days(today) + std::chrono::days(12)}, 11);
  booked.end = booked.start + std::chrono::minutes(30);
  booked.time_type = "LAK30";
  seed.slots.push_back(booked);
  seed.bookings.push_back({"BK-SEED", person_id{person_number_kind::personnummer, tolvan}, "S-BOOKED",
                           appointment_status::confirmed, "Kontroll", "", false, false});
  memory_slot invited = booked;
  invited.id = "S-INVITED";
  invited.start = at_local(std::chrono::year_month_day{std::chrono::sys_days(today) + std::chrono::days(13)}, 11);
  invited.end = invited.start + std::chrono::minutes(30);
  seed.slots.push_back(invited);
  seed.bookings.push_back({"BK-INVITED", person_id{person_number_kind::personnummer, tolvan}, "S-INVITED",
                           appointment_status::confirmed, "", "Uppföljning av blodtryck", true, false});
  return seed;
}

adapters::unit_table single_unit(const std::string& hsa_id, const std::string& native_id) {
  std::vector<std::string> errors;
  auto table = adapters::unit_table::build({{hsa_id, native_id, "Vårdcentralen Åsa"}}, errors);
  REQUIRE(errors.empty());
  return table;
}

struct test_producer::impl {
  adapters::booking_system* system = nullptr;
  const adapters::unit_table* units = nullptr;
  contract_family family;
  adapters::defects::defect_switches* switches = nullptr;
  adapters::id_directory ids;
  std::unique_ptr<adapters::idempotency_store> writes;
  worker_pool workers{2};
  std::unique_ptr<net::http_server> server;

  std::mutex refused_mu;
  std::set<std::string> refused;

  bool is_refused(const std::string& body) {
    const auto info = core::sniff_envelope(body);
    if (!info) return false;
    std::lock_guard lock(refused_mu);
    return refused.count(std::string(info.value().operation)) != 0;
  }

  adapters::producer_reply answer(const std::string& body) {
    if (is_refused(body)) return {500, contracts::make_soap_fault(true, "This producer does not offer that operation")};
    if (body.find(ping_namespace) != std::string::npos) return ping_answer();
    adapters::call_info call;
    call.consumer = tidnav::test::test_consumer_hsa_id;
    call.until = std::chrono::steady_clock::now() + 20s;
    call.writes = writes.get();
    call.ids = &ids;
    auto reply = family == contract_family::sched2 ? adapters::handle_sched2(*system, *units, body, call)
                                                   : adapters::handle_crm11(*system, *units, body, call);
    reply.body = adapters::defects::mutate_response(*switches, std::move(reply.body), call.now);
    return reply;
  }
};

test_producer::test_producer(adapters::booking_system& system, const adapters::unit_table& units,
                             contract_family family)
    : decorated_(std::make_unique<adapters::defects::defective_booking_system>(system, switches_)),
      impl_(std::make_unique<impl>()) {
  impl_->system = decorated_.get();
  impl_->units = &units;
  impl_->family = family;
  impl_->switches = &switches_;
  std::string error;
  impl_->writes = adapters::idempotency_store::open(scratch_store(), {}, error);
  REQUIRE(impl_->writes);
  net::server_options so;
  so.listen = {{"127.0.0.1", 0, true}};
  so.tls = tidnav::test::server_ctx();
  so.io_threads = 1;
  so.log = [](std::string_view) {};
  impl* self = impl_.get();
  impl_->server = std::make_unique<net::http_server>(std::move(so), [self](net::request_context req, net::responder respond) {
    self->workers.post([self, body = std::move(req.body), respond]() mutable {
      auto reply = self->answer(body);
      respond(static_cast<unsigned>(reply.http_status), {{"Content-Type", "text/xml; charset=UTF-8"}},
              std::move(reply.body));
    });
  });
  impl_->server->start();
}

test_producer::~test_producer() {
  impl_->server->stop(2s);
}

void test_producer::refuse(const std::string& operation) {
  std::lock_guard lock(impl_->refused_mu);
  impl_->refused.insert(operation);
}

std::string test_producer::url() const {
  return "https://127.0.0.1:" + std::to_string(impl_->server->port()) + "/producer";
}

conform_options options_for(const std::string& url, contract_family family, const std::string& address) {
  const auto& pki = tidnav::test::shared_test_pki();
  conform_options o;
  o.url = url;
  o.logical_address = address;
  o.tls.cert = pki.client.cert_file.string();
  o.tls.key = pki.client.key_file.string();
  o.tls.ca = pki.ca.cert_file.string();
  o.family = family;
  o.person = tolvan;
  o.other_person = other_person;
  o.calls = 2;  // the SLA sample stays small: CI has two cores
  o.timeout = 15s;
  return o;
}

run_report run_kit(const conform_options& options) {
  auto transport = make_https_transport(options.url, options.tls, options.timeout);
  return run_conformance(options, *transport);
}

const check_result* find_check(const run_report& r, const std::string& id) {
  for (const auto& c : r.checks) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

verdict verdict_of(const run_report& r, const std::string& id) {
  const auto* c = find_check(r, id);
  REQUIRE(c);
  return c->outcome;
}

std::vector<std::string> failed_ids(const run_report& r) {
  std::vector<std::string> out;
  for (const auto& c : r.checks) {
    if (c.outcome == verdict::fail) out.push_back(c.id);
  }
  return out;
}

std::string summary_of(const run_report& r) {
  std::ostringstream out;
  write_summary(out, r);
  return out.str();
}

}  // namespace tidnav::conform::test
