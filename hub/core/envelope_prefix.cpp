// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/envelope_prefix.hpp"

#include <cstring>

namespace tidnav::core {
namespace {

constexpr bool is_name_end(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>';
}

std::optional<std::size_t> skip_past(std::string_view s, std::size_t from, std::string_view terminator) noexcept {
  const auto end = s.find(terminator, from);
  if (end == std::string_view::npos) return std::nullopt;
  return end + terminator.size();
}

}  // namespace

std::optional<std::size_t> operation_prefix_length(std::string_view s) noexcept {
  bool after_body = false;
  std::size_t i = 0;
  while (true) {
    const auto lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) return std::nullopt;
    const std::string_view rest = s.substr(lt);
    std::optional<std::size_t> next;
    if (rest.substr(0, 4) == "<!--") {
      next = skip_past(s, lt + 4, "-->");
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      next = skip_past(s, lt + 9, "]]>");
    } else if (rest[1] == '?') {
      next = skip_past(s, lt + 2, "?>");
    } else if (rest[1] == '!') {
      return std::nullopt;  // DOCTYPE and friends: the full parse rejects them
    } else if (rest[1] == '/') {
      next = skip_past(s, lt + 2, ">");
    } else {
      const auto gt = tag_end(s, lt + 1);
      if (!gt) return std::nullopt;
      if (after_body) return *gt + 1;
      std::size_t name_end = lt + 1;
      while (name_end < s.size() && !is_name_end(s[name_end])) ++name_end;
      std::string_view name = s.substr(lt + 1, name_end - lt - 1);
      if (const auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
      if (name == "Body") after_body = true;
      next = *gt + 1;
    }
    if (!next) return std::nullopt;
    i = *next;
  }
}

bool may_contain_declaration(std::string_view s) noexcept {
  constexpr std::string_view keywords[] = {"DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST", "NOTATION"};
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  for (const char* p = begin; p < end;) {
    const void* hit = std::memchr(p, '!', static_cast<std::size_t>(end - p));
    if (hit == nullptr) return false;
    const char* bang = static_cast<const char*>(hit);
    if (bang > begin && bang[-1] == '<') {
      const std::string_view rest(bang + 1, static_cast<std::size_t>(end - bang - 1));
      for (const auto kw : keywords) {
        if (rest.substr(0, kw.size()) == kw) return true;
      }
    }
    p = bang + 1;
  }
  return false;
}

std::optional<std::size_t> tag_end(std::string_view xml, std::size_t from) noexcept {
  char quote = 0;
  for (std::size_t i = from; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace tidnav::core
