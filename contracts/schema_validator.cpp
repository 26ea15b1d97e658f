// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/schema_validator.hpp"

#include "contracts/xml_prescreen.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>
#include <filesystem>

namespace tidnav::contracts {
namespace fs = std::filesystem;

namespace {

constexpr const char* soap_env_ns = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr const char* wsa_ns = "http://www.w3.org/2005/08/addressing";

struct doc_deleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using doc_ptr = std::unique_ptr<xmlDoc, doc_deleter>;

std::string ns_of(const xmlNode* n) {
  return n && n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}
std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

const xmlNode* first_element(const xmlNode* n) {
  for (; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) return n;
  }
  return nullptr;
}

std::string target_namespace_of(const fs::path& xsd) {
  doc_ptr doc(xmlReadFile(xsd.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR));
  if (!doc) return {};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  xmlChar* tns = root ? xmlGetProp(root, BAD_CAST "targetNamespace") : nullptr;
  std::string out = tns ? reinterpret_cast<const char*>(tns) : "";
  xmlFree(tns);
  return out;
}

// The folder names that tell crm 1.0 from 1.1 in our tree and the reference's.
std::string_view folder_marker(family f) {
  switch (f) {
    case family::crm10: return "crm-scheduling-1.0";
    case family::crm11: return "crm-scheduling-1.1";
    case family::sched2: return "scheduling-2.0";
    case family::ei1: return "engagementindex-1.0";
    case family::mon1: return "monitoring-1.0";
  }
  return "";
}

void collect_error(void* sink, xmlErrorPtr e) {
  auto* issues = static_cast<std::vector<validation_issue>*>(sink);
  std::string msg = e->message ? e->message : "schema error";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  issues->push_back({e->line, msg});
}

}  // namespace

struct schema_validator::compiled {
  xmlSchemaPtr schema = nullptr;
  std::string error;
  ~compiled() {
    if (schema) xmlSchemaFree(schema);
  }
};

std::string default_schema_root() {
  if (const char* env = std::getenv("TIDNAV_SCHEMAS"); env && *env) return env;
  return TIDNAV_SCHEMA_DIR;
}

schema_validator::schema_validator(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".xsd") continue;
    if (auto tns = target_namespace_of(it->path()); !tns.empty()) {
      by_namespace_.emplace(tns, it->path().string());
    }
  }
}

schema_validator::~schema_validator() = default;

const schema_validator::compiled* schema_validator::schema_for(const std::string& ns, std::optional<family> fam,
                                                               std::string& why) {
  auto [lo, hi] = by_namespace_.equal_range(ns);
  if (lo == hi) {
    why = "no schema for namespace " + ns;
    return nullptr;
  }
  std::string path = lo->second;
  if (fam) {
    for (auto it = lo; it != hi; ++it) {
      if (it->second.find(folder_marker(*fam)) != std::string::npos) {
        path = it->second;
        break;
      }
    }
  }
  std::lock_guard lock(mutex_);
  auto& slot = cache_[path];
  if (!slot) {
    slot = std::make_unique<compiled>();
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(path.c_str());
    std::vector<validation_issue> errs;
    xmlSchemaSetParserStructuredErrors(pctx, collect_error, &errs);
    slot->schema = xmlSchemaParse(pctx);
    xmlSchemaFreeParserCtxt(pctx);
    if (!slot->schema) slot->error = "cannot compile " + path + (errs.empty() ? "" : ": " + errs.front().message);
  }
  if (!slot->schema) {
    why = slot->error;
    return nullptr;
  }
  return slot.get();
}

namespace {

void validate_node(xmlSchemaPtr schema, xmlNode* node, std::vector<validation_issue>& issues) {
  xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctx, collect_error, &issues);
  const int rc = xmlSchemaValidateOneElement(vctx, node);
  if (rc != 0 && issues.empty()) issues.push_back({static_cast<int>(xmlGetLineNo(node)), "invalid element"});
  xmlSchemaFreeValidCtxt(vctx);
}

doc_ptr parse(std::string_view xml, std::vector<validation_issue>& issues) {
  if (auto bad = prescreen_xml(xml, 64u * 1024u * 1024u)) {
    issues.push_back({0, bad->message + " at byte " + std::to_string(bad->offset)});
    return nullptr;
  }
  std::vector<validation_issue> errs;
  xmlParserCtxtPtr ctx = xmlNewParserCtxt();
  doc_ptr doc(xmlCtxtReadMemory(ctx, xml.data(), static_cast<int>(xml.size()), "message.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctx);
    issues.push_back({e ? e->line : 0, e && e->message ? e->message : "not well-formed XML"});
  }
  xmlFreeParserCtxt(ctx);
  return doc;
}

}  // namespace

std::vector<validation_issue> schema_validator::validate_envelope(std::string_view xml, std::optional<family> hint) {
  std::vector<validation_issue> issues;
  doc_ptr doc = parse(xml, issues);
  if (!doc) return issues;
  xmlNode* env = xmlDocGetRootElement(doc.get());
  if (!env || name_of(env) != "Envelope" || ns_of(env) != soap_env_ns) {
    return {{env ? static_cast<int>(xmlGetLineNo(env)) : 0, "root is not a SOAP 1.1 Envelope"}};
  }
  xmlNode* header = nullptr;
  xmlNode* body = nullptr;
  for (xmlNode* c = env->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || ns_of(c) != soap_env_ns) continue;
    if (name_of(c) == "Header") header = c;
    if (name_of(c) == "Body") body = c;
  }
  if (!body) return {{static_cast<int>(xmlGetLineNo(env)), "no soap:Body"}};
  if (!hint && header) {
    for (xmlNode* h = header->children; h; h = h->next) {
      if (h->type == XML_ELEMENT_NODE && ns_of(h) == wsa_ns) hint = family::crm10;
    }
  }
  if (header) {
    for (xmlNode* h = header->children; h; h = h->next) {
      if (h->type != XML_ELEMENT_NODE) continue;
      std::string why;
      if (const compiled* c = schema_for(ns_of(h), hint, why)) validate_node(c->schema, h, issues);
    }
  }
  xmlNode* payload = const_cast<xmlNode*>(first_element(body->children));
  if (!payload) return issues;  // an empty body is valid SOAP; contracts never send one
  if (ns_of(payload) == soap_env_ns && name_of(payload) == "Fault") return issues;
  std::string why;
  if (const compiled* c = schema_for(ns_of(payload), hint, why)) {
    validate_node(c->schema, payload, issues);
  } else {
    issues.push_back({static_cast<int>(xmlGetLineNo(payload)), why});
  }
  return issues;
}

std::vector<validation_issue> schema_validator::validate_document(std::string_view xml, std::optional<family> hint) {
  std::vector<validation_issue> issues;
  doc_ptr doc = parse(xml, issues);
  if (!doc) return issues;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  std::string why;
  if (const compiled* c = schema_for(ns_of(root), hint, why)) {
    validate_node(c->schema, root, issues);
  } else {
    issues.push_back({static_cast<int>(xmlGetLineNo(root)), why});
  }
  return issues;
}

}  // namespace tidnav::contracts
