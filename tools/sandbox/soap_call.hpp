// SPDX-License-Identifier: GPL-2.0-or-later
// Contract calls for the sandbox, as a consumer with its own client
// certificate: requests are built the way `tidnav call` builds them (loose
// field paths → the generated gSOAP reader and writer), answers are read back
// through the generated deserialiser (so a reply that is not a valid contract
// message is an error, never half-read), then values are picked out by name.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contracts/codec_types.hpp"

namespace tidnav::net {
class http_client;
}

namespace tidnav::sandbox {

struct request_spec {
  contracts::family fam = contracts::family::sched2;
  std::string operation;        // "GetAppointments"
  std::string logical_address;  // LogicalAddress header (wsa:To for crm 1.0)
  std::optional<contracts::actor_header> actor;  // crm 1.1
  std::vector<std::pair<std::string, std::string>> fields;  // loose paths, as `tidnav call --field`
};

// The envelope and SOAPAction for `spec`. Throws std::runtime_error with the reason.
struct built_request {
  std::string envelope;
  std::string soap_action;  // quoted, as sent
};
built_request build_request(const request_spec& spec);

struct call_reply {
  std::string transport_error;  // no HTTP answer (refused, TLS, timeout)
  unsigned http_status = 0;
  std::string body;
  std::string fault_code, fault_string;  // a SOAP fault
  std::string invalid;          // the answer is not a valid message of the contract
  bool ok() const { return transport_error.empty() && fault_string.empty() && invalid.empty() && http_status == 200; }
  std::string problem() const;  // one line for a failed call
};

// Text of every element with this local name, in document order.
std::vector<std::string> values_of(std::string_view xml, std::string_view local_name);
// The first one, or "".
std::string value_of(std::string_view xml, std::string_view local_name);

// One XML element per match, as text, for reading items of a list: every
// element with local name `item`, serialised.
std::vector<std::string> elements_of(std::string_view xml, std::string_view item);

class consumer {
 public:
  consumer(std::string url, const std::filesystem::path& ca, const std::filesystem::path& cert,
           const std::filesystem::path& key, double timeout_seconds = 10);
  ~consumer();
  consumer(const consumer&) = delete;
  consumer& operator=(const consumer&) = delete;

  call_reply call(const request_spec& spec);
  call_reply send(const built_request& request, std::optional<contracts::family> fam, std::string_view operation);
  const std::string& url() const { return url_; }

 private:
  std::string url_;
  double timeout_;
  std::unique_ptr<net::http_client> client_;
};

}  // namespace tidnav::sandbox
