// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/cosmic_client.hpp"

#include "adapters/cosmic/fhir_json.hpp"

namespace tidnav::adapters::cosmic {
namespace {

fhir::token_options token_options_of(const cosmic_options& o) {
  fhir::token_options t;
  t.token_url = o.token_url;
  t.client_id = o.client_id;
  t.client_secret = o.client_secret;
  t.scope = o.scope;
  t.auth = fhir::token_options::client_auth::form;  // the COS IdP reads the credentials from the form
  t.margin = o.token_margin;
  t.url_keep = ":";
  return t;
}

}  // namespace

cosmic_client::cosmic_client(cosmic_options options, http_transport& transport)
    : options_(std::move(options)),
      session_(token_options_of(options_), transport,
               [](const http_response& r) { return classify(call_kind::token, r); }) {}

booking_result<nlohmann::json> cosmic_client::call(call_kind kind, std::string_view method,
                                                   std::string_view path_query, const person_id* patient,
                                                   const nlohmann::json* body, deadline until) {
  http_request req;
  req.method = std::string(method);
  req.url = options_.base_url + std::string(path_query);
  req.headers = {{options_.subscription_header, options_.subscription_key}, {"Accept", "application/fhir+json"}};
  // COS names the patient in a header, not the query, on its booking profiles.
  if (patient) req.headers.emplace_back("Patient", patient->number);
  if (body) {
    req.headers.emplace_back("Content-Type", "application/fhir+json");
    req.body = body->dump();
  }
  auto sent = session_.send(req, until);
  if (!sent) return core::failure<booking_error>{sent.error()};
  const http_response& resp = sent.value();
  if (resp.what != http_response::outcome::answered || resp.status < 200 || resp.status > 299) {
    return core::failure<booking_error>{classify(kind, resp)};
  }
  if (resp.body.empty()) return nlohmann::json::object();  // e.g. 204 after a PUT
  return parse_body(resp.body);
}

}  // namespace tidnav::adapters::cosmic
