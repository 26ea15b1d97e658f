// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/sim/sim_defects.hpp"

#include <charconv>

namespace tidnav::adapters::fhir::sim {
namespace {

std::optional<unsigned long> number(std::string_view v, unsigned long min, unsigned long max) {
  unsigned long n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max) return std::nullopt;
  return n;
}

}  // namespace

std::string defect_help() {
  return "slow[=MS] (default " + std::to_string(default_slow.count()) +
         "), write-5xx, token-expiry[=N] (a token expires after N calls, default " + std::to_string(default_token_calls) +
         "), malformed-json, taken-slot-free";
}

std::optional<std::string> add_defect(std::string_view spec, sim_defects& d) {
  const auto eq = spec.find('=');
  const std::string_view name = spec.substr(0, eq);
  const std::optional<std::string_view> value =
      eq == std::string_view::npos ? std::nullopt : std::optional(spec.substr(eq + 1));
  auto no_value = [&]() -> std::optional<std::string> {
    if (value) return "--defect " + std::string(name) + " takes no value";
    return std::nullopt;
  };
  if (name == "slow") {
    if (!value) {
      d.slow = default_slow;
      return std::nullopt;
    }
    const auto n = number(*value, 1, 600'000);
    if (!n) return "--defect slow=MS: MS must be a number of milliseconds, 1..600000";
    d.slow = std::chrono::milliseconds(*n);
    return std::nullopt;
  }
  if (name == "token-expiry") {
    if (!value) {
      d.token_calls = default_token_calls;
      return std::nullopt;
    }
    const auto n = number(*value, 1, 1'000'000);
    if (!n) return "--defect token-expiry=N: N must be a number of calls, 1..1000000";
    d.token_calls = static_cast<unsigned>(*n);
    return std::nullopt;
  }
  if (name == "write-5xx") {
    d.write_5xx = true;
    return no_value();
  }
  if (name == "malformed-json") {
    d.malformed_json = true;
    return no_value();
  }
  if (name == "taken-slot-free") {
    d.taken_slot_free = true;
    return no_value();
  }
  return "unknown --defect " + std::string(spec) + " (known: " + defect_help() + ")";
}

std::vector<std::string> describe(const sim_defects& d) {
  std::vector<std::string> out;
  if (d.slow.count() > 0) out.push_back("slow=" + std::to_string(d.slow.count()));
  if (d.write_5xx) out.emplace_back("write-5xx");
  if (d.token_calls > 0) out.push_back("token-expiry=" + std::to_string(d.token_calls));
  if (d.malformed_json) out.emplace_back("malformed-json");
  if (d.taken_slot_free) out.emplace_back("taken-slot-free");
  return out;
}

}  // namespace tidnav::adapters::fhir::sim
