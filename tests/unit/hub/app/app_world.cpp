// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/unit/hub/app/app_world.hpp"

#include <atomic>
#include <fstream>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "tests/support/tak_text.hpp"

namespace tidnav::test {
namespace {

std::filesystem::path fresh_dir() {
  static std::atomic<int> n{0};
  auto d = std::filesystem::temp_directory_path() /
           ("tidnav-app-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

}  // namespace

std::string standard_tak(const std::string& url_a, const std::string& url_b) {
  std::string x;
  x += tak_route_entry("v1", "SE-UNIT1", url_a, "RIVTABP21", crm_ns);
  x += tak_route_entry("v2", "SE-UNIT2", url_b, "RIVTABP20", crm_ns);
  x += tak_route_entry("v3", "SE-DUP", url_a, "RIVTABP21", crm_ns);
  x += tak_route_entry("v4", "SE-DUP", url_b, "RIVTABP21", crm_ns);
  x += tak_route_entry("v5", "SE-BLANK", "", "RIVTABP21", crm_ns);
  x += tak_route_entry("v6", "SE-RIV3", url_a, "RIVTABP30", crm_ns);
  x += tak_route_entry("v7", "SE-NOAUTH", url_a, "RIVTABP21", crm_ns);
  for (const char* a : {"SE-UNIT1", "SE-UNIT2", "SE-DUP", "SE-BLANK", "SE-RIV3"}) {
    x += tak_permission_entry(std::string("b-") + a, a, consumer, crm_ns);
  }
  return tak_document(x);
}

std::string standard_yaml(const std::string& extra) {
  return "instance: { name: \"tidnav test\", id: hub-a }\n"
         "internal_callers: [127.0.0.1/32, \"::1/128\"]\n"
         "listeners:\n  http: { address: 127.0.0.1, port: 0 }\n"
         "tak_file: tak.xml\n" +
         extra;
}

app::runtime_ptr load_world(const std::string& yaml, const std::string& tak) {
  const auto dir = fresh_dir();
  std::ofstream(dir / "hub.yaml") << yaml;
  if (!tak.empty()) std::ofstream(dir / "tak.xml") << tak;
  auto rt = app::load_runtime((dir / "hub.yaml").string(), 1);
  if (!rt) {
    std::string all;
    for (const auto& e : rt.error()) all += e + "\n";
    FAIL(all);
  }
  return rt.value();
}

std::string envelope21(const std::string& address, const std::string& ns) {
  return R"(<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1" xmlns:urn1=")" +
         ns + R"("><soapenv:Header><urn:LogicalAddress>)" + address +
         R"(</urn:LogicalAddress></soapenv:Header><soapenv:Body><urn1:GetSubjectOfCareSchedule><urn1:healthcare_facility>)" +
         address + R"(</urn1:healthcare_facility><urn1:subject_of_care>191212121212</urn1:subject_of_care></urn1:GetSubjectOfCareSchedule></soapenv:Body></soapenv:Envelope>)";
}

std::string envelope20(const std::string& address, const std::string& ns) {
  return R"(<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:urn1=")" +
         ns + R"("><soapenv:Header><wsa:To>)" + address +
         R"(</wsa:To></soapenv:Header><soapenv:Body><urn1:GetSubjectOfCareSchedule><urn1:healthcare_facility>)" + address +
         R"(</urn1:healthcare_facility><urn1:subject_of_care>191212121212</urn1:subject_of_care></urn1:GetSubjectOfCareSchedule></soapenv:Body></soapenv:Envelope>)";
}

net::request_context tls_request(std::string body, std::string subject) {
  net::request_context r;
  r.method = "POST";
  r.target = "/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21";
  r.body = std::move(body);
  r.tls = true;
  r.peer.subject = std::move(subject);
  r.peer.cert_pem = "-----BEGIN CERTIFICATE-----\nnot parsed here\n-----END CERTIFICATE-----\n";
  r.remote_ip = "192.0.2.10";
  r.headers.push_back({"SOAPAction", "\"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1:GetSubjectOfCareSchedule\""});
  r.headers.push_back({"Content-Type", "text/xml; charset=UTF-8"});
  return r;
}

net::request_context plain_request(std::string body, std::string ip) {
  net::request_context r;
  r.method = "POST";
  r.target = "/vp";
  r.body = std::move(body);
  r.tls = false;
  r.remote_ip = std::move(ip);
  r.headers.push_back({"Content-Type", "text/xml; charset=UTF-8"});
  return r;
}

}  // namespace tidnav::test
