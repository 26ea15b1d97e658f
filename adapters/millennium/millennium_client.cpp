// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/millennium_client.hpp"

#include "adapters/millennium/fhir_mapping.hpp"

namespace tidnav::adapters::millennium {
namespace {

// scheme://host[:port] of a URL, so `next` links are only followed to the server we trust with the token.
std::string origin_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const auto path = url.find('/', scheme + 3);
  return std::string(url.substr(0, path));
}

fhir::token_options token_options_of(const millennium_options& o) {
  fhir::token_options t;
  t.token_url = o.token_url;
  t.client_id = o.client_id;
  t.client_secret = o.client_secret;
  t.scope = o.scope;
  t.auth = fhir::token_options::client_auth::basic;  // a Millennium system account
  t.margin = o.token_margin;
  return t;
}

}  // namespace

millennium_client::millennium_client(millennium_options options, http_transport& transport)
    : options_(std::move(options)),
      session_(token_options_of(options_), transport,
               [](const http_response& r) { return classify(call_kind::token, r); }) {}

booking_result<fhir_answer> millennium_client::call_url(call_kind kind, std::string_view method,
                                                        const std::string& url, const nlohmann::json* body,
                                                        deadline until, std::string_view content_type,
                                                        std::string_view if_match) {
  http_request req;
  req.method = std::string(method);
  req.url = url;
  req.headers = {{"Accept", "application/fhir+json"}};
  if (!if_match.empty()) req.headers.emplace_back("If-Match", std::string(if_match));
  if (body) {
    req.headers.emplace_back("Content-Type", std::string(content_type));
    req.body = body->dump();
  }
  auto sent = session_.send(req, until);
  if (!sent) return core::failure<booking_error>{sent.error()};
  const http_response& resp = sent.value();
  if (resp.what != http_response::outcome::answered || resp.status < 200 || resp.status > 299) {
    return core::failure<booking_error>{classify(kind, resp)};
  }
  fhir_answer out;
  out.etag = header_value(resp.headers, "ETag");
  out.location = header_value(resp.headers, "Location");
  if (resp.body.empty()) {
    out.body = nlohmann::json::object();
    return out;
  }
  auto doc = parse_body(resp.body);
  if (!doc) return core::failure<booking_error>{doc.error()};
  out.body = std::move(doc.value());
  return out;
}

booking_result<fhir_answer> millennium_client::call(call_kind kind, std::string_view method,
                                                    std::string_view path_query, const nlohmann::json* body,
                                                    deadline until, std::string_view content_type,
                                                    std::string_view if_match) {
  return call_url(kind, method, options_.base_url + std::string(path_query), body, until, content_type, if_match);
}

booking_result<std::vector<nlohmann::json>> millennium_client::search(call_kind kind, std::string_view path_query,
                                                                      std::string_view type, deadline until) {
  std::vector<nlohmann::json> out;
  std::string url = options_.base_url + std::string(path_query);
  const std::string trusted = origin_of(options_.base_url);
  for (std::size_t page = 0;; ++page) {
    if (page >= options_.max_pages) {
      return fail(technical_code::bad_backend_answer,
                  "more than " + std::to_string(options_.max_pages) + " pages; refusing a truncated answer");
    }
    auto answer = call_url(kind, "GET", url, nullptr, until, {}, {});
    if (!answer) return core::failure<booking_error>{answer.error()};
    auto resources = bundle_resources(answer.value().body, type);
    if (!resources) return core::failure<booking_error>{resources.error()};
    for (auto& r : resources.value()) out.push_back(std::move(r));
    const std::string next = next_link(answer.value().body);
    if (next.empty()) return out;
    // The bearer token goes only where base_url points.
    if (origin_of(next) != trusted) {
      return fail(technical_code::bad_backend_answer, "next link leaves the service root: " + next);
    }
    url = next;
  }
}

}  // namespace tidnav::adapters::millennium
