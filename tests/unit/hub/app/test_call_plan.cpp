// SPDX-License-Identifier: GPL-2.0-or-later
// The per-call pipeline without sockets: every fault the pipeline itself can
// raise, the precedence between them, and what a forwarded call carries.
#include <catch2/catch.hpp>

#include "hub/app/call_plan.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "tests/unit/hub/app/app_world.hpp"

using namespace tidnav;
using tidnav::core::vp_code;

namespace {

core::instant now() { return core::to_instant(std::chrono::system_clock::now()); }

const std::string* header(const net::header_list& h, std::string_view name) { return net::find_header(h, name); }

struct fault_case {
  const char* name;
  net::request_context req;
  vp_code expected;
};

}  // namespace

TEST_CASE("plan_call answers each routing and identity fault with the platform's code", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml("original_consumer: { allowed_senders: [SE-TRUSTED], reject: true }\n"),
                             test::standard_tak());

  auto with_header = [](net::request_context r, std::string name, std::string value) {
    r.headers.push_back({std::move(name), std::move(value)});
    return r;
  };
  std::vector<fault_case> cases;
  cases.push_back({"certificate without SERIALNUMBER", test::tls_request(test::envelope21("SE-UNIT1"), "CN=no serial,O=Test"), vp_code::vp002});
  cases.push_back({"no logical address", test::tls_request(test::envelope21("")), vp_code::vp003});
  cases.push_back({"unknown address", test::tls_request(test::envelope21("SE-NOWHERE")), vp_code::vp004});
  cases.push_back({"two routes", test::tls_request(test::envelope21("SE-DUP")), vp_code::vp006});
  cases.push_back({"not authorised", test::tls_request(test::envelope21("SE-NOAUTH")), vp_code::vp007});
  cases.push_back({"blank producer URL", test::tls_request(test::envelope21("SE-BLANK")), vp_code::vp010});
  cases.push_back({"unsupported RIV profile", test::tls_request(test::envelope21("SE-RIV3")), vp_code::vp005});
  cases.push_back({"plain listener, caller not allow-listed", test::plain_request(test::envelope21("SE-UNIT1"), "192.0.2.1"), vp_code::vp011});
  cases.push_back({"plain listener, no forwarded certificate", test::plain_request(test::envelope21("SE-UNIT1")), vp_code::vp002});
  cases.push_back({"original consumer from a sender not on the list",
                   with_header(test::tls_request(test::envelope21("SE-UNIT1")), "x-rivta-original-serviceconsumer-hsaid", "SE-OTHER"),
                   vp_code::vp013});
  cases.push_back({"routing loop", with_header(test::tls_request(test::envelope21("SE-UNIT1")), "x-rivta-routing-history", "SE-X#hub-b#hub-a"),
                   vp_code::vp014});
  cases.push_back({"not XML", test::tls_request("this is not xml"), vp_code::vp015});
  cases.push_back({"DOCTYPE", test::tls_request("<!DOCTYPE x [<!ENTITY a 'b'>]>" + test::envelope21("SE-UNIT1")), vp_code::vp015});

  for (auto& c : cases) {
    SECTION(c.name) {
      app::call_facts facts;
      auto plan = app::plan_call(*rt, c.req, now(), facts);
      REQUIRE_FALSE(plan);
      CHECK(core::info(plan.error().code).name == core::info(c.expected).name);
      CHECK_FALSE(facts.correlation_id.empty());
    }
  }
}

TEST_CASE("an unreadable request from an unlisted plain caller is VP011, not VP015", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml(), test::standard_tak());
  auto req = test::plain_request("garbage", "198.51.100.7");
  app::call_facts f;
  auto plan = app::plan_call(*rt, req, now(), f);
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code == vp_code::vp011);
}

TEST_CASE("a routed 2.1 call keeps its bytes and gets the platform's headers", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml(), test::standard_tak());
  const std::string body = test::envelope21("SE-UNIT1");
  auto req = test::tls_request(body);
  req.headers.push_back({"x-skltp-correlation-id", "corr-123"});
  req.headers.push_back({"x-vp-sender-id", "SE-SPOOFED"});
  req.headers.push_back({"X-Forwarded-For", "10.0.0.1"});
  req.headers.push_back({"MyRandomHeader", "kept"});
  req.headers.push_back({"accept-encoding", "gzip"});
  app::call_facts f;
  auto plan = app::plan_call(*rt, req, now(), f);
  REQUIRE(plan);
  CHECK(plan->body == body);  // byte-for-byte: same profile
  CHECK(plan->url == "https://producer-a.test/crm");
  CHECK_FALSE(plan->http_producer);
  CHECK(f.correlation_id == "corr-123");
  CHECK(f.sender == test::consumer);
  const auto& h = plan->headers;
  REQUIRE(header(h, "x-rivta-original-serviceconsumer-hsaid"));
  CHECK(*header(h, "x-rivta-original-serviceconsumer-hsaid") == test::consumer);
  CHECK(header(h, "x-skltp-correlation-id") == nullptr);  // https producer, propagation off
  CHECK(header(h, "x-vp-sender-id") == nullptr);          // never toward https
  CHECK(header(h, "x-vp-instance-id") == nullptr);
  CHECK(header(h, "X-Forwarded-For") == nullptr);
  CHECK(header(h, "accept-encoding") == nullptr);
  REQUIRE(header(h, "MyRandomHeader"));
  REQUIRE(header(h, "SOAPAction"));
  CHECK(*header(h, "Content-Type") == "text/xml;charset=UTF-8");
  REQUIRE(header(h, "x-rivta-routing-history"));
  CHECK(*header(h, "x-rivta-routing-history") == std::string(test::consumer) + "#hub-a");
  CHECK(plan->timeout == std::chrono::milliseconds(29'000));
}

TEST_CASE("a 2.1 call to a 2.0 producer over http is rewritten and carries the internal headers", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml(), test::standard_tak());
  auto req = test::tls_request(test::envelope21("SE-UNIT2"));
  req.headers.push_back({"x-rivta-original-serviceconsumer-hsaid", "SE-ORIGINAL"});
  app::call_facts f;
  auto plan = app::plan_call(*rt, req, now(), f);
  REQUIRE(plan);
  CHECK(plan->http_producer);
  auto sniffed = core::sniff_envelope(plan->body);
  REQUIRE(sniffed);
  CHECK(sniffed->profile == core::riv_profile::rivtabp20);
  CHECK(sniffed->logical_address == std::optional<std::string>("SE-UNIT2"));
  CHECK(*header(plan->headers, "x-vp-sender-id") == test::consumer);
  CHECK(*header(plan->headers, "x-vp-instance-id") == "hub-a");
  CHECK(header(plan->headers, "x-skltp-correlation-id") != nullptr);
  CHECK(*header(plan->headers, "x-rivta-original-serviceconsumer-hsaid") == "SE-ORIGINAL");
}

TEST_CASE("a 2.0 call to a 2.1 producer is rewritten", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml(), test::standard_tak());
  auto req = test::tls_request(test::envelope20("SE-UNIT1"));
  app::call_facts f;
  auto plan = app::plan_call(*rt, req, now(), f);
  REQUIRE(plan);
  auto sniffed = core::sniff_envelope(plan->body);
  REQUIRE(sniffed);
  CHECK(sniffed->profile == core::riv_profile::rivtabp21);
  CHECK(f.profile_in == core::riv_profile::rivtabp20);
  CHECK(f.profile_out == core::riv_profile::rivtabp21);
}

TEST_CASE("internal callers on the plain listener are trusted only with our instance id", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml(), test::standard_tak());
  SECTION("matching instance id: x-vp-sender-id is the consumer, no routing history is added") {
    auto req = test::plain_request(test::envelope21("SE-UNIT1"));
    req.headers.push_back({"x-vp-sender-id", test::consumer});
    req.headers.push_back({"x-vp-instance-id", "hub-a"});
    app::call_facts f;
    auto plan = app::plan_call(*rt, req, now(), f);
    REQUIRE(plan);
    CHECK(f.internal_call);
    CHECK(f.sender == test::consumer);
    CHECK(header(plan->headers, "x-rivta-routing-history") == nullptr);
  }
  SECTION("another instance id: the header is ignored and a certificate is required") {
    auto req = test::plain_request(test::envelope21("SE-UNIT1"));
    req.headers.push_back({"x-vp-sender-id", test::consumer});
    req.headers.push_back({"x-vp-instance-id", "someone-else"});
    app::call_facts f;
    auto plan = app::plan_call(*rt, req, now(), f);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code == vp_code::vp002);
  }
  SECTION("x-vp-sender-id on the TLS listener is never trusted") {
    auto req = test::tls_request(test::envelope21("SE-NOAUTH"));
    req.headers.push_back({"x-vp-sender-id", "SE-ADMIN"});
    req.headers.push_back({"x-vp-instance-id", "hub-a"});
    app::call_facts f;
    auto plan = app::plan_call(*rt, req, now(), f);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code == vp_code::vp007);
    CHECK(f.sender == test::consumer);
  }
  SECTION("an internal call relayed from a host not on the list is VP011") {
    auto req = test::plain_request(test::envelope21("SE-UNIT1"));
    req.headers.push_back({"x-vp-sender-id", test::consumer});
    req.headers.push_back({"x-vp-instance-id", "hub-a"});
    req.headers.push_back({"X-Forwarded-For", "203.0.113.9, 127.0.0.1"});
    app::call_facts f;
    auto plan = app::plan_call(*rt, req, now(), f);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code == vp_code::vp011);
  }
}

TEST_CASE("original-consumer header from a sender off the list is a warning unless reject is set", "[app][plan]") {
  auto rt = test::load_world(test::standard_yaml("original_consumer: { allowed_senders: [SE-TRUSTED] }\n"),
                             test::standard_tak());
  auto req = test::tls_request(test::envelope21("SE-UNIT1"));
  req.headers.push_back({"x-rivta-original-serviceconsumer-hsaid", "SE-OTHER"});
  app::call_facts f;
  auto plan = app::plan_call(*rt, req, now(), f);
  REQUIRE(plan);
  CHECK(f.warnings.size() == 1);
  CHECK(f.original_consumer == "SE-OTHER");
}

TEST_CASE("correlation ids are reused when given and unique otherwise", "[app][plan]") {
  net::header_list given{{"X-SKLTP-Correlation-Id", " abc "}};
  CHECK(app::correlation_id_of(given) == "abc");
  const std::string a = app::correlation_id_of({}), b = app::correlation_id_of({});
  CHECK(a.size() == 36);
  CHECK(a[14] == '4');
  CHECK(a != b);
}
