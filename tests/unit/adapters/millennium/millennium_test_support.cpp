// SPDX-License-Identifier: GPL-2.0-or-later
#include "millennium_test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tidnav::adapters::millennium::test {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/millennium/" + name);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

http_response fake_transport::send(const http_request& request, deadline) {
  if (request.url.find("/token") != std::string::npos) {
    const std::lock_guard lock(mu_);
    tokens_.push_back(request);
    return answer(200, R"({"access_token":"tok-)" + std::to_string(tokens_.size()) + R"(","expires_in":570})");
  }
  {
    const std::lock_guard lock(mu_);
    seen_.push_back(request);
  }
  return route_(request);
}

std::vector<http_request> fake_transport::requests() const {
  const std::lock_guard lock(mu_);
  return seen_;
}

std::vector<http_request> fake_transport::token_requests() const {
  const std::lock_guard lock(mu_);
  return tokens_;
}

http_response answer(int status, std::string body, header_pairs headers) {
  http_response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

std::string header_of(const http_request& r, const std::string& name) { return header_value(r.headers, name); }

millennium_options tenant_options(const std::string& base_url, const std::string& token_url) {
  millennium_options o;
  o.base_url = base_url;
  o.token_url = token_url;
  o.client_id = "tidnav-test";
  o.client_secret = "sim-secret";
  o.page_size = 4;  // small pages so the tests page
  o.locations = {{"LOC-ASA",
                  {{"2572307", code_set, "Läkarbesök 30 min", true, true},
                   {"2572311", code_set, "Sjuksköterskebesök 20 min", true, true}}}};
  o.practitioners = {{doctor_hsa, "PR-1", "Doris", "Doktorsson", "Läkare"},
                     {"SE2321000016-DOC2", "PR-2", "Dan", "Doktorsson", "Läkare"}};
  return o;
}

}  // namespace tidnav::adapters::millennium::test
