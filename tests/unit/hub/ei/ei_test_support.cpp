// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/unit/hub/ei/ei_test_support.hpp"

#include <pugixml.hpp>

#include <atomic>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "tests/support/xml_leaves.hpp"

namespace tidnav::ei::test {
namespace fs = std::filesystem;

temp_dir::temp_dir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("tidnav-ei-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

temp_dir::~temp_dir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

engagement sample(int n) {
  engagement e;
  e.registered_resident_identification = "191212121212";
  e.service_domain = "riv:crm:scheduling";
  e.categorization = "NA";
  e.logical_address = "SE2321000016-ABC1";
  e.business_object_instance_identifier = "BKG-" + std::to_string(n);
  e.clinical_process_interest_id = "NA";
  e.most_recent_content = "20270115093000";
  e.source_system = "SE2321000016-SYS1";
  e.data_controller = "SE2321000016-VG01";
  return e;
}

engagement_transaction upsert(engagement e) { return {false, std::move(e)}; }

engagement_transaction remove(engagement e) {
  e.most_recent_content.reset();
  return {true, std::move(e)};
}

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

void element(std::ostringstream& out, const char* prefix, const char* name, const std::string& value) {
  out << "<" << prefix << ":" << name << ">" << escape(value) << "</" << prefix << ":" << name << ">";
}

void element(std::ostringstream& out, const char* prefix, const char* name, const std::optional<std::string>& value) {
  if (value) element(out, prefix, name, *value);
}

void engagement_xml(std::ostringstream& out, const engagement& e) {
  element(out, "ei", "registeredResidentIdentification", e.registered_resident_identification);
  element(out, "ei", "serviceDomain", e.service_domain);
  element(out, "ei", "categorization", e.categorization);
  element(out, "ei", "logicalAddress", e.logical_address);
  element(out, "ei", "businessObjectInstanceIdentifier", e.business_object_instance_identifier);
  element(out, "ei", "clinicalProcessInterestId", e.clinical_process_interest_id);
  element(out, "ei", "mostRecentContent", e.most_recent_content);
  element(out, "ei", "sourceSystem", e.source_system);
  element(out, "ei", "creationTime", e.creation_time);
  element(out, "ei", "updateTime", e.update_time);
  element(out, "ei", "dataController", e.data_controller);
  element(out, "ei", "owner", e.owner);
}

std::string transactions_envelope(const char* prefix, const char* ns, const char* op,
                                  const std::optional<std::string>& logical_address,
                                  const std::vector<engagement_transaction>& transactions) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
      << " xmlns:itr=\"urn:riv:itintegration:registry:1\" xmlns:" << prefix << "=\"" << ns << "\""
      << " xmlns:ei=\"urn:riv:itintegration:engagementindex:1\"><soapenv:Header>";
  if (logical_address) element(out, "itr", "LogicalAddress", *logical_address);
  out << "</soapenv:Header><soapenv:Body><" << prefix << ":" << op << ">";
  for (const auto& t : transactions) {
    out << "<" << prefix << ":engagementTransaction>";
    element(out, "ei", "deleteFlag", std::string(t.delete_flag ? "true" : "false"));
    out << "<ei:engagement>";
    engagement_xml(out, t.record);
    out << "</ei:engagement></" << prefix << ":engagementTransaction>";
  }
  out << "</" << prefix << ":" << op << "></soapenv:Body></soapenv:Envelope>\n";
  return out.str();
}

using tidnav::test::xml_leaves::collect;
using tidnav::test::xml_leaves::local_of;

pugi::xml_node body_of(const pugi::xml_document& doc) {
  for (pugi::xml_node c : doc.document_element().children()) {
    if (local_of(c) == "Body") return c;
  }
  return {};
}

pugi::xml_node fault_child(const std::string& envelope, const char* name) {
  static thread_local pugi::xml_document doc;
  doc.load_buffer(envelope.data(), envelope.size());
  pugi::xml_node body = body_of(doc);
  for (pugi::xml_node f : body.children()) {
    if (local_of(f) != "Fault") continue;
    for (pugi::xml_node c : f.children()) {
      if (local_of(c) == name) return c;
    }
  }
  return {};
}

}  // namespace

std::string update_envelope(const std::optional<std::string>& logical_address,
                            const std::vector<engagement_transaction>& transactions) {
  return transactions_envelope("upd", "urn:riv:itintegration:engagementindex:UpdateResponder:1", "Update",
                               logical_address, transactions);
}

std::string notification_envelope(const std::string& logical_address,
                                  const std::vector<engagement_transaction>& transactions) {
  return transactions_envelope("pn", "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1",
                               "ProcessNotification", logical_address, transactions);
}

std::string find_envelope(const find_query& q) {
  std::ostringstream out;
  out << "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
      << " xmlns:itr=\"urn:riv:itintegration:registry:1\""
      << " xmlns:fc=\"urn:riv:itintegration:engagementindex:FindContentResponder:1\"><soapenv:Header>"
      << "<itr:LogicalAddress>5565594230</itr:LogicalAddress></soapenv:Header><soapenv:Body><fc:FindContent>";
  if (!q.registered_resident_identification.empty()) {
    element(out, "fc", "registeredResidentIdentification", q.registered_resident_identification);
  }
  if (!q.service_domain.empty()) element(out, "fc", "serviceDomain", q.service_domain);
  element(out, "fc", "categorization", q.categorization);
  element(out, "fc", "logicalAddress", q.logical_address);
  element(out, "fc", "businessObjectInstanceIdentifier", q.business_object_instance_identifier);
  element(out, "fc", "clinicalProcessInterestId", q.clinical_process_interest_id);
  element(out, "fc", "mostRecentContent", q.most_recent_content);
  element(out, "fc", "sourceSystem", q.source_system);
  element(out, "fc", "dataController", q.data_controller);
  element(out, "fc", "owner", q.owner);
  out << "</fc:FindContent></soapenv:Body></soapenv:Envelope>";
  return out.str();
}

std::string fixture(const std::string& name) {
  std::ifstream in(fs::path(TIDNAV_SOURCE_DIR) / "tests" / "fixtures" / "engagementindex-1.0" / name,
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> body_leaves(const std::string& envelope) {
  pugi::xml_document doc;
  doc.load_buffer(envelope.data(), envelope.size());
  std::vector<std::string> out;
  for (pugi::xml_node c : body_of(doc).children()) {
    if (c.type() == pugi::node_element) collect(c, "", out);
  }
  return out;
}

std::string fault_string(const std::string& envelope) { return fault_child(envelope, "faultstring").text().get(); }

std::string fault_detail(const std::string& envelope) {
  pugi::xml_node d = fault_child(envelope, "detail");
  return d ? d.child_value() : "";
}

void fake_sender::send(const outbound_notification& n, std::function<void(bool, std::string)> done) {
  bool ok;
  {
    std::lock_guard lock(mutex_);
    attempts_.push_back({n, std::chrono::system_clock::now()});
    ok = n.attempt > failures_;
    cv_.notify_all();
  }
  done(ok, ok ? "" : "scripted failure of attempt " + std::to_string(n.attempt));
}

std::vector<fake_sender::attempt> fake_sender::attempts() {
  std::lock_guard lock(mutex_);
  return attempts_;
}

bool fake_sender::wait_for(const std::function<bool(const std::vector<attempt>&)>& pred,
                           std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] { return pred(attempts_); });
}

void fake_sender::set_failures(int failures) {
  std::lock_guard lock(mutex_);
  failures_ = failures;
}

}  // namespace tidnav::ei::test
