// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/cosmic_client.hpp"

#include "adapters/cosmic/fhir_json.hpp"

#include <cstdio>

namespace tidnav::adapters::cosmic {

std::string url_encode(std::string_view value) {
  std::string out;
  for (const unsigned char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == ':') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

cosmic_client::cosmic_client(cosmic_options options, http_transport& transport)
    : options_(std::move(options)), transport_(transport) {}

booking_result<std::string> cosmic_client::token(deadline until, const std::string& rejected) {
  const std::lock_guard lock(token_mutex_);
  const auto now = std::chrono::steady_clock::now();
  // Another thread may have renewed it while we waited: only refetch what was rejected or stale.
  if (!token_.empty() && token_ != rejected && now + options_.token_margin < token_expires_) return token_;
  http_request req;
  req.method = "POST";
  req.url = options_.token_url;
  req.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  req.body = "grant_type=client_credentials&client_id=" + url_encode(options_.client_id) +
             "&client_secret=" + url_encode(options_.client_secret);
  if (!options_.scope.empty()) req.body += "&scope=" + url_encode(options_.scope);
  const auto resp = transport_.send(req, until);
  if (resp.what != http_response::outcome::answered || resp.status < 200 || resp.status > 299) {
    return core::failure<booking_error>{classify(call_kind::token, resp)};
  }
  const auto doc = nlohmann::json::parse(resp.body, nullptr, false);
  if (!doc.is_object() || !doc.contains("access_token") || !doc["access_token"].is_string()) {
    return fail(technical_code::bad_backend_answer, "token endpoint answered without access_token");
  }
  const auto lifetime = doc.contains("expires_in") && doc["expires_in"].is_number_integer()
                            ? std::chrono::seconds(doc["expires_in"].get<long>())
                            : std::chrono::seconds(300);
  token_ = doc["access_token"].get<std::string>();
  token_expires_ = now + lifetime;
  return token_;
}

http_response cosmic_client::send_once(std::string_view method, std::string_view path_query,
                                       const person_id* patient, const std::string& body, const std::string& token,
                                       deadline until) {
  http_request req;
  req.method = std::string(method);
  req.url = options_.base_url + std::string(path_query);
  req.headers = {{"Authorization", "Bearer " + token},
                 {options_.subscription_header, options_.subscription_key},
                 {"Accept", "application/fhir+json"}};
  // COS names the patient in a header, not the query, on its booking profiles.
  if (patient) req.headers.emplace_back("Patient", patient->number);
  if (!body.empty()) {
    req.headers.emplace_back("Content-Type", "application/fhir+json");
    req.body = body;
  }
  return transport_.send(req, until);
}

booking_result<nlohmann::json> cosmic_client::call(call_kind kind, std::string_view method,
                                                   std::string_view path_query, const person_id* patient,
                                                   const nlohmann::json* body, deadline until) {
  if (std::chrono::steady_clock::now() >= until) return fail(technical_code::timeout, "deadline passed before the call");
  const std::string payload = body ? body->dump() : std::string();
  auto tok = token(until);
  if (!tok) return core::failure<booking_error>{tok.error()};
  auto resp = send_once(method, path_query, patient, payload, tok.value(), until);
  // A token revoked or expired early: renew once. A 401 means Cosmic did
  // nothing, so even a POST is safe to repeat.
  if (resp.what == http_response::outcome::answered && resp.status == 401) {
    tok = token(until, tok.value());
    if (!tok) return core::failure<booking_error>{tok.error()};
    resp = send_once(method, path_query, patient, payload, tok.value(), until);
  }
  if (resp.what != http_response::outcome::answered || resp.status < 200 || resp.status > 299) {
    return core::failure<booking_error>{classify(kind, resp)};
  }
  if (resp.body.empty()) return nlohmann::json::object();  // e.g. 204 after a PUT
  return parse_body(resp.body);
}

}  // namespace tidnav::adapters::cosmic
