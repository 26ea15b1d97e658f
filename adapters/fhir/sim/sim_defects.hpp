// SPDX-License-Identifier: GPL-2.0-or-later
// Defects real FHIR booking systems have shown, switched on for a whole run of
// a simulator (`tidnav sim millennium|cosmic --defect NAME[=VALUE]`), so an
// adapter can be tried against them: each must come out of the adapter as the
// right contract outcome (a fault or a business error), never a hang or a
// wrong success. Applied by sim_front (HTTP level) and the stores (listing).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::fhir::sim {

struct sim_defects {
  // slow[=MS]: every FHIR answer (never the token endpoint) this much later.
  std::chrono::milliseconds slow{0};
  // write-5xx: POST/PUT/PATCH/DELETE with a valid token answer 503 (nothing is written).
  bool write_5xx = false;
  // token-expiry[=N]: a bearer token expires after N FHIR calls, mid-session (the next call: 401).
  unsigned token_calls = 0;
  // malformed-json: a FHIR read that would answer 200 answers 200 with a body that is not JSON.
  bool malformed_json = false;
  // taken-slot-free: slot searches list booked slots as free (a stale availability index).
  bool taken_slot_free = false;

  bool any() const { return slow.count() > 0 || write_5xx || token_calls > 0 || malformed_json || taken_slot_free; }
};

inline constexpr std::chrono::milliseconds default_slow{3'000};  // past any adapter's backend_ms (max 2999)
inline constexpr unsigned default_token_calls = 3;

// "slow=MS, write-5xx, token-expiry=N, malformed-json, taken-slot-free" for --help.
std::string defect_help();
// Adds one switch ("slow", "slow=500", "token-expiry=2", ...) to `into`; an
// operator-readable message when the name or value is wrong.
std::optional<std::string> add_defect(std::string_view spec, sim_defects& into);
// The switched-on defects as they would be written ("slow=3000", ...).
std::vector<std::string> describe(const sim_defects& d);

}  // namespace tidnav::adapters::fhir::sim
