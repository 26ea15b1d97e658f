// SPDX-License-Identifier: GPL-2.0-or-later
// Routed calls through the real hub over mutual TLS: both RIV profiles and the
// rewrite between them, the platform's headers, and every VP fault a consumer
// can provoke over the wire.
#include <catch2/catch.hpp>

#include <fstream>

#include "hub/core/envelope_sniffer.hpp"
#include "tests/integration/hub_world.hpp"
#include "tools/pki/pki.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

const std::string* header(const net::header_list& h, std::string_view n) { return net::find_header(h, n); }

struct routing_fixture {
  recording_producer tls_producer{true, answer_ok("tls")};
  recording_producer http_producer{false, answer_ok("http")};
  hub_world world{{tak_file(tak_route("r1", "SE-UNIT21", tls_producer.url()) +
                            tak_route("r2", "SE-UNIT20", http_producer.url(), "RIVTABP20") +
                            tak_route("r3", "SE-NOAUTH", tls_producer.url()) +
                            tak_route("r4", "SE-DUP", tls_producer.url()) + tak_route("r5", "SE-DUP", http_producer.url()) +
                            tak_route("r6", "SE-BLANK", "") + tak_route("r7", "SE-RIV3", tls_producer.url(), "RIVTABP30") +
                            tak_permission("p1", "SE-UNIT21") + tak_permission("p2", "SE-UNIT20") +
                            tak_permission("p3", "SE-DUP") + tak_permission("p4", "SE-BLANK") +
                            tak_permission("p5", "SE-RIV3")),
                   "original_consumer: { allowed_senders: [SE-TRUSTED], reject: true }\n"}};
};

}  // namespace

TEST_CASE("hub: a 2.1 call to a 2.1 producer passes byte for byte with the platform's headers", "[integration][hub]") {
  routing_fixture f;
  const std::string body = envelope21("SE-UNIT21");
  auto r = f.world.call(body, {{"SOAPAction", "\"urn:x:GetSubjectOfCareSchedule\""},
                               {"x-skltp-correlation-id", "corr-int-1"},
                               {"x-vp-sender-id", "SE-SPOOF"}});
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body.find("from=\"tls\"") != std::string::npos);
  CHECK(*header(r.headers, "x-skltp-correlation-id") == "corr-int-1");
  REQUIRE(header(r.headers, "x-skltp-prt"));
  CHECK(*header(r.headers, "Content-Type") == "text/xml; charset=UTF-8");
  CHECK(*header(r.headers, "MyRandomHeader") == "from-tls");

  const auto seen = f.tls_producer.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].body == body);
  CHECK(seen[0].target == "/producer");
  // The hub presents its own client certificate to the producer.
  CHECK(seen[0].peer.serial_numbers == std::vector<std::string>{test_consumer_hsa_id});
  CHECK(*header(seen[0].headers, "x-rivta-original-serviceconsumer-hsaid") == test_consumer_hsa_id);
  CHECK(header(seen[0].headers, "x-vp-sender-id") == nullptr);
  CHECK(header(seen[0].headers, "x-skltp-correlation-id") == nullptr);
  CHECK(*header(seen[0].headers, "SOAPAction") == "\"urn:x:GetSubjectOfCareSchedule\"");
  CHECK(*header(seen[0].headers, "Content-Type") == "text/xml;charset=UTF-8");
}

TEST_CASE("hub: a 2.1 call to a 2.0 http producer is rewritten and carries the internal headers", "[integration][hub]") {
  routing_fixture f;
  auto r = f.world.call(envelope21("SE-UNIT20"));
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  const auto seen = f.http_producer.requests();
  REQUIRE(seen.size() == 1);
  auto sniffed = core::sniff_envelope(seen[0].body);
  REQUIRE(sniffed);
  CHECK(sniffed->profile == core::riv_profile::rivtabp20);
  CHECK(sniffed->logical_address == std::optional<std::string>("SE-UNIT20"));
  CHECK(*header(seen[0].headers, "x-vp-sender-id") == test_consumer_hsa_id);
  CHECK(*header(seen[0].headers, "x-vp-instance-id") == "hub-a");
  CHECK(header(seen[0].headers, "x-skltp-correlation-id") != nullptr);
  CHECK(*header(seen[0].headers, "x-rivta-routing-history") == std::string(test_consumer_hsa_id) + "#hub-a");
}

TEST_CASE("hub: a 2.0 call to a 2.1 producer is rewritten", "[integration][hub]") {
  routing_fixture f;
  auto r = f.world.call(envelope20("SE-UNIT21"));
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  const auto seen = f.tls_producer.requests();
  REQUIRE(seen.size() == 1);
  auto sniffed = core::sniff_envelope(seen[0].body);
  REQUIRE(sniffed);
  CHECK(sniffed->profile == core::riv_profile::rivtabp21);
}

TEST_CASE("hub: every VP fault a consumer can provoke comes back as the platform sends it", "[integration][hub]") {
  routing_fixture f;
  struct fault_case {
    const char* name;
    std::string body;
    net::header_list headers;
    const char* code;
  };
  const std::vector<fault_case> cases{
      {"VP003 no logical address", envelope21(""), {}, "VP003"},
      {"VP004 unknown address", envelope21("SE-NOWHERE"), {}, "VP004"},
      {"VP005 unsupported profile", envelope21("SE-RIV3"), {}, "VP005"},
      {"VP006 two routes", envelope21("SE-DUP"), {}, "VP006"},
      {"VP007 not authorised", envelope21("SE-NOAUTH"), {}, "VP007"},
      {"VP010 blank producer address", envelope21("SE-BLANK"), {}, "VP010"},
      {"VP013 original consumer not allowed", envelope21("SE-UNIT21"),
       {{"x-rivta-original-serviceconsumer-hsaid", "SE-SOMEONE"}}, "VP013"},
      {"VP014 routing loop", envelope21("SE-UNIT21"), {{"x-rivta-routing-history", "SE-X#hub-a"}}, "VP014"},
      {"VP015 not XML", "<<<", {}, "VP015"},
      {"VP015 DOCTYPE", "<!DOCTYPE a [<!ENTITY x 'y'>]>" + envelope21("SE-UNIT21"), {}, "VP015"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto r = f.world.call(c.body, c.headers);
      REQUIRE(r.ok());
      CHECK(r.status == 500);
      CHECK(vp_code_of(r.body) == c.code);
      CHECK(r.body.find("[tidnav test]") != std::string::npos);
      CHECK(r.body.find("<detail><detailString>") != std::string::npos);
      CHECK(*header(r.headers, "Content-Type") == "text/xml; charset=UTF-8");
      CHECK(header(r.headers, "x-skltp-correlation-id") != nullptr);
    }
  }
  CHECK(f.tls_producer.count() == 0);
  CHECK(f.http_producer.count() == 0);
}

TEST_CASE("hub: a certificate without SERIALNUMBER is VP002", "[integration][hub]") {
  routing_fixture f;
  const auto& pki = shared_test_pki();
  pki::issue_options o;  // no hsa_id
  auto cert = pki::issue(f.world.dir(), pki.ca, pki::cert_kind::client, "no serial", o);
  auto r = f.world.call(envelope21("SE-UNIT21"), {}, client_ctx(&cert));
  REQUIRE(r.ok());
  CHECK(r.status == 500);
  CHECK(vp_code_of(r.body) == "VP002");
}

TEST_CASE("hub: the plain listener takes the consumer certificate from the proxy header", "[integration][hub]") {
  routing_fixture f;
  std::ifstream in(shared_test_pki().client.cert_file);
  std::string pem((std::istreambuf_iterator<char>(in)), {});
  // Header values are one line: Traefik sends the bare base64 DER, nginx the URL-encoded PEM.
  std::string base64;
  for (std::size_t p = pem.find('\n') + 1; p < pem.size(); ++p) {
    if (pem[p] == '-') break;
    if (pem[p] != '\n') base64 += pem[p];
  }
  std::string escaped;
  for (char c : pem) escaped += c == '\n' ? "%0A" : c == ' ' ? "%20" : std::string(1, c);
  SECTION("base64 DER in x-vp-auth-cert (Traefik)") {
    auto r = f.world.call_plain(envelope21("SE-UNIT21"), {{"x-vp-auth-cert", base64}});
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    const auto seen = f.tls_producer.requests();
    REQUIRE(seen.size() == 1);
    CHECK(header(seen[0].headers, "x-vp-auth-cert") == nullptr);
  }
  SECTION("URL-encoded PEM in x-vp-auth-cert (nginx)") {
    auto r = f.world.call_plain(envelope21("SE-UNIT21"), {{"x-vp-auth-cert", escaped}});
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    const auto seen = f.tls_producer.requests();
    REQUIRE(seen.size() == 1);
    CHECK(header(seen[0].headers, "x-vp-auth-cert") == nullptr);
  }
  SECTION("no certificate header: VP002") {
    auto r = f.world.call_plain(envelope21("SE-UNIT21"));
    REQUIRE(r.ok());
    CHECK(vp_code_of(r.body) == "VP002");
  }
  SECTION("trusted internal call with our instance id") {
    auto r = f.world.call_plain(envelope21("SE-UNIT21"),
                                {{"x-vp-sender-id", test_consumer_hsa_id}, {"x-vp-instance-id", "hub-a"}});
    REQUIRE(r.ok());
    CHECK(r.status == 200);
  }
}

TEST_CASE("hub: the plain listener refuses callers outside the allow-list with VP011", "[integration][hub]") {
  recording_producer p{true};
  hub_world_options o;
  o.tak = tak_file(tak_route("r1", "SE-UNIT21", p.url()) + tak_permission("p1", "SE-UNIT21"));
  o.internal_callers = "[10.0.0.0/8]";  // 127.0.0.1 is not in it
  hub_world world(o);
  auto r = world.call_plain(envelope21("SE-UNIT21"), {{"x-vp-sender-id", test_consumer_hsa_id}, {"x-vp-instance-id", "hub-a"}});
  REQUIRE(r.ok());
  CHECK(vp_code_of(r.body) == "VP011");
  CHECK(p.count() == 0);
}
