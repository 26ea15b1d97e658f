// SPDX-License-Identifier: GPL-2.0-or-later
// The one seam between the bridge and the network: a blocking HTTP call with a
// deadline. The bridge builds SOAP envelopes and reads answers; a transport only
// moves bytes, so the whole mediation runs against a fake in unit tests
// (tidnav_bridge_net has the real one, over hub/net). Same shape as the seams of
// adapters/cosmic and adapters/millennium; kept here because those folders are
// being refactored while this one is written (see README.md).
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace tidnav::adapters::bridge {

using deadline = std::chrono::steady_clock::time_point;
using header_pairs = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string url;  // absolute: https://host:port/path
  header_pairs headers;
  std::string body;  // always POSTed
};

struct http_response {
  enum class outcome { answered, timed_out, unreachable };
  outcome what = outcome::answered;
  int status = 0;  // when answered
  std::string body;
  std::string detail;  // why not answered, for logs
  // The request may have reached the producer although no answer came: a
  // write must then not be blindly repeated.
  bool maybe_delivered = false;
};

class http_transport {
 public:
  virtual ~http_transport() = default;
  // Must return by `until` (outcome::timed_out) and be safe from several threads.
  virtual http_response post(const http_request& request, deadline until) = 0;
};

}  // namespace tidnav::adapters::bridge
