// SPDX-License-Identifier: GPL-2.0-or-later
// OAuth2 client credentials as both FHIR backends use them: one token, fetched
// when missing or `margin` before it expires (one fetch at a time; the others
// wait for it), sent as a bearer token, and renewed once after a 401 — a 401
// means the backend did nothing, so even a POST is safe to repeat.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/fhir/http_transport.hpp"

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

namespace tidnav::adapters::fhir {

struct token_options {
  std::string token_url;
  std::string client_id;
  std::string client_secret;
  std::string scope;  // sent when non-empty
  // basic: HTTP Basic id:secret (a Millennium system account);
  // form: client_id and client_secret in the form body (the COS IdP).
  enum class client_auth { basic, form } auth = client_auth::basic;
  std::chrono::seconds margin{60};
  std::string url_keep;  // characters form values keep unencoded (see url_encode)
};

class bearer_session {
 public:
  // Turns a failed token call (not 2xx, or no answer) into the adapter's error.
  using failure_fn = std::function<booking_error(const http_response&)>;
  bearer_session(token_options options, http_transport& transport, failure_fn token_failure);

  // A valid token; `rejected` is one the backend refused, never handed out again.
  booking_result<std::string> token(deadline until, const std::string& rejected = {});
  // Sends `request` with the bearer token; a 401 renews the token and sends once more.
  // Any answer (any status) is returned; errors are the token's or a passed deadline.
  booking_result<http_response> send(const http_request& request, deadline until);

 private:
  token_options options_;
  http_transport& transport_;
  failure_fn token_failure_;
  std::mutex mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point expires_{};
};

}  // namespace tidnav::adapters::fhir
