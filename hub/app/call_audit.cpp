// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/call_audit.hpp"

#include <algorithm>
#include <stdexcept>

#include "hub/audit/person_finder.hpp"
#include "hub/audit/sqlite_audit_store.hpp"

namespace tidnav::app {
namespace {

// Aggregations whose consumer call never finishes (the hub stops first) must
// not keep their entries forever; a few thousand cover every call in flight.
constexpr std::size_t max_tracked = 4096;
constexpr std::string_view aggregate_url = "local:aggregate";

bool in_process(const net::request_context& req) { return req.remote_ip == "in-process"; }

std::unique_ptr<audit::audit_store> open_store(const core::audit_config& cfg) {
  try {
    return std::make_unique<audit::sqlite_audit_store>(cfg.path);
  } catch (const audit::audit_error& e) {
    throw std::runtime_error(std::string("audit log: ") + e.what());
  }
}

audit::audit_log_options options_for(std::size_t queue, net::log_sink events) {
  audit::audit_log_options o;
  o.capacity = queue;
  o.report = [events = std::move(events)](std::string_view level, std::string_view event, const std::string& detail) {
    net::log_line(level, event).str("detail", detail).emit(events);
  };
  return o;
}

}  // namespace

call_audit::call_audit(const core::audit_config& cfg, net::log_sink events)
    : call_audit(open_store(cfg), cfg.queue, std::move(events)) {}

call_audit::call_audit(std::unique_ptr<audit::audit_store> store, std::size_t queue, net::log_sink events)
    : log_(std::make_unique<audit::audit_log>(std::move(store), options_for(queue, std::move(events)))) {}

void call_audit::planned(const net::request_context& req, call_facts& f, std::string_view body) {
  if (f.contract.empty()) return;  // not a contract call: nothing to say about anyone
  f.persons = audit::find_persons(body);
  if (!in_process(req)) return;
  std::lock_guard lock(mutex_);
  // The dashboard's own call is planned before the unit calls it causes.
  if (operator_calls_.erase(f.correlation_id) > 0) {
    if (operator_outer_.size() >= max_tracked) operator_outer_.clear();
    operator_outer_.insert(f.correlation_id);
    return;
  }
  if (f.producer_url.empty() || f.producer_url == aggregate_url) return;
  auto [it, added] = units_.try_emplace(f.correlation_id);
  if (added) {
    order_.push_back(f.correlation_id);
    if (order_.size() > max_tracked) {
      units_.erase(order_.front());
      operator_outer_.erase(order_.front());
      order_.pop_front();
    }
  }
  if (std::find(it->second.begin(), it->second.end(), f.logical_address) == it->second.end()) {
    it->second.push_back(f.logical_address);
  }
}

std::vector<std::string> call_audit::take_units(const std::string& correlation_id) {
  std::lock_guard lock(mutex_);
  auto it = units_.find(correlation_id);
  if (it == units_.end()) return {};
  std::vector<std::string> units = std::move(it->second);
  units_.erase(it);
  order_.erase(std::remove(order_.begin(), order_.end(), correlation_id), order_.end());
  return units;
}

void call_audit::expect_operator_call(const std::string& correlation_id) {
  std::lock_guard lock(mutex_);
  // Bounded like units_: an expected call that never came must not stay forever.
  if (operator_calls_.size() >= max_tracked) operator_calls_.clear();
  operator_calls_.insert(correlation_id);
}

void call_audit::finished(const net::request_context& req, const call_facts& f, std::string_view outcome) {
  const bool aggregated = f.producer_url == aggregate_url;
  std::vector<std::string> units = aggregated ? take_units(f.correlation_id) : std::vector<std::string>{};
  if (f.contract.empty() || (f.persons.empty() && !audit::is_person_operation(f.operation))) return;
  if (!aggregated && !f.logical_address.empty()) units.push_back(f.logical_address);

  std::string_view channel = in_process(req) ? audit::channel_platform : audit::channel_consumer;
  if (in_process(req) && (aggregated || f.producer_url.empty())) {
    std::lock_guard lock(mutex_);
    if (operator_outer_.erase(f.correlation_id) > 0) channel = audit::channel_operator;
  }
  audit::audit_record r;
  r.at_ms = audit::to_unix_ms(std::chrono::system_clock::now());
  r.correlation_id = f.correlation_id;
  r.consumer = f.sender;
  r.original_consumer = f.original_consumer;
  r.contract = f.contract;
  r.operation = f.operation;
  r.care_units = std::move(units);
  r.outcome = std::string(outcome);
  r.channel = std::string(channel);
  if (f.persons.empty()) {
    log_->submit(std::move(r));
    return;
  }
  for (std::size_t i = 0; i < f.persons.size(); ++i) {
    audit::audit_record one = i + 1 < f.persons.size() ? r : std::move(r);
    one.person = f.persons[i];
    log_->submit(std::move(one));
  }
}

}  // namespace tidnav::app
