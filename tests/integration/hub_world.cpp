// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/integration/hub_world.hpp"

#include <fstream>
#include <sstream>

#include <unistd.h>

#include "tests/support/tak_text.hpp"

namespace tidnav::test {
namespace {

std::filesystem::path fresh_dir() {
  static std::atomic<int> n{0};
  auto d = std::filesystem::temp_directory_path() /
           ("tidnav-int-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

std::string hub_yaml(const hub_world_options& o) {
  const auto& pki = shared_test_pki();
  std::ostringstream y;
  y << "instance: { name: \"tidnav test\", id: hub-a }\n"
    << "internal_callers: " << o.internal_callers << "\n"
    << "io_threads: 2\n"
    << "drain_timeout_ms: 3000\n"
    << "listeners:\n"
    << "  https: { address: 127.0.0.1, port: 0, cert: " << pki.server.cert_file << ", key: " << pki.server.key_file
    << ", ca: " << pki.ca.cert_file << ", limits: { body_bytes: 1048576 } }\n"
    << "  http: { address: 127.0.0.1, port: 0 }\n"
    << "  admin: { address: 127.0.0.1, port: 0 }\n"
    << "tak_file: tak.xml\n"
    << "call_log: { path: calls.log }\n"
    << "producers:\n"
    << "  connect_timeout_ms: 1000\n"
    << "  default_timeout_ms: 5000\n"
    << "  tls: { ca: " << pki.ca.cert_file << ", cert: " << pki.client.cert_file << ", key: " << pki.client.key_file
    << " }\n"
    << o.extra_yaml;
  return y.str();
}

}  // namespace

recording_producer::recording_producer(bool tls, reply_fn reply) : tls_(tls), reply_(std::move(reply)) {
  if (!reply_) reply_ = answer_ok("producer");
  net::server_options o = tls ? tls_server_options(log_) : plain_server_options(log_);
  o.io_threads = 2;
  server_ = std::make_unique<net::http_server>(std::move(o), [this](net::request_context req, net::responder r) {
    {
      std::lock_guard lock(mutex_);
      seen_.push_back(req);
    }
    reply_(req, std::move(r));
  });
  server_->start();
}

recording_producer::~recording_producer() { server_->stop(std::chrono::milliseconds(500)); }

std::string recording_producer::url(const std::string& path) const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(server_->port()) + path;
}

std::vector<net::request_context> recording_producer::requests() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

std::size_t recording_producer::count() const {
  std::lock_guard lock(mutex_);
  return seen_.size();
}

recording_producer::reply_fn answer_ok(std::string name) {
  return [name](const net::request_context&, net::responder r) {
    r(200, {{"Content-Type", "text/xml; charset=UTF-8"}, {"MyRandomHeader", "from-" + name}},
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ok from=\"" + name +
          "\"/></soap:Body></soap:Envelope>");
  };
}

hub_world::hub_world(hub_world_options o) : dir_(fresh_dir()) {
  std::ofstream(dir_ / "tak.xml") << o.tak;
  for (const auto& [name, text] : o.files) std::ofstream(dir_ / name) << text;
  std::ofstream(dir_ / "hub.yaml") << hub_yaml(o);
  app::hub_app_options ho;
  ho.config_path = (dir_ / "hub.yaml").string();
  ho.log = [this](std::string_view line) {
    std::lock_guard lock(log_mutex_);
    log_.emplace_back(line);
  };
  hub_ = std::make_unique<app::hub_app>(std::move(ho));
  hub_->start();
  net::client_options co;
  co.tls = client_ctx();
  co.io_threads = 1;
  co.request_timeout = std::chrono::seconds(10);
  co.log = net::null_log_sink();
  client_ = std::make_unique<net::http_client>(co);
  co.tls = nullptr;
  plain_client_ = std::make_unique<net::http_client>(co);
}

hub_world::~hub_world() {
  client_.reset();
  plain_client_.reset();
  hub_->stop();
  hub_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string hub_world::https_url(const std::string& path) const {
  return "https://127.0.0.1:" + std::to_string(hub_->https_port()) + path;
}
std::string hub_world::http_url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(hub_->http_port()) + path;
}
std::string hub_world::admin_url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(hub_->admin_port()) + path;
}

net::client_result hub_world::call(const std::string& body, net::header_list headers, net::tls_context_ptr ctx) {
  auto req = net::make_post(https_url(), body, std::move(headers));
  if (ctx) {
    // A separate client, so the pooled connection of the default identity is not reused.
    net::client_options co;
    co.tls = ctx;
    co.io_threads = 1;
    co.request_timeout = std::chrono::seconds(10);
    co.retry_on_connect_failure = false;
    co.log = net::null_log_sink();
    net::http_client c(co);
    return c.request(std::move(req));
  }
  return client_->request(std::move(req));
}

net::client_result hub_world::call_plain(const std::string& body, net::header_list headers) {
  return plain_client_->request(net::make_post(http_url(), body, std::move(headers)));
}

net::client_result hub_world::admin(const std::string& method, const std::string& path) {
  net::client_request r;
  r.method = method;
  r.url = admin_url(path);
  return plain_client_->request(std::move(r));
}

void hub_world::write_tak(const std::string& tak) { std::ofstream(dir_ / "tak.xml") << tak; }
void hub_world::write_config_text(const std::string& yaml) { std::ofstream(dir_ / "hub.yaml") << yaml; }
std::string hub_world::config_text() const {
  std::ifstream in(dir_ / "hub.yaml");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> hub_world::log_lines() const {
  std::lock_guard lock(log_mutex_);
  return log_;
}

std::string tak_route(const std::string& id, const std::string& address, const std::string& url,
                      const std::string& profile, const std::string& contract) {
  return tak_route_entry(id, address, url, profile, contract);
}

std::string tak_permission(const std::string& id, const std::string& address, const std::string& consumer,
                           const std::string& contract) {
  return tak_permission_entry(id, address, consumer, contract);
}

std::string tak_file(const std::string& entries) { return tak_document(entries); }

std::string fixture_text(const std::string& path) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/" + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string ei_update_for(const std::string& person, const std::vector<std::string>& units) {
  std::string x = R"(<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:itr="urn:riv:itintegration:registry:1" xmlns:upd="urn:riv:itintegration:engagementindex:UpdateResponder:1" xmlns:ei="urn:riv:itintegration:engagementindex:1"><soapenv:Header><itr:LogicalAddress>5565594230</itr:LogicalAddress></soapenv:Header><soapenv:Body><upd:Update>)";
  int n = 0;
  for (const auto& u : units) {
    x += "<upd:engagementTransaction><ei:deleteFlag>false</ei:deleteFlag><ei:engagement>"
         "<ei:registeredResidentIdentification>" + person +
         "</ei:registeredResidentIdentification><ei:serviceDomain>riv:crm:scheduling</ei:serviceDomain>"
         "<ei:categorization>NA</ei:categorization><ei:logicalAddress>" + u +
         "</ei:logicalAddress><ei:businessObjectInstanceIdentifier>B-" + std::to_string(n++) +
         "</ei:businessObjectInstanceIdentifier><ei:clinicalProcessInterestId>NA</ei:clinicalProcessInterestId>"
         "<ei:mostRecentContent>20251211140000</ei:mostRecentContent><ei:sourceSystem>SE2321000016-SYS1</ei:sourceSystem>"
         "<ei:dataController>SE2321000016-VG01</ei:dataController></ei:engagement></upd:engagementTransaction>";
  }
  return x + "</upd:Update></soapenv:Body></soapenv:Envelope>";
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

std::string vp_code_of(const std::string& body) {
  const auto p = body.find("<faultstring>VP");
  if (p == std::string::npos) return {};
  return body.substr(p + 13, 5);
}

}  // namespace tidnav::test
