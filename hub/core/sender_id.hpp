// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The consumer's HSA-id from its certificate subject, as the platform does it:
// a regex (default "(?:2.5.4.5|SERIALNUMBER)=([^,]+)") finds the SERIALNUMBER
// attribute, group 1 is the id, and a value in DER hex form ("#1310...") is
// decoded. The platform sees Java's rendering of the subject
// ("SERIALNUMBER=SE..., CN=..." or RFC 2253 "2.5.4.5=#13..."); OpenSSL prints
// "serialNumber=..." (RFC 2253) or "/C=SE/.../serialNumber=..." (oneline), so
// OpenSSL forms are first rewritten to the Java shape the pattern expects.

#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "hub/core/result.hpp"

namespace tidnav::core {

inline constexpr std::string_view default_sender_id_pattern = "(?:2.5.4.5|SERIALNUMBER)=([^,]+)";

class sender_id_extractor {
 public:
  /// The pattern must compile and have at least one capture group.
  static result<sender_id_extractor, std::string> create(std::string_view pattern = default_sender_id_pattern);

  /// The sender id, or nullopt (=> VP002 "No senderId found in Certificate: <subject>").
  std::optional<std::string> extract(std::string_view subject) const;

 private:
  explicit sender_id_extractor(std::regex re) : re_(std::move(re)) {}
  std::regex re_;
};

/// Rewrites an OpenSSL subject (RFC 2253 or oneline "/A=b/C=d", also
/// "C = SE, O = x" with spaces) to "TYPE=value, TYPE=value" in RFC 2253 order
/// (most specific first), upper-casing attribute names as Java does
/// ("serialNumber" -> "SERIALNUMBER"). Escaped characters are kept as they are.
std::string java_style_subject(std::string_view subject);

/// "#<tag><len><hex bytes>" -> the decoded bytes; nullopt for bad hex or length.
std::optional<std::string> decode_der_hex_value(std::string_view value);

}  // namespace tidnav::core
