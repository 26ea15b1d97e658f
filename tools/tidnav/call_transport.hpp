// SPDX-License-Identifier: GPL-2.0-or-later
// SOAP POSTs over (mutual) TLS for the command-line consumer: one call, or
// many to the same URL at once (tidnav call --expand).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tidnav::cli {

struct call_tls {
  std::string cert, key, ca;
  bool insecure = false;
};

struct call_result {
  unsigned status = 0;
  std::string body;
  std::string error;  // transport failure; empty when an HTTP answer came back
};

call_result send_soap(const std::string& url, const call_tls& tls, const std::string& soap_action,
                      const std::string& envelope, double timeout_seconds);

struct soap_call {
  std::string soap_action;  // quoted, as sent
  std::string envelope;
};

/// Sends every call to `url`, at most `max_in_flight` at a time over pooled
/// keep-alive connections, each with its own timeout. Results are in the
/// order of `calls`; a call that fails says so in its `error`.
std::vector<call_result> send_soap_parallel(const std::string& url, const call_tls& tls,
                                            const std::vector<soap_call>& calls, double timeout_seconds,
                                            std::size_t max_in_flight = 8);

}  // namespace tidnav::cli
