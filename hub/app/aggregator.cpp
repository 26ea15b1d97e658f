// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/aggregator.hpp"

#include <algorithm>
#include <ctime>
#include <map>

#include "contracts/soap_fault.hpp"
#include "hub/app/header_names.hpp"
#include "hub/core/aggregate_kind.hpp"
#include "hub/core/aggregate_merge.hpp"
#include "hub/core/aggregate_request.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/route_decision.hpp"
#include "hub/core/vp_error.hpp"
#include "hub/ei/engagement.hpp"

namespace tidnav::app {
namespace {

using core::aggregate_kind;

// TS values in the contracts are Swedish local time; the hub runs with
// TZ=Europe/Stockholm (docs/operations.md).
std::string now_ts() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

net::client_result soap_answer(unsigned status, std::string body) {
  net::client_result r;
  r.status = status;
  r.attempts = 1;
  r.headers.push_back({"Content-Type", "text/xml; charset=UTF-8"});
  r.body = std::move(body);
  return r;
}

// Faults of the aggregating service itself (not of a unit) name this hub.
net::client_result fault(bool client, std::string_view text, const std::string& instance) {
  return soap_answer(500, contracts::make_soap_fault(client, "[" + instance + "] " + std::string(text)));
}

std::string_view service_domain_of(aggregate_kind k) {
  return k == aggregate_kind::schedule_11 ? "riv:crm:scheduling" : "riv:supportprocess:logistics:scheduling";
}

bool under_node(const core::hsa_tree& tree, std::string_view unit, std::string_view node) {
  std::string_view at = unit;
  for (int depth = 0; depth < 64; ++depth) {
    if (core::iequals(at, node)) return true;
    if (core::iequals(at, "SE")) return false;
    at = tree.parent_of(at);
  }
  return false;
}

core::unit_answer from_consumer_answer(std::string unit, consumer_answer&& a) {
  core::unit_answer u;
  u.logical_address = std::move(unit);
  if (a.outcome == call_outcome::ok) {
    u.ok = true;
    u.body = std::move(a.response.body);
    return u;
  }
  u.ok = false;
  if (a.outcome == call_outcome::producer_fault) {
    u.agent = core::causing_agent::service_producer;
    u.code = std::to_string(a.response.status);
    u.text = "The producer answered with a SOAP fault";
  } else if (a.producer_timeout) {
    u.agent = core::causing_agent::service_producer;
    u.code = "504";
    u.text = "The producer did not answer within the unit timeout";
  } else if (a.producer_status != 0) {
    u.agent = core::causing_agent::service_producer;
    u.code = std::to_string(a.producer_status);
    u.text = a.detail;
  } else {
    // Routing, authorisation, connection and TLS failures are the platform's.
    u.agent = core::causing_agent::virtualization_platform;
    u.code = std::string(core::info(a.code).name);
    u.text = a.detail;
  }
  return u;
}

// What the consumer sent that the units should see too.
net::header_list unit_headers(const net::header_list& in) {
  net::header_list out;
  for (const auto& h : in) {
    if (net::iequals(h.name, headers::soap_action) || (h.name.size() > 8 && net::iequals(h.name.substr(0, 8), "x-rivta-") &&
                                                       !net::iequals(h.name, headers::routing_history) &&
                                                       !net::iequals(h.name, headers::original_consumer))) {
      out.push_back(h);
    }
  }
  out.push_back({std::string(headers::content_type), "text/xml; charset=UTF-8"});
  return out;
}

struct fan_out_state {
  std::mutex mutex;
  aggregate_kind kind;
  std::vector<core::unit_answer> answers;
  std::vector<bool> answered;
  std::size_t remaining = 0;
  bool finished = false;
  std::function<void(net::client_result)> done;

  // Called once: when the last unit has answered or at the deadline.
  void finish_locked() {
    finished = true;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      if (answered[i]) continue;
      answers[i].ok = false;
      answers[i].agent = core::causing_agent::service_producer;
      answers[i].code = "504";
      answers[i].text = "No answer within the aggregation deadline";
    }
  }
};

// Once finished, nothing else touches the answers, so they are moved into the
// merge (which parses each body in place).
void deliver(const std::shared_ptr<fan_out_state>& f) {
  auto body = core::merge_answers(f->kind, std::move(f->answers), now_ts());
  auto done = std::move(f->done);
  done(soap_answer(200, std::move(body)));
}

}  // namespace

aggregator::aggregator(const runtime_holder& runtime, hub_service& service, engagement_finder find,
                       std::function<void(std::function<void()>)> off_io)
    : runtime_(runtime), service_(service), find_(std::move(find)), off_io_(std::move(off_io)) {
  if (!off_io_) off_io_ = [](std::function<void()> job) { job(); };
}

aggregator::~aggregator() { stop(); }

void aggregator::stop() { timers_.stop(); }

void aggregator::call(local_call c, std::function<void(net::client_result)> done) {
  const runtime_ptr rt = runtime_.get();
  const auto& cfg = rt->config;
  const auto kind = core::aggregate_kind_of(c.contract, c.operation);
  if (!kind) {
    done(fault(true, "The platform address aggregates GetSubjectOfCareSchedule, GetAppointments and "
                     "GetAvailableTimeslots only, not " + c.operation + ".", cfg.instance_name));
    return;
  }

  std::vector<std::string> candidates;
  if (*kind == aggregate_kind::schedule_11 || *kind == aggregate_kind::appointments_20) {
    auto query = core::read_aggregate_query(*kind, c.body);
    if (!query) {
      done(fault(true, "The request could not be read: " + query.error(), cfg.instance_name));
      return;
    }
    if (!find_) {
      done(fault(false, "No engagement index is configured in this hub.", cfg.instance_name));
      return;
    }
    ei::find_query q;
    q.registered_resident_identification = query->person_id;
    q.service_domain = std::string(service_domain_of(*kind));
    // The index is SQLite: read it off the io thread.
    off_io_([this, c = std::move(c), rt, k = *kind, q = std::move(q), done = std::move(done)]() mutable {
      std::vector<std::string> found;
      try {
        for (auto& e : find_(q)) found.push_back(std::move(e.logical_address));
      } catch (const std::exception& e) {
        // As nationally: without the index there is no answer, only a fault.
        done(fault(false, std::string("The engagement index could not be read: ") + e.what(), rt->config.instance_name));
        return;
      }
      fan_out(std::move(c), rt, k, std::move(found), std::move(done));
    });
    return;
  } else {
    const auto& snap = *rt->routing.snapshot;
    const bool everything = core::iequals(c.logical_address, cfg.platform_hsa_id);
    for (const auto& r : snap.routes()) {
      if (!core::iequals(r.contract, c.contract) || r.logical_address == "*") continue;
      if (r.url.rfind("local:", 0) == 0) continue;
      if (everything || under_node(snap.hsa(), r.logical_address, c.logical_address)) candidates.push_back(r.logical_address);
    }
  }
  fan_out(std::move(c), rt, *kind, std::move(candidates), std::move(done));
}

void aggregator::fan_out(local_call c, const runtime_ptr& rt, core::aggregate_kind kind, std::vector<std::string> candidates,
                         std::function<void(net::client_result)> done) {
  const auto& cfg = rt->config;

  // Drop the platform (recursion guard) and the node itself, units the
  // consumer may not reach, and duplicates that differ only in case (spelled
  // as HSA-ids are conventionally written when the index has that spelling).
  // Units are called, recorded and merged in HSA-id order, so the answer does
  // not depend on the order the index returns its posts in.
  std::vector<std::string> units;
  std::map<std::string, std::size_t> by_id;  // normalised id -> index in units
  const auto now = core::to_instant(std::chrono::system_clock::now());
  for (auto& u : candidates) {
    if (core::iequals(u, cfg.platform_hsa_id) || core::iequals(u, c.logical_address)) continue;
    std::string id = core::normalize_hsa_id(u);
    if (const auto it = by_id.find(id); it != by_id.end()) {
      if (u == id) units[it->second] = u;
      continue;
    }
    auto allowed = [&](const std::string& consumer) {
      if (consumer.empty()) return false;
      core::call_identity who;
      who.consumer = std::string_view(consumer);
      who.contract = std::string_view(c.contract);
      who.logical_address = std::string_view(u);
      return static_cast<bool>(core::decide_route(*rt->routing.snapshot, who, now));
    };
    if (!allowed(c.sender) && !(c.original_consumer != c.sender && allowed(c.original_consumer))) continue;
    by_id.emplace(std::move(id), units.size());
    units.push_back(u);
  }
  std::sort(units.begin(), units.end(), [](const std::string& a, const std::string& b) {
    return core::normalize_hsa_id(a) < core::normalize_hsa_id(b);
  });
  if (units.empty()) {
    done(soap_answer(200, core::empty_aggregate_response(kind, now_ts())));
    return;
  }

  auto f = std::make_shared<fan_out_state>();
  f->kind = kind;
  f->answers.resize(units.size());
  f->answered.assign(units.size(), false);
  f->remaining = units.size();
  f->done = std::move(done);
  for (std::size_t i = 0; i < units.size(); ++i) f->answers[i].logical_address = units[i];

  const net::header_list headers = unit_headers(c.headers);
  timers_.at(std::chrono::steady_clock::now() + cfg.aggregation.deadline, [f] {
    std::unique_lock lock(f->mutex);
    if (f->finished) return;
    f->finish_locked();
    lock.unlock();
    deliver(f);
  });
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto record = [f, i, unit = units[i]](consumer_answer&& a) mutable {
      std::unique_lock lock(f->mutex);
      if (f->finished) return;
      f->answers[i] = from_consumer_answer(std::move(unit), std::move(a));
      f->answered[i] = true;
      if (--f->remaining > 0) return;
      f->finish_locked();
      lock.unlock();
      deliver(f);
    };
    auto body = core::retarget_request(kind, c.body, units[i]);
    if (!body) {
      consumer_answer a;
      a.outcome = call_outcome::vp_fault;
      a.code = core::vp_code::vp012;
      a.detail = body.error();
      record(std::move(a));
      continue;
    }
    service_.forward_internal(c.sender, c.original_consumer, c.correlation_id, headers, std::move(body.value()),
                              cfg.aggregation.unit_timeout, std::move(record));
  }
}

}  // namespace tidnav::app
