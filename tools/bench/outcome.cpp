// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/outcome.hpp"

namespace tidnav::bench {
namespace {

bool name_end(char c) noexcept { return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Offset just past the start tag name of the element at `lt` ('<'), and its local name.
std::string_view local_name_at(std::string_view xml, std::size_t lt) noexcept {
  std::size_t end = lt + 1;
  while (end < xml.size() && !name_end(xml[end])) ++end;
  std::string_view name = xml.substr(lt + 1, end - lt - 1);
  if (const auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

}  // namespace

bool is_soap_fault(std::string_view xml) noexcept {
  // Find the Body start tag, then the first element after it.
  std::size_t pos = 0;
  bool in_body = false;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    if (pos + 1 >= xml.size()) return false;
    const char next = xml[pos + 1];
    if (next == '!' || next == '?' || next == '/') {
      if (xml.compare(pos, 4, "<!--") == 0) {
        const auto close = xml.find("-->", pos + 4);
        if (close == std::string_view::npos) return false;
        pos = close + 3;
      } else {
        ++pos;
      }
      continue;
    }
    const std::string_view name = local_name_at(xml, pos);
    if (in_body) return name == "Fault";
    in_body = name == "Body";
    ++pos;
  }
  return false;
}

std::string classify(const net::client_result& r) {
  using net::client_errc;
  if (r.error) {
    if (r.error.category() != net::client_category()) return "transport";
    switch (static_cast<client_errc>(r.error.value())) {
      case client_errc::resolve_failed:
      case client_errc::connect_failed:
      case client_errc::connect_timeout: return "connect";
      case client_errc::tls_failed: return "tls";
      case client_errc::timeout: return "timeout";
      default: return "transport";
    }
  }
  if (is_soap_fault(r.body)) return "soap fault (http " + std::to_string(r.status) + ")";
  if (r.status != 200) return "http " + std::to_string(r.status);
  return {};
}

}  // namespace tidnav::bench
