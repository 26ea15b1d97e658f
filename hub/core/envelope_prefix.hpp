// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Where the part of a SOAP request that routing reads ends: just after the
// start tag of the first element following a "Body" start tag. The platform
// stops reading there, so the sniffer can parse only this prefix and skip the
// (possibly many megabytes of) payload. This is a cheap lexical scan, not a
// parser: its answer is only a candidate, which the sniffer confirms by
// parsing the prefix and checking it found that very element; anything the
// scan does not understand sends the sniffer to a full parse instead.

#include <cstddef>
#include <optional>
#include <string_view>

namespace tidnav::core {

/// Length of the prefix ending with the operation's start tag, or nullopt
/// when the scan cannot tell (no Body, a DOCTYPE or other declaration, an
/// unterminated comment/CDATA/PI/tag, ...). Comments, CDATA sections, PIs
/// and quoted attribute values are skipped. O(prefix length).
std::optional<std::size_t> operation_prefix_length(std::string_view xml) noexcept;

/// Whether "<!" followed by DOCTYPE, ENTITY, ELEMENT, ATTLIST or NOTATION
/// occurs anywhere in `xml`, comments and CDATA included (a cheap, exact-match
/// pre-check: memchr for the rare '!', then a keyword compare). When it does,
/// the sniffer parses everything, letting the parser tell a real declaration
/// (rejected) from text that merely looks like one.
bool may_contain_declaration(std::string_view xml) noexcept;

/// Offset of the '>' that ends the tag whose text starts at `from` (just past
/// its '<'), skipping quoted attribute values; nullopt when it never ends.
std::optional<std::size_t> tag_end(std::string_view xml, std::size_t from) noexcept;

}  // namespace tidnav::core
