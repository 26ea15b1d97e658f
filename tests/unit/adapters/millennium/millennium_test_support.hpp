// SPDX-License-Identifier: GPL-2.0-or-later
// A scriptable fake transport, fixture loading and a configured tenant for the Millennium tests.
#pragma once

#include "adapters/millennium/http_transport.hpp"
#include "adapters/millennium/millennium_options.hpp"

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace tidnav::adapters::millennium::test {

std::string fixture(const std::string& name);  // tests/fixtures/millennium/<name>

// Answers the token endpoint itself; every other request goes to `route`.
class fake_transport final : public http_transport {
 public:
  using route_fn = std::function<http_response(const http_request&)>;
  explicit fake_transport(route_fn route) : route_(std::move(route)) {}

  http_response send(const http_request& request, deadline until) override;
  std::vector<http_request> requests() const;  // FHIR calls only, in order
  std::vector<http_request> token_requests() const;

 private:
  route_fn route_;
  mutable std::mutex mu_;
  std::vector<http_request> seen_;
  std::vector<http_request> tokens_;
};

http_response answer(int status, std::string body, header_pairs headers = {});
std::string header_of(const http_request& r, const std::string& name);
// The tenant the seed and the fixtures describe: LOC-ASA with two appointment types, two practitioners.
millennium_options tenant_options(const std::string& base_url = "https://mil.test/r4/t1",
                                  const std::string& token_url = "https://mil.test/token");

inline const std::string code_set = "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249";
inline const std::string doctor_hsa = "SE2321000016-DOC1";

}  // namespace tidnav::adapters::millennium::test
