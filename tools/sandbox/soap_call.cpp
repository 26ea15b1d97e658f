// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/soap_call.hpp"

#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "hub/net/http_client.hpp"

#include <pugixml.hpp>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace tidnav::sandbox {
namespace {

std::string_view local_name(const char* qname) {
  std::string_view n(qname);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

template <typename F>
void each_named(std::string_view xml, std::string_view name, F&& f) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single)) return;
  struct walker : pugi::xml_tree_walker {
    std::string_view name;
    F* f;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element && local_name(n.name()) == name) (*f)(n);
      return true;
    }
  } w;
  w.name = name;
  w.f = &f;
  doc.traverse(w);
}

}  // namespace

std::string call_reply::problem() const {
  if (!transport_error.empty()) return "no answer: " + transport_error;
  if (!fault_string.empty()) return "SOAP fault " + fault_code + ": " + fault_string;
  if (!invalid.empty()) return "unreadable answer: " + invalid;
  if (http_status != 200) return "HTTP " + std::to_string(http_status);
  return {};
}

built_request build_request(const request_spec& spec) {
  const auto* op = contracts::find_operation(spec.fam, spec.operation);
  if (!op) throw std::runtime_error("no operation " + spec.operation);
  std::vector<contracts::field> fields;
  for (const auto& [path, value] : spec.fields) fields.push_back({path, value});
  std::string error;
  const std::string loose = contracts::build_loose_element(op->name, fields, error);
  if (!error.empty()) throw std::runtime_error("cannot build " + op->name + ": " + error);
  contracts::soap_headers headers;
  if (spec.fam == contracts::family::crm10) {
    headers.wsa_to = spec.logical_address;
  } else {
    headers.logical_address = spec.logical_address;
  }
  headers.actor = spec.actor;
  contracts::codec_error err;
  std::string envelope =
      op->canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &headers, err);
  if (err) throw std::runtime_error("cannot build " + op->name + ": " + err.message);
  return {std::move(envelope), "\"" + op->soap_action + "\""};
}

std::vector<std::string> values_of(std::string_view xml, std::string_view name) {
  std::vector<std::string> out;
  each_named(xml, name, [&](pugi::xml_node& n) { out.emplace_back(n.child_value()); });
  return out;
}

std::string value_of(std::string_view xml, std::string_view name) {
  auto all = values_of(xml, name);
  return all.empty() ? std::string() : all.front();
}

std::vector<std::string> elements_of(std::string_view xml, std::string_view item) {
  std::vector<std::string> out;
  each_named(xml, item, [&](pugi::xml_node& n) {
    std::ostringstream s;
    n.print(s, "", pugi::format_raw);
    out.push_back(s.str());
  });
  return out;
}

consumer::consumer(std::string url, const std::filesystem::path& ca, const std::filesystem::path& cert,
                   const std::filesystem::path& key, double timeout_seconds)
    : url_(std::move(url)), timeout_(timeout_seconds) {
  net::client_tls_options t;
  t.ca_file = ca.string();
  t.cert_file = cert.string();
  t.key_file = key.string();
  net::client_options o;
  o.tls = net::make_client_tls_context(t);
  o.io_threads = 1;
  o.log = net::null_log_sink();
  o.request_timeout = std::chrono::milliseconds(static_cast<long>(std::lround(timeout_seconds * 1000)));
  o.user_agent = "tidnav-sandbox";
  client_ = std::make_unique<net::http_client>(std::move(o));
}

consumer::~consumer() = default;

call_reply consumer::call(const request_spec& spec) {
  return send(build_request(spec), spec.fam, spec.operation);
}

call_reply consumer::send(const built_request& request, std::optional<contracts::family> fam,
                          std::string_view operation) {
  call_reply out;
  auto r = client_->request(net::make_post(
      url_, request.envelope, {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", request.soap_action}}));
  if (!r.ok()) {
    out.transport_error = r.error.message() + (r.detail.empty() ? "" : ": " + r.detail);
    return out;
  }
  out.http_status = r.status;
  out.body = std::move(r.body);
  const auto* op = fam ? contracts::find_operation(*fam, operation) : nullptr;
  if (!op) return out;
  contracts::codec_error err;
  (void)op->canonicalize(contracts::message_kind::response, out.body, contracts::input_form::envelope, nullptr, err);
  if (err.what == contracts::codec_error::kind::fault) {
    out.fault_code = err.fault_code;
    out.fault_string = err.fault_string.empty() ? err.message : err.fault_string;
  } else if (err) {
    out.invalid = err.message;
  }
  return out;
}

}  // namespace tidnav::sandbox
