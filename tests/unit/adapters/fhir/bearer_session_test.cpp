// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/bearer_session.hpp"
#include "adapters/fhir/encoding.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <mutex>

using namespace tidnav::adapters;
using namespace std::chrono_literals;

namespace {

// The token endpoint and the API behind one scripted transport.
class scripted final : public fhir::http_transport {
 public:
  std::function<int(const fhir::http_request&)> api_status = [](const fhir::http_request&) { return 200; };
  int token_status = 200;
  long lifetime = 570;
  std::vector<fhir::http_request> token_calls, api_calls;

  fhir::http_response send(const fhir::http_request& r, fhir::deadline) override {
    const std::lock_guard lock(mu_);
    fhir::http_response out;
    if (r.url.find("/token") != std::string::npos) {
      token_calls.push_back(r);
      out.status = token_status;
      out.body = R"({"access_token":"t)" + std::to_string(token_calls.size()) + R"(","expires_in":)" +
                 std::to_string(lifetime) + "}";
      return out;
    }
    api_calls.push_back(r);
    out.status = api_status(r);
    return out;
  }

 private:
  std::mutex mu_;
};

fhir::token_options options(fhir::token_options::client_auth auth) {
  fhir::token_options o;
  o.token_url = "https://idp.test/token";
  o.client_id = "id:1";
  o.client_secret = "s&s";
  o.scope = "system/Slot.read";
  o.auth = auth;
  o.url_keep = ":";
  return o;
}

booking_error unauthorized(const fhir::http_response&) { return booking_error::of(technical_code::unauthorized); }

fhir::http_request get() {
  fhir::http_request r;
  r.url = "https://api.test/fhir/Slot";
  r.headers = {{"Accept", "application/fhir+json"}};
  return r;
}

fhir::deadline soon() { return std::chrono::steady_clock::now() + 5s; }

}  // namespace

TEST_CASE("fhir bearer session: one token for many calls, sent first, with Basic or form credentials", "[fhir]") {
  scripted t;
  fhir::bearer_session basic(options(fhir::token_options::client_auth::basic), t, unauthorized);
  REQUIRE(basic.send(get(), soon()));
  REQUIRE(basic.send(get(), soon()));
  CHECK(t.token_calls.size() == 1);
  CHECK(t.token_calls[0].headers[0].second == "Basic " + fhir::base64("id:1:s&s"));
  CHECK(t.token_calls[0].body == "grant_type=client_credentials&scope=system%2FSlot.read");
  CHECK(t.api_calls[1].headers[0] == std::pair<std::string, std::string>{"Authorization", "Bearer t1"});
  CHECK(t.api_calls[1].headers[1].first == "Accept");

  scripted f;
  fhir::bearer_session form(options(fhir::token_options::client_auth::form), f, unauthorized);
  REQUIRE(form.send(get(), soon()));
  CHECK(f.token_calls[0].body ==
        "grant_type=client_credentials&client_id=id:1&client_secret=s%26s&scope=system%2FSlot.read");
  CHECK(fhir::header_value(f.token_calls[0].headers, "authorization").empty());
}

TEST_CASE("fhir bearer session: a 401 renews the token once; a token inside the margin is renewed early", "[fhir]") {
  scripted t;
  int refusals = 1;
  t.api_status = [&](const fhir::http_request&) { return refusals-- > 0 ? 401 : 200; };
  fhir::bearer_session s(options(fhir::token_options::client_auth::basic), t, unauthorized);
  auto r = s.send(get(), soon());
  REQUIRE(r);
  CHECK(r.value().status == 200);
  CHECK(t.token_calls.size() == 2);
  CHECK(t.api_calls.back().headers[0].second == "Bearer t2");

  refusals = 5;  // refused whatever the token: answered 401 after one renewal, no loop
  r = s.send(get(), soon());
  REQUIRE(r);
  CHECK(r.value().status == 401);
  CHECK(t.token_calls.size() == 3);

  scripted brief;
  brief.lifetime = 30;  // inside the 60 s margin: never reused
  fhir::bearer_session b(options(fhir::token_options::client_auth::basic), brief, unauthorized);
  REQUIRE(b.send(get(), soon()));
  REQUIRE(b.send(get(), soon()));
  CHECK(brief.token_calls.size() == 2);
}

TEST_CASE("fhir bearer session: token endpoint refusals and passed deadlines are errors, not calls", "[fhir]") {
  scripted t;
  t.token_status = 401;
  fhir::bearer_session s(options(fhir::token_options::client_auth::basic), t, unauthorized);
  auto r = s.send(get(), soon());
  REQUIRE_FALSE(r);
  CHECK(r.error().technical == technical_code::unauthorized);
  CHECK(t.api_calls.empty());
  r = s.send(get(), std::chrono::steady_clock::now() - 1ms);
  REQUIRE_FALSE(r);
  CHECK(r.error().technical == technical_code::timeout);
}
