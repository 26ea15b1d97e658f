// SPDX-License-Identifier: GPL-2.0-or-later
// What the Millennium and Cosmic mapping tests share without a network: a
// scriptable FHIR server behind the transport seam, canned answers, and the
// JSON fixtures under tests/fixtures/<system>/.
#pragma once

#include "adapters/fhir/http_transport.hpp"

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace tidnav::adapters::fhir::test {

// Answers the token endpoint itself (tokens "tok-1", "tok-2"... valid for
// `token_lifetime_s`, as the system's identity provider says); every other
// request goes to `route`. Both kinds are remembered in order.
class fake_fhir_transport : public http_transport {
 public:
  using route_fn = std::function<http_response(const http_request&)>;
  fake_fhir_transport(route_fn route, int token_lifetime_s);

  http_response send(const http_request& request, deadline until) override;
  std::vector<http_request> requests() const;  // FHIR calls only, in order
  std::vector<http_request> token_requests() const;
  int token_calls() const { return static_cast<int>(token_requests().size()); }

 private:
  route_fn route_;
  int token_lifetime_s_;
  mutable std::mutex mu_;
  std::vector<http_request> seen_;
  std::vector<http_request> tokens_;
};

std::string read_fixture(const std::string& system, const std::string& name);  // tests/fixtures/<system>/<name>
http_response answer(int status, std::string body, header_pairs headers = {});
// The value of the header spelled exactly `name` ("" if none): the tests check the spelling too.
std::string header_of(const http_request& r, const std::string& name);

}  // namespace tidnav::adapters::fhir::test
