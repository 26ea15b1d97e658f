// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/error_texts.hpp"

#include <array>

namespace tidnav::adapters::bridge {
namespace {

using enum business_code;

const std::array<error_text_rule, 24> defaults{{
    {"för sent att avboka", too_late_to_cancel},
    {"för sent att omboka", too_late_to_rebook},
    {"för sent att boka om", too_late_to_rebook},
    {"för sent att bekräfta", too_late_to_confirm},
    {"för sent att boka", too_late_to_book},
    {"redan avbokad", appointment_already_canceled},
    {"redan ombokad", appointment_already_updated},
    {"redan ändrats", appointment_already_updated},
    {"redan bekräftad", appointment_already_confirmed},
    {"redan en bokad tid", person_already_occupied},
    {"redan en bokning", person_already_occupied},
    {"dubbelbokning", person_already_occupied},
    {"upptagen", requested_time_already_reserved},
    {"redan bokats", requested_time_already_reserved},
    {"redan bokad", requested_time_already_reserved},
    {"passerat", requested_time_passed},
    {"inte längre att boka", slot_not_found},
    {"inte längre tillgänglig", slot_not_found},
    {"ledig tid saknas", slot_not_found},
    {"personnummer", invalid_person},
    {"tar inte emot bokningar", unit_not_found},
    {"hittades inte", not_found},
    {"finns inte", not_found},
    {"inte giltiga", invalid_request},
}};

}  // namespace

std::span<const error_text_rule> default_error_texts() { return defaults; }

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Å Ä Ö (C3 85, C3 84, C3 96) -> å ä ö (C3 A5, C3 A4, C3 B6)
      unsigned char n = static_cast<unsigned char>(text[i + 1]);
      if (n == 0x85 || n == 0x84 || n == 0x96) n = static_cast<unsigned char>(n + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(n);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

business_code outcome_of_text(const legacy_profile& profile, std::string_view text) {
  const std::string folded = fold_case(text);
  for (const auto* rules : {&profile.error_texts}) {
    for (const auto& r : *rules) {
      if (!r.contains.empty() && folded.find(fold_case(r.contains)) != std::string::npos) return r.outcome;
    }
  }
  for (const auto& r : defaults) {
    if (folded.find(fold_case(r.contains)) != std::string::npos) return r.outcome;
  }
  return profile.unmatched_error;
}

}  // namespace tidnav::adapters::bridge
