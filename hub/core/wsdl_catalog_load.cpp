// SPDX-License-Identifier: GPL-2.0-or-later
// wsdl_catalog::load: reading a directory of WSDLs and the XSDs they reach, and
// preparing each for answering. Every problem is collected, none thrown.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include <pugixml.hpp>

#include "hub/core/hsa_id.hpp"
#include "hub/core/source_text.hpp"
#include "hub/core/wsdl_catalog.hpp"
#include "hub/core/wsdl_url.hpp"
#include "hub/core/xml_names.hpp"
#include "hub/core/xml_roundtrip.hpp"

namespace tidnav::core {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view wsdl_soap11_ns = "http://schemas.xmlsoap.org/wsdl/soap/";
constexpr std::string_view wsdl_soap12_ns = "http://schemas.xmlsoap.org/wsdl/soap12/";
constexpr std::string_view xml_schema_ns = "http://www.w3.org/2001/XMLSchema";

// Only relative references name files of ours; "http://...", "urn:..." and
// absolute paths are left as they are and not followed.
bool is_relative_reference(std::string_view location) noexcept {
  if (location.empty() || location.front() == '/' || location.front() == '\\') return false;
  const auto colon = location.find(':');
  const auto slash = location.find('/');
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
}

bool leaves_root(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute()) return true;
  const auto first = *relative.begin();
  return first == ".." || first == ".";
}

std::string directory_of(const std::string& key) { return fs::path(key).parent_path().generic_string(); }

class catalog_loader {
 public:
  explicit catalog_loader(fs::path root) : root_(std::move(root)) {}

  std::vector<std::string>& errors() { return errors_; }

  std::vector<std::string> find_wsdls() {
    std::vector<std::string> keys;
    std::error_code ec;
    // Directory links are not followed: a link loop would never end the scan.
    fs::recursive_directory_iterator it(root_, fs::directory_options::none, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (it->path().extension() == ".wsdl" && it->is_regular_file(type_ec)) {
        keys.push_back(it->path().lexically_relative(root_).generic_string());
      }
    }
    if (ec) errors_.push_back(root_.string() + ": " + ec.message());
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  /// Reads and parses root/key; false (with the reason recorded) when it cannot.
  bool read(const std::string& key, pugi::xml_document& doc, std::string_view referenced_from = {}) {
    const std::string where = referenced_from.empty() ? key : key + " (referenced from " + std::string(referenced_from) + ")";
    std::error_code ec;
    const fs::path real = fs::canonical(root_ / key, ec);
    if (ec) return error(where + ": " + ec.message());
    // A symbolic link must not let the catalog publish files from elsewhere.
    if (leaves_root(real.lexically_relative(root_))) return error(where + ": resolves outside " + root_.string());
    auto text = read_text_file(real.string());
    if (!text) return error(where + ": " + text.error());
    if (auto e = load_faithful(doc, *text)) return error(where + ": " + *e);
    return true;
  }

  /// The attributes of `doc` (the file `key`) that get request-dependent URLs.
  /// Schemas it references are queued for reading.
  std::vector<served_xml::slot_attribute> slots_of(const pugi::xml_document& doc, const std::string& key) {
    std::vector<served_xml::slot_attribute> slots;
    const fs::path dir = fs::path(key).parent_path();
    for (pugi::xml_node e = doc.document_element(); e; e = next_element(e)) {
      const auto ns = namespace_uri(e);
      if (!ns) continue;
      const std::string_view local = local_name(e.name());
      if ((*ns == wsdl_soap11_ns || *ns == wsdl_soap12_ns) && local == "address") {
        if (const pugi::xml_attribute a = e.attribute("location")) slots.push_back({a, {url_slot::kind::endpoint, {}}});
      } else if (*ns == xml_schema_ns && (local == "import" || local == "include" || local == "redefine")) {
        const pugi::xml_attribute a = e.attribute("schemaLocation");
        if (!a || !is_relative_reference(a.value())) continue;
        const fs::path target = (dir / a.value()).lexically_normal();
        if (leaves_root(target)) {
          error(key + ": schemaLocation \"" + a.value() + "\" points outside " + root_.string());
          continue;
        }
        std::string target_key = target.generic_string();
        pending_.emplace_back(target_key, key);
        slots.push_back({a, {url_slot::kind::schema, std::move(target_key)}});
      }
    }
    return slots;
  }

  std::optional<served_xml> prepare(pugi::xml_document& doc, const std::string& key) {
    auto slots = slots_of(doc, key);
    auto served = served_xml::make(doc, std::move(slots));
    if (!served) {
      error(key + ": " + served.error());
      return std::nullopt;
    }
    return std::move(served).value();
  }

  /// Reads every schema queued so far, and those they queue in turn.
  void read_schemas(std::map<std::string, served_xml, std::less<>>& xsds) {
    std::set<std::string, std::less<>> failed;
    while (!pending_.empty()) {
      auto [key, from] = std::move(pending_.back());
      pending_.pop_back();
      if (xsds.count(key) != 0 || failed.count(key) != 0) continue;
      pugi::xml_document doc;
      std::optional<served_xml> served;
      if (read(key, doc, from)) served = prepare(doc, key);
      if (served) xsds.emplace(key, std::move(*served));
      else failed.insert(key);
    }
  }

 private:
  bool error(std::string message) {
    errors_.push_back(std::move(message));
    return false;
  }

  fs::path root_;
  std::vector<std::string> errors_;
  std::vector<std::pair<std::string, std::string>> pending_;  ///< schema key, referencing file
};

void collect_reachable(const std::map<std::string, served_xml, std::less<>>& xsds, const served_xml& from,
                       std::set<std::string, std::less<>>& into) {
  std::vector<const served_xml*> todo{&from};
  while (!todo.empty()) {
    const served_xml* doc = todo.back();
    todo.pop_back();
    for (const url_slot& s : doc->slots()) {
      if (s.what != url_slot::kind::schema || !into.insert(s.schema_key).second) continue;
      if (const auto it = xsds.find(s.schema_key); it != xsds.end()) todo.push_back(&it->second);
    }
  }
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace

result<wsdl_catalog, std::vector<std::string>> wsdl_catalog::load(const std::string& root) {
  std::error_code ec;
  const fs::path real_root = fs::canonical(root, ec);
  if (ec || !fs::is_directory(real_root)) {
    return fail(std::vector<std::string>{root + ": " + (ec ? ec.message() : std::string("not a directory"))});
  }
  catalog_loader loader(real_root);
  wsdl_catalog catalog;
  std::map<std::string, std::string, std::less<>> file_of_path;

  for (const std::string& key : loader.find_wsdls()) {
    pugi::xml_document doc;
    if (!loader.read(key, doc)) continue;
    const std::string_view tns = doc.document_element().attribute("targetNamespace").value();
    const auto path = wsdl_path_for_namespace(tns);
    if (!path) {
      loader.errors().push_back(key + ": targetNamespace \"" + std::string(tns) +
                                "\" is not a RIV-TA interaction namespace (urn:riv:<domain>:...:<Service>:<version>:rivtabpNN)");
      continue;
    }
    std::string lookup = lowercase(*path);
    if (const auto seen = file_of_path.find(lookup); seen != file_of_path.end()) {
      loader.errors().push_back(key + ": path " + *path + " is already published by " + seen->second);
      continue;
    }
    auto served = loader.prepare(doc, key);
    if (!served) continue;
    file_of_path.emplace(lookup, key);
    catalog.wsdls_.emplace(std::move(lookup), wsdl_entry{*path, directory_of(key), std::move(*served), {}});
  }
  loader.read_schemas(catalog.xsds_);
  if (!loader.errors().empty()) return fail(std::move(loader.errors()));

  for (auto& [lookup, w] : catalog.wsdls_) collect_reachable(catalog.xsds_, w.text, w.schemas);
  return catalog;
}

}  // namespace tidnav::core
