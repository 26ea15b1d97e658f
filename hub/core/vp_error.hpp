// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The national platform's fault codes VP001..VP015 and everything the hub needs
// to emit them exactly as VP does: one enum, one table, one renderer.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidnav::core {

enum class vp_code : std::uint8_t {
  vp001 = 1, vp002, vp003, vp004, vp005, vp006, vp007, vp008,
  vp009, vp010, vp011, vp012, vp013, vp014, vp015,
};

inline constexpr std::size_t vp_code_count = 15;

/// VP falls back to VP009 for anything that is not one of its own exceptions.
inline constexpr vp_code default_vp_code = vp_code::vp009;

enum class soap_fault_code : std::uint8_t { client, server };

struct vp_error_info {
  vp_code code;
  std::string_view name;             ///< "VP004"
  soap_fault_code fault_code;        ///< rendered as SOAP-ENV:Client / SOAP-ENV:Server
  std::string_view message;          ///< Swedish faultstring text, exactly as VP
  std::string_view detail_template;  ///< English detail; "%s" is replaced by the argument
  int http_status;                   ///< every VP fault is HTTP 500
  std::string_view metric_label;     ///< stable label for counters
};

/// The table entry for a code; every enumerator has one.
const vp_error_info& info(vp_code code) noexcept;

/// All entries in code order, for iteration (metrics registration, docs, tests).
const std::array<vp_error_info, vp_code_count>& all_vp_errors() noexcept;

/// Parses "VP004" (case-insensitive); returns false for anything else.
bool parse_vp_code(std::string_view text, vp_code& out) noexcept;

/// A fault ready to be rendered: the code plus the finished English detail text.
struct vp_fault {
  vp_code code = default_vp_code;
  std::string detail;

  friend bool operator==(const vp_fault&, const vp_fault&) = default;
};

/// Applies the code's detail template to `argument` the way VP's
/// String.format(template, argument) does: the first "%s" is replaced, a
/// template without "%s" ignores the argument (VP008, VP013, VP014).
std::string format_detail(vp_code code, std::string_view argument);

/// make_fault(code, arg) == vp_fault{code, format_detail(code, arg)}.
vp_fault make_fault(vp_code code, std::string_view argument = {});

/// "VP004 [<instance name>] <Swedish message>", the faultstring text (unescaped).
std::string fault_string(vp_code code, std::string_view instance_name);

/// "SOAP-ENV:Client" or "SOAP-ENV:Server".
std::string_view fault_code_qname(soap_fault_code code) noexcept;

/// The complete SOAP 1.1 fault body VP sends (no XML declaration), with the
/// inserted values XML-escaped. Content-Type is text/xml; charset=UTF-8 and
/// the HTTP status is info(code).http_status.
std::string render_soap_fault(const vp_fault& fault, std::string_view instance_name);

}  // namespace tidnav::core
