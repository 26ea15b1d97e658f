// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/bearer_session.hpp"

#include "adapters/fhir/encoding.hpp"

#include <nlohmann/json.hpp>

namespace tidnav::adapters::fhir {

bearer_session::bearer_session(token_options options, http_transport& transport, failure_fn token_failure)
    : options_(std::move(options)), transport_(transport), token_failure_(std::move(token_failure)) {}

booking_result<std::string> bearer_session::token(deadline until, const std::string& rejected) {
  const std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  // Another thread may have renewed it while we waited: only refetch what was rejected or stale.
  if (!token_.empty() && token_ != rejected && now + options_.margin < expires_) return token_;
  http_request req;
  req.method = "POST";
  req.url = options_.token_url;
  req.body = "grant_type=client_credentials";
  if (options_.auth == token_options::client_auth::basic) {
    req.headers.emplace_back("Authorization", "Basic " + base64(options_.client_id + ":" + options_.client_secret));
  } else {
    req.body += "&client_id=" + url_encode(options_.client_id, options_.url_keep) +
                "&client_secret=" + url_encode(options_.client_secret, options_.url_keep);
  }
  req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  req.headers.emplace_back("Accept", "application/json");
  if (!options_.scope.empty()) req.body += "&scope=" + url_encode(options_.scope, options_.url_keep);
  const auto resp = transport_.send(req, until);
  if (resp.what != http_response::outcome::answered || resp.status < 200 || resp.status > 299) {
    return core::failure<booking_error>{token_failure_(resp)};
  }
  const auto doc = nlohmann::json::parse(resp.body, nullptr, false);
  if (!doc.is_object() || !doc.contains("access_token") || !doc["access_token"].is_string()) {
    return fail(technical_code::bad_backend_answer, "token endpoint answered without access_token");
  }
  const auto lifetime = doc.contains("expires_in") && doc["expires_in"].is_number_integer()
                            ? std::chrono::seconds(doc["expires_in"].get<long>())
                            : std::chrono::seconds(300);
  token_ = doc["access_token"].get<std::string>();
  expires_ = now + lifetime;
  return token_;
}

booking_result<http_response> bearer_session::send(const http_request& request, deadline until) {
  if (std::chrono::steady_clock::now() >= until) return fail(technical_code::timeout, "deadline passed before the call");
  auto tok = token(until);
  if (!tok) return core::failure<booking_error>{tok.error()};
  const auto with_token = [&](const std::string& t) {
    http_request r = request;
    r.headers.insert(r.headers.begin(), {"Authorization", "Bearer " + t});
    return transport_.send(r, until);
  };
  auto resp = with_token(tok.value());
  if (resp.what == http_response::outcome::answered && resp.status == 401) {
    tok = token(until, tok.value());
    if (!tok) return core::failure<booking_error>{tok.error()};
    resp = with_token(tok.value());
  }
  return resp;
}

}  // namespace tidnav::adapters::fhir
