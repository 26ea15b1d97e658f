// SPDX-License-Identifier: GPL-2.0-or-later
// The one seam between a FHIR adapter (Millennium, Cosmic) and the network.
// An adapter builds requests and reads responses; a transport only moves them.
// Keeping Asio/Beast behind this interface lets the whole mapping run against
// a fake in unit tests (tidnav_fhir_net has the real one, over hub/net).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tidnav::adapters::fhir {

using deadline = std::chrono::steady_clock::time_point;
using header_pairs = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string method = "GET";
  std::string url;  // absolute: https://host:port/path?query
  header_pairs headers;
  std::string body;
};

struct http_response {
  enum class outcome { answered, timed_out, unreachable };
  outcome what = outcome::answered;
  int status = 0;        // when answered
  header_pairs headers;  // Location and ETag matter after a create or read
  std::string body;
  std::string detail;    // why not answered, for logs
  // The request may have reached the backend although no answer came: a write
  // must then not be blindly repeated.
  bool maybe_delivered = false;
};

// First value of `name` (ASCII case-insensitive), or "".
std::string header_value(const header_pairs& headers, std::string_view name);

class http_transport {
 public:
  virtual ~http_transport() = default;
  // Must return by `until` (outcome::timed_out) and be safe from several threads.
  virtual http_response send(const http_request& request, deadline until) = 0;
};

}  // namespace tidnav::adapters::fhir
