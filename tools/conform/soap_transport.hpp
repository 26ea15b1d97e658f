// SPDX-License-Identifier: GPL-2.0-or-later
// How the kit reaches a producer: one SOAP POST at a time. The HTTPS one keeps
// a keep-alive connection open for the whole run (mutual TLS, hub/net client);
// tests may put anything else behind the interface.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace tidnav::conform {

struct http_answer {
  unsigned status = 0;
  std::string body;
  std::string error;  // no HTTP answer came back: why (then status is 0)
};

class soap_transport {
 public:
  virtual ~soap_transport() = default;
  // `soap_action` unquoted; the transport quotes it as SOAP 1.1 wants.
  virtual http_answer post(const std::string& soap_action, const std::string& envelope) = 0;
};

struct tls_files {
  std::string cert, key, ca;
  bool insecure = false;  // do not verify the producer's certificate
};

// Throws std::runtime_error (with OpenSSL's reason) when the files cannot be used.
std::unique_ptr<soap_transport> make_https_transport(const std::string& url, const tls_files& tls,
                                                     std::chrono::milliseconds timeout);

}  // namespace tidnav::conform
