// SPDX-License-Identifier: GPL-2.0-or-later
// A scriptable fake transport and fixture loading for the Cosmic tests.
#pragma once

#include "adapters/cosmic/cosmic_options.hpp"
#include "adapters/cosmic/http_transport.hpp"

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace tidnav::adapters::cosmic::test {

std::string fixture(const std::string& name);  // tests/fixtures/cosmic/<name>

// Answers the token endpoint itself; every other request goes to `route`.
class fake_transport final : public http_transport {
 public:
  using route_fn = std::function<http_response(const http_request&)>;
  explicit fake_transport(route_fn route) : route_(std::move(route)) {}

  http_response send(const http_request& request, deadline until) override;
  std::vector<http_request> requests() const;  // FHIR calls only, in order
  int token_calls() const;

 private:
  route_fn route_;
  mutable std::mutex mu_;
  std::vector<http_request> seen_;
  int tokens_ = 0;
};

http_response answer(int status, std::string body);
std::string header_of(const http_request& r, const std::string& name);
cosmic_options fake_options();

}  // namespace tidnav::adapters::cosmic::test
