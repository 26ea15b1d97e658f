// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/wsdl_catalog.hpp"

#include <filesystem>

#include "hub/core/hsa_id.hpp"
#include "hub/core/wsdl_url.hpp"

namespace tidnav::core {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view xml_content_type = "text/xml; charset=UTF-8";
constexpr std::string_view text_content_type = "text/plain; charset=UTF-8";

std::string_view without_trailing_slashes(std::string_view s) noexcept {
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

// The platform strips one leading slash before its (lower-cased) lookup.
std::string_view without_leading_slash(std::string_view path) noexcept {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return path;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

wsdl_answer not_found(std::string_view location) {
  return {404, std::string(text_content_type), "No xsd found on this path: " + std::string(location)};
}

}  // namespace

bool wsdl_catalog::wants_wsdl(std::string_view query) noexcept {
  return query_parameter(query, "wsdl").has_value() || query_parameter(query, "xsd").has_value();
}

std::vector<std::string> wsdl_catalog::paths() const {
  std::vector<std::string> out;
  out.reserve(wsdls_.size());
  for (const auto& [lookup, w] : wsdls_) out.push_back(lookup);
  return out;
}

wsdl_answer wsdl_catalog::answer(const wsdl_request& r) const {
  const std::string_view path = without_leading_slash(r.path);
  const auto it = wsdls_.find(lowercase(path));
  if (it == wsdls_.end()) return no_such_path(r.base_url);
  // Links in the answer repeat the path as the caller spelt it, so a client
  // that follows them stays on the URL it started from.
  const std::string url = std::string(without_trailing_slashes(r.base_url)) + "/" + std::string(path);
  if (const auto location = query_parameter(r.query, "xsd")) return answer_schema(it->second, *location, url);
  return {200, std::string(xml_content_type), render(it->second.text, it->second, url)};
}

wsdl_answer wsdl_catalog::answer_schema(const wsdl_entry& w, std::string_view raw_location, const std::string& url) const {
  const auto location = percent_decode(raw_location);
  if (!location || location->empty() || location->front() == '/' || location->front() == '\\') {
    return not_found(raw_location);
  }
  // Resolved without touching the disk: only files load() read are served, and
  // only those this WSDL reaches, so "../" can never climb out of the root.
  const std::string key = (fs::path(w.dir) / *location).lexically_normal().generic_string();
  const auto xsd = xsds_.find(key);
  if (w.schemas.count(key) == 0 || xsd == xsds_.end()) return not_found(*location);
  return {200, std::string(xml_content_type), render(xsd->second, w, url)};
}

std::string wsdl_catalog::render(const served_xml& doc, const wsdl_entry& w, const std::string& url) const {
  return doc.render([&](const url_slot& s) {
    if (s.what == url_slot::kind::endpoint) return url;
    // Relative to the WSDL, whichever file holds the reference: that is what
    // ?xsd= is resolved against, however deep the chain of schemas goes.
    const std::string relative = fs::path(s.schema_key).lexically_relative(w.dir).generic_string();
    return url + "?xsd=" + percent_encode_path(relative);
  });
}

wsdl_answer wsdl_catalog::no_such_path(const std::string& base_url) const {
  // The platform's text, then one line per published WSDL as a full URL.
  std::string body = "No wsdl found on this path, following wsdl paths is available:";
  const std::string_view base = without_trailing_slashes(base_url);
  for (const auto& [lookup, w] : wsdls_) {
    body += '\n';
    body += base;
    body += '/';
    body += w.path;
    body += "?wsdl";
  }
  return {500, std::string(text_content_type), std::move(body)};
}

}  // namespace tidnav::core
