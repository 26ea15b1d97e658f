// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/sim/legacy_simulator.hpp"

#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/memory_fixture.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/net/http_server.hpp"

#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tidnav::adapters::bridge::sim {
namespace {

unit_table units_of(const memory_seed& seed) {
  std::vector<unit_entry> entries;
  for (const auto& u : seed.units) entries.push_back({u.info.unit, u.info.unit, u.info.name});
  std::vector<std::string> errors;
  auto table = unit_table::build(std::move(entries), errors);
  if (!errors.empty()) throw std::runtime_error("simulator seed: " + errors.front());
  return table;
}

class simulator final : public legacy_simulator {
 public:
  simulator(legacy_sim_options options, memory_seed seed)
      : options_(std::move(options)), now_(seed.now), units_(units_of(seed)), system_(std::move(seed)) {
    net::server_options so;
    so.listen = {{options_.address, options_.port, options_.tls != nullptr}};
    so.tls = options_.tls;
    so.io_threads = options_.io_threads;
    so.log = [](std::string_view) {};
    server_ = std::make_unique<net::http_server>(
        so, [this](net::request_context req, net::responder respond) { on_request(std::move(req), respond); });
    server_->start();
  }

  ~simulator() override {
    server_->stop(std::chrono::milliseconds(200));
    std::vector<std::jthread> late;
    {
      const std::lock_guard lock(mu_);
      late.swap(delayed_);
    }
  }

  std::uint16_t port() const override { return server_->port(); }
  std::string url() const override {
    return std::string(options_.tls ? "https://" : "http://") + options_.address + ":" + std::to_string(port()) + "/";
  }
  void inject(injected_fault fault) override {
    const std::lock_guard lock(mu_);
    fault_ = std::move(fault);
  }
  void clear_fault() override { inject({}); }
  void set_defects(defect_set defects) override {
    const std::lock_guard lock(mu_);
    options_.defects = std::move(defects);
  }
  memory_booking_system& system() override { return system_; }
  std::size_t calls(const std::string& contract) const override {
    const std::lock_guard lock(mu_);
    const auto it = calls_.find(contract);
    return it == calls_.end() ? 0 : it->second;
  }
  std::string last_request() const override {
    const std::lock_guard lock(mu_);
    return last_request_;
  }

 private:
  instant now() const {
    return now_ ? *now_ : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }

  void on_request(net::request_context req, const net::responder& respond) {
    if (req.method != "POST") {
      respond(405, {{"Allow", "POST"}}, "");
      return;
    }
    injected_fault fault;
    defect_set defects;
    {
      const std::lock_guard lock(mu_);
      fault = fault_;
      defects = options_.defects;
      last_request_ = req.body;
      if (auto sniffed = core::sniff_envelope(req.body)) ++calls_[sniffed.value().operation];
    }
    net::response answer;
    answer.headers = {{"Content-Type", "text/xml; charset=UTF-8"}};
    if (!fault.server_fault.empty() || !fault.client_fault.empty()) {
      const bool client = fault.server_fault.empty();
      answer.status = 500;
      answer.body = contracts::make_soap_fault(client, client ? fault.client_fault : fault.server_fault);
    } else if (fault.http_status != 0) {
      answer.status = fault.http_status;
      answer.headers = {{"Content-Type", "text/html"}};
      answer.body = "<html><body>Service Unavailable</body></html>";
    } else if (fault.garbage) {
      answer.body = "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body><oops";
    } else {
      // The work is done now even when the answer is delayed: a lost answer is not a lost write.
      int status = 200;
      const std::string request = restore_request(req.body, defects);
      std::string body = options_.version == sim_version::crm11
                             ? answer_crm11(system_, units_, request, status, now())
                             : answer_crm10(system_, units_, request, status, now());
      answer.status = static_cast<unsigned>(status);
      answer.body = status == 200 ? apply_defects(body, defects) : std::move(body);
    }
    if (fault.delay.count() > 0) {
      // Never sleep on an io thread: answer later from a thread of our own.
      const std::lock_guard lock(mu_);
      delayed_.emplace_back([respond, answer = std::move(answer), delay = fault.delay]() mutable {
        std::this_thread::sleep_for(delay);
        respond(std::move(answer));
      });
      return;
    }
    respond(std::move(answer));
  }

  legacy_sim_options options_;
  std::optional<instant> now_;
  unit_table units_;
  memory_booking_system system_;
  mutable std::mutex mu_;
  injected_fault fault_;
  std::map<std::string, std::size_t> calls_;
  std::string last_request_;
  std::vector<std::jthread> delayed_;
  std::unique_ptr<net::http_server> server_;  // last: stopped before the state it uses goes
};

}  // namespace

std::string answer_crm11(memory_booking_system& system, const unit_table& units, std::string_view envelope,
                         int& http_status, instant now) {
  call_info call;
  call.consumer = "simulator";
  call.now = now;
  auto reply = handle_crm11(system, units, envelope, call);
  http_status = reply.http_status;
  return std::move(reply.body);
}

std::unique_ptr<legacy_simulator> start_legacy_simulator(legacy_sim_options options) {
  std::string error;
  auto seed = load_memory_seed(options.seed_file, error);
  if (!seed) throw std::runtime_error("simulator seed " + options.seed_file + ": " + error);
  return std::make_unique<simulator>(std::move(options), std::move(*seed));
}

}  // namespace tidnav::adapters::bridge::sim
