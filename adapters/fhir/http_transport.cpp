// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/http_transport.hpp"

namespace tidnav::adapters::fhir {

std::string header_value(const header_pairs& headers, std::string_view name) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (const auto& [k, v] : headers) {
    if (k.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < k.size() && same; ++i) same = lower(k[i]) == lower(name[i]);
    if (same) return v;
  }
  return {};
}

}  // namespace tidnav::adapters::fhir
