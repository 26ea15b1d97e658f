// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/millennium_client.hpp"

#include "adapters/millennium/fhir_mapping.hpp"

#include <cstdio>

namespace tidnav::adapters::millennium {
namespace {

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// scheme://host[:port] of a URL, so `next` links are only followed to the server we trust with the token.
std::string origin_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const auto path = url.find('/', scheme + 3);
  return std::string(url.substr(0, path));
}

}  // namespace

std::string header_value(const header_pairs& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (iequal(k, name)) return v;
  }
  return {};
}

std::string url_encode(std::string_view value) {
  std::string out;
  for (const unsigned char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

millennium_client::millennium_client(millennium_options options, http_transport& transport)
    : options_(std::move(options)), transport_(transport) {}

booking_result<std::string> millennium_client::token(deadline until, const std::string& rejected) {
  const std::lock_guard lock(token_mutex_);
  const auto now = std::chrono::steady_clock::now();
  // Another thread may have renewed it while we waited: only refetch what was rejected or stale.
  if (!token_.empty() && token_ != rejected && now + options_.token_margin < token_expires_) return token_;
  http_request req;
  req.method = "POST";
  req.url = options_.token_url;
  // A Millennium system account authenticates with HTTP Basic (id:secret).
  req.headers = {{"Authorization", "Basic " + base64(options_.client_id + ":" + options_.client_secret)},
                 {"Content-Type", "application/x-www-form-urlencoded"},
                 {"Accept", "application/json"}};
  req.body = "grant_type=client_credentials";
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

http_response millennium_client::send_once(std::string_view method, const std::string& url, const std::string& body,
                                           std::string_view content_type, std::string_view if_match,
                                           const std::string& token, deadline until) {
  http_request req;
  req.method = std::string(method);
  req.url = url;
  req.headers = {{"Authorization", "Bearer " + token}, {"Accept", "application/fhir+json"}};
  if (!if_match.empty()) req.headers.emplace_back("If-Match", std::string(if_match));
  if (!body.empty()) {
    req.headers.emplace_back("Content-Type", std::string(content_type));
    req.body = body;
  }
  return transport_.send(req, until);
}

booking_result<fhir_answer> millennium_client::call_url(call_kind kind, std::string_view method,
                                                        const std::string& url, const nlohmann::json* body,
                                                        deadline until, std::string_view content_type,
                                                        std::string_view if_match) {
  if (std::chrono::steady_clock::now() >= until) return fail(technical_code::timeout, "deadline passed before the call");
  const std::string payload = body ? body->dump() : std::string();
  auto tok = token(until);
  if (!tok) return core::failure<booking_error>{tok.error()};
  auto resp = send_once(method, url, payload, content_type, if_match, tok.value(), until);
  // A token revoked or expired early: renew once. A 401 means Millennium did
  // nothing, so even a POST is safe to repeat.
  if (resp.what == http_response::outcome::answered && resp.status == 401) {
    tok = token(until, tok.value());
    if (!tok) return core::failure<booking_error>{tok.error()};
    resp = send_once(method, url, payload, content_type, if_match, tok.value(), until);
  }
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
