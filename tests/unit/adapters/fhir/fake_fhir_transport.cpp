// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/unit/adapters/fhir/fake_fhir_transport.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tidnav::adapters::fhir::test {

fake_fhir_transport::fake_fhir_transport(route_fn route, int token_lifetime_s)
    : route_(std::move(route)), token_lifetime_s_(token_lifetime_s) {}

http_response fake_fhir_transport::send(const http_request& request, deadline) {
  if (request.url.find("/token") != std::string::npos) {
    const std::lock_guard lock(mu_);
    tokens_.push_back(request);
    return answer(200, R"({"access_token":"tok-)" + std::to_string(tokens_.size()) + R"(","expires_in":)" +
                           std::to_string(token_lifetime_s_) + "}");
  }
  {
    const std::lock_guard lock(mu_);
    seen_.push_back(request);
  }
  return route_(request);
}

std::vector<http_request> fake_fhir_transport::requests() const {
  const std::lock_guard lock(mu_);
  return seen_;
}

std::vector<http_request> fake_fhir_transport::token_requests() const {
  const std::lock_guard lock(mu_);
  return tokens_;
}

std::string read_fixture(const std::string& system, const std::string& name) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/" + system + "/" + name);
  if (!in) throw std::runtime_error("missing fixture " + system + "/" + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

http_response answer(int status, std::string body, header_pairs headers) {
  http_response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

std::string header_of(const http_request& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

}  // namespace tidnav::adapters::fhir::test
