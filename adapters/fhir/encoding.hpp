// SPDX-License-Identifier: GPL-2.0-or-later
// The few text encodings a FHIR REST client and its simulators need: query
// values (percent-encoding) and HTTP Basic credentials (base64).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::fhir {

// Percent-encodes a query parameter value: RFC 3986 unreserved characters are
// kept, and so is every character of `also_keep` (Cosmic keeps ':' readable).
std::string url_encode(std::string_view value, std::string_view also_keep = {});
// Form/query decoding ('+' is a space). nullopt on a broken %-escape.
std::optional<std::string> url_decode(std::string_view value);

std::string base64(std::string_view bytes);
// Stops at the first character outside the alphabet ('=' padding ends it).
std::string base64_decode(std::string_view text);

}  // namespace tidnav::adapters::fhir
