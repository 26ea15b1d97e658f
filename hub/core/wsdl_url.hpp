// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The URL side of serving WSDL and XSD files the way the national platform
// does: the path a WSDL is published on, derived from its RIV-TA target
// namespace, and the query parameters (?wsdl, ?xsd=<location>) that ask for one.

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::core {

/// "urn:riv:crm:scheduling:GetSubjectOfCareSchedule:1:rivtabp21" ->
/// "vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21": the platform drops
/// the first two segments and joins the rest under "vp/". nullopt unless the
/// namespace contains "rivtabp" (any case) and has at least one segment between
/// the domain and the service name, with no segment empty (the platform would
/// otherwise build a path with the service name twice).
std::optional<std::string> wsdl_path_for_namespace(std::string_view target_namespace);

/// The raw (still percent-encoded) value of the first parameter named `key`
/// (ASCII case-insensitive) in `query`, with or without its leading '?'.
/// A parameter without '=' has the value "". nullopt when there is none.
std::optional<std::string_view> query_parameter(std::string_view query, std::string_view key) noexcept;

/// Decodes %XX escapes and '+' (a space in query strings, as Java's URLDecoder
/// reads it). nullopt for a malformed escape or a decoded NUL byte.
std::optional<std::string> percent_decode(std::string_view text);

/// Escapes every byte except unreserved characters and '/', so a relative
/// schema location travels unchanged inside a query value.
std::string percent_encode_path(std::string_view text);

}  // namespace tidnav::core
