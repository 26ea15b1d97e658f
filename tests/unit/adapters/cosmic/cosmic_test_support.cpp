// SPDX-License-Identifier: GPL-2.0-or-later
#include "cosmic_test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tidnav::adapters::cosmic::test {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/cosmic/" + name);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

http_response fake_transport::send(const http_request& request, deadline) {
  if (request.url.find("/token") != std::string::npos) {
    const std::lock_guard lock(mu_);
    ++tokens_;
    return answer(200, R"({"access_token":"tok-)" + std::to_string(tokens_) + R"(","expires_in":3600})");
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

int fake_transport::token_calls() const {
  const std::lock_guard lock(mu_);
  return tokens_;
}

http_response answer(int status, std::string body) {
  http_response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

std::string header_of(const http_request& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

cosmic_options fake_options() {
  cosmic_options o;
  o.base_url = "https://cos.test/fhir";
  o.token_url = "https://idp.test/token";
  o.client_id = "id";
  o.client_secret = "secret";
  o.subscription_key = "key-1";
  return o;
}

}  // namespace tidnav::adapters::cosmic::test
