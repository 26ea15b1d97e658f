// SPDX-License-Identifier: GPL-2.0-or-later
// What the call log must not carry: certificates in clear and Swedish personal
// identity numbers (personnummer, samordningsnummer).
#pragma once

#include <string>
#include <string_view>

namespace tidnav::obs {

// PEM (also URL-encoded, as proxies forward it in headers) or base64 DER ("MII...").
bool looks_like_certificate(std::string_view value) noexcept;

// The certificate's base64 text (PEM armour, whitespace and URL-encoding removed)
// reduced to its first 8 and last 4 characters: "MIIDdzCC...Qw==". Anything of 12
// characters or fewer becomes "***". Meant for any header value that may carry a
// certificate; it does not check that it really does.
std::string mask_certificate(std::string_view value);

// True when the whole of `s` is one: 12 digits (YYYYMMDDNNNN), or YYYYMMDD-NNNN,
// or YYMMDD-NNNN / YYMMDD+NNNN. The month must be 01-12 and the day 01-31 (or
// 61-91, a samordningsnummer), which keeps 12-digit HSA-id parts such as
// "162321000016" and organisation numbers from matching. Plain 10 digits never
// match: that is what an organisation number looks like. No Luhn check on
// purpose: a mistyped number is still personal data.
bool looks_like_personnummer(std::string_view s) noexcept;

// Whether redact_personal_ids(text) would change anything; allocates nothing.
bool contains_personnummer(std::string_view text) noexcept;

// `text` with every personnummer inside it (delimited by non-digits) replaced by "***".
std::string redact_personal_ids(std::string_view text);

}  // namespace tidnav::obs
