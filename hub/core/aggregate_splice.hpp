// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Copying an item's bytes from its unit's answer instead of having pugixml
// write the parsed item out again: writing 400 items cost as much as parsing
// them. Only done where the bytes are provably what pugixml would write
// (format_raw, UTF-8), so the merged answer is the same either way.

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "hub/core/aggregate_ns_bridge.hpp"

namespace tidnav::core {

/// Whether items of `body` (parsed from these bytes with load_buffer, as
/// `encoding`) may be spliced at all: UTF-8 without BOM and without CR (which
/// parse_eol would turn into LF), and `clean` (is_plain_xml_text).
bool splice_allowed(std::string_view body, pugi::xml_encoding encoding, bool clean) noexcept;

/// The bytes of `item` in `body` when they equal pugixml's format_raw output
/// of it; empty when that cannot be shown (then the item is written by
/// pugixml). Call before anything is added to the document.
///
/// Why equal lengths mean equal bytes: the subtree must hold only elements
/// without attributes and text without '&', '<' and '>', so pugixml writes
/// each piece in its shortest form ("<n>", "</n>", "<n/>", the text as is) and
/// the source's form of it is at least as long (whitespace in tags, dropped
/// whitespace text, comments, entity references only add bytes). The source
/// item ends with '>' before the next sibling element; if only whitespace lies
/// between "start + written length" and that sibling, it ends exactly there.
std::string_view spliceable_bytes(std::string_view body, pugi::xml_node item) noexcept;

/// Appends `raw` (from spliceable_bytes of an element named `name`) with
/// `declarations` added to its start tag as pugixml's declare_on + print would.
/// False (nothing appended) when a URI needs escaping: then print it instead.
bool append_spliced(std::string& out, std::string_view raw, std::string_view name,
                    const std::vector<ns_binding>& declarations);

}  // namespace tidnav::core
