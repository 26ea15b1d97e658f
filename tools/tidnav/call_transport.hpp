// SPDX-License-Identifier: GPL-2.0-or-later
// One SOAP POST over (mutual) TLS for the command-line consumer.
#pragma once

#include <string>

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

}  // namespace tidnav::cli
