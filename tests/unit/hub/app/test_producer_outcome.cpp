// SPDX-License-Identifier: GPL-2.0-or-later
// What the consumer gets for each producer outcome (vp-routing.md §2.4, §2.7).
#include <catch2/catch.hpp>

#include "hub/app/producer_outcome.hpp"
#include "hub/net/client_error.hpp"
#include "tests/unit/hub/app/app_world.hpp"

using namespace tidnav;

namespace {

const char* soap_fault_body =
    R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>producer says no</faultstring></soap:Fault></soap:Body></soap:Envelope>)";

net::client_result answered(unsigned status, std::string body, net::header_list headers = {}) {
  net::client_result r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  r.attempts = 1;
  r.elapsed = std::chrono::microseconds(4'200);
  return r;
}

net::client_result failed(net::client_errc e, bool sent) {
  net::client_result r;
  r.error = e;
  r.detail = "Connection refused";
  r.request_bytes_sent = sent;
  return r;
}

const std::string* header(const net::response& r, std::string_view n) { return net::find_header(r.headers, n); }

}  // namespace

TEST_CASE("producer outcomes map to relay or VP009", "[app][outcome]") {
  auto rt = test::load_world(test::standard_yaml(), test::standard_tak());
  const std::string url = "https://producer-a.test/crm";

  SECTION("200 with a body passes through with forced Content-Type and the platform's headers") {
    auto a = app::answer_from_producer(*rt, url,
                                       answered(200, "<ok/>", {{"Content-Type", "text/plain;charset=UTF-8"},
                                                               {"MyRandomHeader", "x"},
                                                               {"SOAPAction", "leak"},
                                                               {"Content-Length", "5"}}),
                                       "corr-1");
    CHECK(a.outcome == app::call_outcome::ok);
    CHECK(a.response.status == 200);
    CHECK(a.response.body == "<ok/>");
    CHECK(*header(a.response, "Content-Type") == "text/xml; charset=UTF-8");
    CHECK(*header(a.response, "x-skltp-correlation-id") == "corr-1");
    CHECK(*header(a.response, "x-skltp-prt") == "4");
    CHECK(header(a.response, "MyRandomHeader") != nullptr);
    CHECK(header(a.response, "SOAPAction") == nullptr);
    CHECK(header(a.response, "Content-Length") == nullptr);  // framing is the session's
  }
  SECTION("a SOAP fault with 500 is relayed unchanged") {
    auto a = app::answer_from_producer(*rt, url, answered(500, soap_fault_body), "c");
    CHECK(a.outcome == app::call_outcome::producer_fault);
    CHECK(a.response.status == 500);
    CHECK(a.response.body == soap_fault_body);
  }
  SECTION("a SOAP fault with 200 passes as 200") {
    auto a = app::answer_from_producer(*rt, url, answered(200, soap_fault_body), "c");
    CHECK(a.outcome == app::call_outcome::ok);
    CHECK(a.response.status == 200);
  }
  SECTION("500 without a SOAP envelope is VP009 with the status") {
    auto a = app::answer_from_producer(*rt, url, answered(500, "<html>oops</html>"), "c");
    CHECK(a.outcome == app::call_outcome::vp_fault);
    CHECK(a.code == core::vp_code::vp009);
    CHECK(a.response.body.find("VP_PRODUCER_EXCEPTION_HTTP_STATUS=500") != std::string::npos);
    CHECK(a.response.body.find("VP009 [tidnav test]") != std::string::npos);
  }
  SECTION("404 is VP009") {
    auto a = app::answer_from_producer(*rt, url, answered(404, "not here"), "c");
    CHECK(a.code == core::vp_code::vp009);
    CHECK(a.response.status == 500);
  }
  SECTION("an empty body is VP009 whatever the status") {
    for (unsigned s : {200u, 202u, 500u}) {
      auto a = app::answer_from_producer(*rt, url, answered(s, ""), "c");
      CHECK(a.outcome == app::call_outcome::vp_fault);
      CHECK(a.code == core::vp_code::vp009);
    }
  }
  SECTION("transport failures are VP009 naming the producer, with only Content-Type and correlation id") {
    for (auto e : {net::client_errc::connect_failed, net::client_errc::tls_failed, net::client_errc::read_failed,
                   net::client_errc::timeout, net::client_errc::bad_response}) {
      auto a = app::answer_from_producer(*rt, url, failed(e, e != net::client_errc::connect_failed), "corr-9");
      CHECK(a.code == core::vp_code::vp009);
      CHECK(a.response.status == 500);
      CHECK(a.response.body.find(url) != std::string::npos);
      CHECK(a.response.headers.size() == 2);
      CHECK(*header(a.response, "x-skltp-correlation-id") == "corr-9");
    }
    auto t = app::answer_from_producer(*rt, url, failed(net::client_errc::timeout, true), "c");
    CHECK(t.response.body.find("Timeout when waiting on response from producer.") != std::string::npos);
  }
}
