// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/answer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace tidnav::conform {
namespace {

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string_view local_name(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == local) out.push_back(c);
  }
  return out;
}

std::vector<pugi::xml_node> descendants(const pugi::xml_node& root, std::string_view local) {
  std::vector<pugi::xml_node> out;
  struct walker : pugi::xml_tree_walker {
    std::string_view want;
    std::vector<pugi::xml_node>* out = nullptr;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element && local_name(n) == want) out->push_back(n);
      return true;
    }
  } w;
  w.want = local;
  w.out = &out;
  pugi::xml_node r = root;
  if (r) r.traverse(w);
  return out;
}

std::string text_of(const pugi::xml_node& parent, std::string_view local) {
  pugi::xml_node c = child(parent, local);
  return c ? trim(c.text().get()) : std::string();
}

std::string path_text(const pugi::xml_node& root, std::string_view dotted) {
  pugi::xml_node n = root;
  while (n && !dotted.empty()) {
    const auto dot = dotted.find('.');
    n = child(n, dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return n ? trim(n.text().get()) : std::string();
}

answer::answer(exchange ex) : ex_(std::move(ex)) {
  if (!got_http() || ex_.response.empty()) return;
  auto doc = std::make_shared<pugi::xml_document>();
  if (!doc->load_buffer(ex_.response.data(), ex_.response.size())) return;
  doc_ = std::move(doc);
  pugi::xml_node envelope = doc_->document_element();
  if (local_name(envelope) != "Envelope") return;
  pugi::xml_node soap_body = child(envelope, "Body");
  for (pugi::xml_node c = soap_body.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) {
      body_ = c;
      break;
    }
  }
  if (!body_) return;
  if (local_name(body_) == "Fault") {
    fault_ = true;
    fault_code_ = text_of(body_, "faultcode");
    fault_string_ = text_of(body_, "faultstring");
    return;
  }
  usable_ = ex_.http_status == 200 && local_name(body_) == ex_.contract + "Response";
}

bool answer::client_fault() const {
  const auto colon = fault_code_.find(':');
  const std::string local = colon == std::string::npos ? fault_code_ : fault_code_.substr(colon + 1);
  return local.rfind("Client", 0) == 0;
}

std::string answer::summary() const {
  if (!got_http()) return "no answer (" + ex_.transport_error + ")";
  std::string s = "HTTP " + std::to_string(ex_.http_status);
  if (fault_) return s + " SOAP fault " + fault_code_ + ": " + fault_string_;
  if (!doc_) return s + ", not XML";
  if (!body_) return s + ", not a SOAP envelope with a body";
  if (!usable_ && local_name(body_) != ex_.contract + "Response") {
    return s + ", unexpected answer element " + std::string(local_name(body_));
  }
  const std::string code = result_code();
  if (!code.empty()) s += " resultCode=" + code;
  const std::string text = result_text();
  if (!text.empty()) s += " resultText=\"" + text + "\"";
  return s;
}

std::string not_offered_reason(const answer& a) {
  if (!a.got_http()) return {};
  if (a.ex().http_status == 404 || a.ex().http_status == 501) {
    return "HTTP " + std::to_string(a.ex().http_status);
  }
  if (!a.is_fault()) return {};
  const std::string text = lower(a.fault_string() + " " + text_of(a.body(), "detail"));
  static constexpr std::array<std::string_view, 9> signs{
      "not offer", "not supported", "unsupported", "not implemented", "unknown operation", "no such operation",
      "vp004",     "vp007",         "no receiverid"};
  for (auto sign : signs) {
    if (text.find(sign) != std::string::npos) return "fault: " + a.fault_string();
  }
  return {};
}

}  // namespace tidnav::conform
