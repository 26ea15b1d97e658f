// SPDX-License-Identifier: GPL-2.0-or-later
// crm:scheduling 1.x has no error codes, only ERROR + a text for the citizen.
// 2.0 has specific result codes. The bridge picks the best-fitting outcome from
// the text (profile rules first, then the defaults below) and passes the
// producer's own text through unchanged: it knows its rules better than we do.
#pragma once

#include "adapters/bridge/legacy_profile.hpp"

#include <span>
#include <string_view>

namespace tidnav::adapters::bridge {

// Swedish phrases legacy producers use (and our own simulators' texts), most
// specific first ("för sent att avboka" before "för sent att boka").
std::span<const error_text_rule> default_error_texts();

// The outcome an ERROR text stands for.
business_code outcome_of_text(const legacy_profile& profile, std::string_view text);

// Lower-cases ASCII and the Swedish letters å, ä, ö (UTF-8), for matching.
std::string fold_case(std::string_view text);

}  // namespace tidnav::adapters::bridge
