// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/dashboard.hpp"

#include <algorithm>
#include <map>

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "hub/app/call_plan.hpp"
#include "hub/app/dashboard_assets.hpp"
#include "hub/app/dashboard_citizen.hpp"
#include "hub/app/ei_producer.hpp"
#include "hub/app/header_names.hpp"
#include "hub/app/header_policy.hpp"
#include "hub/app/hub_observer.hpp"
#include "hub/app/hub_service.hpp"
#include "hub/app/status_page.hpp"
#include "hub/audit/audit_record.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/obs/privacy.hpp"

namespace tidnav::app {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t max_route_rows = 500;

std::int64_t now_ms() { return audit::to_unix_ms(std::chrono::system_clock::now()); }

double ms(double us) { return static_cast<double>(static_cast<std::int64_t>(us / 10.0)) / 100.0; }

net::response json_response(unsigned status, const json& j) {
  net::response r = text_response(status, j.dump(), "application/json");
  r.headers.push_back({"Cache-Control", "no-store"});
  return r;
}

net::response error_response(unsigned status, std::string message) {
  return json_response(status, json{{"error", std::move(message)}});
}

// The page may talk only to this listener and load only its own files.
void add_page_headers(net::response& r) {
  r.headers.push_back({"Content-Security-Policy",
                       "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                       "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"});
  r.headers.push_back({"X-Content-Type-Options", "nosniff"});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});
  r.headers.push_back({"Cache-Control", "no-store"});
}

std::string health_of(const producer_health* p, std::string_view url) {
  if (url.rfind("local:", 0) == 0 && !p) return "in-process";
  if (!p) return "unknown";
  if (p->last_failure_ms > p->last_ok_ms) return "failing";
  return "up";
}

json window_json(const traffic_window& w) {
  return {{"window_s", w.seconds},
          {"calls", w.calls},
          {"calls_per_s", static_cast<double>(w.calls) / w.seconds},
          {"failures_per_s", static_cast<double>(w.failures) / w.seconds},
          {"mean_total_ms", ms(w.mean_total_us)},
          {"mean_hub_ms", ms(w.mean_hub_us)},
          {"mean_producer_ms", ms(w.mean_producer_us)}};
}

std::string bearer_token(const net::header_list& headers) {
  const std::string* h = net::find_header(headers, "Authorization");
  if (!h || h->size() < 7 || !net::iequals(std::string_view(*h).substr(0, 7), "Bearer ")) return {};
  std::string_view t = std::string_view(*h).substr(7);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return std::string(t);
}

const core::operator_config* find_operator(const core::dashboard_config& d, const std::string& token) {
  if (token.empty()) return nullptr;
  const std::string digest = sha256_hex(token);
  const core::operator_config* found = nullptr;
  for (const auto& o : d.operators) {
    // Compare every entry in full: the time taken does not depend on where a digest differs.
    unsigned char diff = o.token_sha256.size() == digest.size() ? 0 : 1;
    for (std::size_t i = 0; i < digest.size() && i < o.token_sha256.size(); ++i) {
      diff |= static_cast<unsigned char>(o.token_sha256[i] ^ digest[i]);
    }
    if (diff == 0) found = &o;
  }
  return found;
}

}  // namespace

std::string sha256_hex(std::string_view text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 0x0f];
  }
  return out;
}

bool dashboard::answer(const net::request_context& req, std::string_view path, std::string_view query,
                       const net::responder& respond) {
  if (path != "/dashboard" && !path.starts_with("/dashboard/")) return false;
  const runtime_ptr rt = s_.runtime->get();
  if (!rt || !rt->config.dashboard.enabled) return false;
  if (path == "/dashboard/api/citizen") {
    if (req.method != "POST") {
      respond(error_response(405, "POST a JSON body {\"person\": ..., \"contract\": \"schedule\"|\"appointments\"}"));
    } else {
      citizen(req, respond);
    }
    return true;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    respond(error_response(405, "the dashboard answers GET"));
    return true;
  }
  if (path == "/dashboard/api/overview") {
    if (s_.ei) {
      // The outbox counters are SQLite reads: not on an io thread.
      s_.ei->run_blocking([this, respond] {
        net::response r = text_response(200, overview_json(), "application/json");
        r.headers.push_back({"Cache-Control", "no-store"});
        respond(std::move(r));
      });
    } else {
      net::response r = text_response(200, overview_json(), "application/json");
      r.headers.push_back({"Cache-Control", "no-store"});
      respond(std::move(r));
    }
    return true;
  }
  if (path == "/dashboard/api/calls") {
    std::size_t limit = 50;
    if (query.starts_with("limit=")) {
      limit = 0;
      for (const char c : query.substr(6)) {
        if (c < '0' || c > '9' || limit > 1000) break;
        limit = limit * 10 + static_cast<std::size_t>(c - '0');
      }
    }
    net::response r = text_response(200, calls_json(std::clamp<std::size_t>(limit, 1, 200)), "application/json");
    r.headers.push_back({"Cache-Control", "no-store"});
    respond(std::move(r));
    return true;
  }
  std::string_view file = path == "/dashboard" || path == "/dashboard/" ? "index.html" : path.substr(11);
  const dashboard_asset* a = find_dashboard_asset(file);
  if (!a) {
    respond(error_response(404, "no such dashboard file"));
    return true;
  }
  net::response r = text_response(200, std::string(a->body), a->content_type);
  add_page_headers(r);
  respond(std::move(r));
  return true;
}

std::string dashboard::overview_json() const {
  const runtime_ptr rt = s_.runtime->get();
  const auto& stats = s_.observer->stats();
  json j;
  j["now"] = audit::format_utc_ms(now_ms());
  j["instance"] = rt->config.instance_name;
  j["instance_id"] = rt->config.instance_id;
  j["platform_hsa_id"] = rt->config.platform_hsa_id;
  j["generation"] = rt->generation;
  j["loaded_at"] = audit::format_utc_ms(audit::to_unix_ms(rt->loaded_at));
  const reload_report last = s_.status->last_reload();
  j["reload"] = {{"at", audit::format_utc_ms(audit::to_unix_ms(last.at))}, {"ok", last.ok}, {"lines", last.lines}};
  j["traffic"] = {{"total_calls", stats.total_calls()},
                  {"last_10s", window_json(stats.window(10))},
                  {"last_60s", window_json(stats.window(60))}};

  std::map<std::string, producer_health, std::less<>> by_url;
  for (auto& p : stats.producers()) by_url.emplace(p.url, std::move(p));
  std::map<std::string, std::size_t, std::less<>> routes_per_url;
  json routes = json::array();
  const auto& all_routes = rt->routing.snapshot->routes();
  for (const auto& r : all_routes) {
    ++routes_per_url[r.url];
    if (routes.size() >= max_route_rows) continue;
    const auto it = by_url.find(r.url);
    const producer_health* p = it == by_url.end() ? nullptr : &it->second;
    routes.push_back({{"contract", r.contract},
                      {"logical_address", mask_personal(r.logical_address)},
                      {"url", r.url},
                      {"riv_profile", r.profile_name},
                      {"health", health_of(p, r.url)}});
  }
  j["routes_total"] = all_routes.size();
  j["routes"] = std::move(routes);
  j["permissions_total"] = rt->routing.permissions;
  json producers = json::array();
  for (const auto& [url, count] : routes_per_url) {
    const auto it = by_url.find(url);
    const producer_health* p = it == by_url.end() ? nullptr : &it->second;
    json e = {{"url", url}, {"routes", count}, {"health", health_of(p, url)}};
    if (p) {
      e["calls"] = p->calls;
      e["failures"] = p->failures;
      e["last_outcome"] = p->last_outcome;
      e["last_at"] = audit::format_utc_ms(p->last_at_ms);
      e["mean_producer_ms"] = ms(p->mean_producer_us);
    } else {
      e["calls"] = 0;
      e["failures"] = 0;
    }
    producers.push_back(std::move(e));
  }
  j["producers"] = std::move(producers);

  if (s_.ei) {
    json ei;
    try {
      const ei_stats st = s_.ei->stats();
      const auto& c = st.posts_and_requests;
      ei = {{"updates", c.updates},
            {"notifications", c.notifications},
            {"find_contents", c.find_contents},
            {"aggregator_finds", c.aggregator_finds},
            {"refused", c.refused},
            {"posts_inserted", c.inserted},
            {"posts_updated", c.updated},
            {"posts_deleted", c.deleted},
            {"outbox_pending", st.outbox.pending},
            {"outbox_delivered", st.outbox.delivered},
            {"outbox_failed_attempts", st.outbox.failed_attempts},
            {"outbox_dead", st.outbox.dead},
            {"outbox_in_flight", st.outbox_in_flight}};
    } catch (const std::exception& e) {
      ei = {{"error", e.what()}};
    }
    const auto it = by_url.find("local:ei");
    ei["calls"] = it == by_url.end() ? 0 : it->second.calls;
    ei["failures"] = it == by_url.end() ? 0 : it->second.failures;
    j["engagement_index"] = std::move(ei);
  } else {
    j["engagement_index"] = nullptr;
  }
  if (call_audit* a = s_.observer->audit()) {
    const auto& l = a->log();
    j["audit"] = {{"written", l.written()}, {"dropped", l.dropped()}, {"queued", l.queued()}, {"write_errors", l.write_errors()}};
  } else {
    j["audit"] = nullptr;
  }
  j["operators_configured"] = rt->config.dashboard.operators.size();
  return j.dump();
}

std::string dashboard::calls_json(std::size_t limit) const {
  json arr = json::array();
  for (const auto& c : s_.observer->stats().recent(limit)) {
    arr.push_back({{"at", audit::format_utc_ms(c.at_ms)},
                   {"correlation_id", c.correlation_id},
                   {"consumer", c.consumer},
                   {"contract", c.contract},
                   {"operation", c.operation},
                   {"logical_address", c.logical_address},
                   {"producer", c.producer},
                   {"outcome", c.outcome},
                   {"total_ms", ms(static_cast<double>(c.total_us))},
                   {"producer_ms", ms(static_cast<double>(c.producer_us))},
                   {"hub_ms", ms(static_cast<double>(c.total_us - c.producer_us))},
                   {"in_process", c.in_process}});
  }
  return json{{"calls", std::move(arr)}}.dump();
}

void dashboard::citizen(const net::request_context& req, const net::responder& respond) {
  const runtime_ptr rt = s_.runtime->get();
  const core::operator_config* op = find_operator(rt->config.dashboard, bearer_token(req.headers));
  if (!op) {
    net::log_line("warn", "dashboard_denied").str("remote_ip", req.remote_ip).str("detail", "citizen view without a valid operator token").emit(s_.events);
    net::response r = error_response(401, "the citizen view needs an operator token (Authorization: Bearer ...)");
    r.headers.push_back({"WWW-Authenticate", "Bearer realm=\"tidnav dashboard\""});
    respond(std::move(r));
    return;
  }
  call_audit* audit_log = s_.observer->audit();
  if (!audit_log) {
    respond(error_response(403, "the citizen view is only available with the audit log on (audit.path)"));
    return;
  }
  json in;
  try {
    in = json::parse(req.body);
  } catch (const std::exception&) {
    respond(error_response(400, "the body must be JSON: {\"person\": ..., \"contract\": ...}"));
    return;
  }
  const std::string raw = in.contains("person") && in["person"].is_string() ? in["person"].get<std::string>() : "";
  const std::string contract_name = in.contains("contract") && in["contract"].is_string() ? in["contract"].get<std::string>() : "";
  const std::string person = audit::normalize_person(raw);
  if (!obs::looks_like_personnummer(person) || person.size() != 12) {
    respond(error_response(400, "person must be a personnummer or samordningsnummer (12 digits, or with a hyphen)"));
    return;
  }
  const auto contract = citizen_contract_from(contract_name);
  if (!contract) {
    respond(error_response(400, "contract must be \"schedule\" (1.1 GetSubjectOfCareSchedule) or \"appointments\" (2.0 GetAppointments)"));
    return;
  }
  citizen_request call;
  try {
    call = build_citizen_request(*contract, person, op->hsa_id, rt->config.platform_hsa_id);
  } catch (const std::exception& e) {
    respond(error_response(500, std::string("could not build the request: ") + e.what()));
    return;
  }
  const std::string correlation = random_uuid();
  audit_log->expect_operator_call(correlation);
  net::log_line("info", "dashboard_citizen_view")
      .str("operator", op->hsa_id)
      .str("correlation_id", correlation)
      .emit(s_.events);
  net::header_list headers{{std::string(headers::soap_action), "\"" + call.soap_action + "\""},
                           {std::string(headers::content_type), "text/xml; charset=UTF-8"}};
  const auto timeout = rt->config.aggregation.deadline + std::chrono::milliseconds(1000);
  s_.service->forward_internal(
      op->hsa_id, op->hsa_id, correlation, std::move(headers), std::move(call.body), timeout,
      [respond, correlation, person, operator_id = op->hsa_id, c = *contract](consumer_answer&& a) {
        json out = {{"person", person},
                    {"contract", c == citizen_contract::appointments_20 ? "appointments" : "schedule"},
                    {"operator", operator_id},
                    {"correlation_id", correlation},
                    {"outcome", std::string(outcome_label(a))}};
        if (a.outcome == call_outcome::ok) {
          const json view = citizen_view_json(c, a.response.body);
          for (auto it = view.begin(); it != view.end(); ++it) out[it.key()] = it.value();
        } else {
          out["error"] = a.detail.empty() ? std::string(outcome_label(a)) : a.detail;
        }
        respond(json_response(200, out));
      });
}

}  // namespace tidnav::app
