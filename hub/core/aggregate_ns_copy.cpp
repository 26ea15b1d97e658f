// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_ns_copy.hpp"

#include <optional>

#include "hub/core/aggregate_text.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::core {
namespace {

bool is_declaration(std::string_view name) noexcept { return name == "xmlns" || name.substr(0, 6) == "xmlns:"; }

std::string_view declared_prefix(std::string_view name) noexcept {
  return name.size() > 6 ? name.substr(6) : std::string_view{};
}

// The URI `prefix` is bound to at `n` (walking out through its ancestors), or
// nullopt when unbound. xmlns:p="" is no binding in XML 1.0 namespaces.
std::optional<std::string_view> lookup(pugi::xml_node n, std::string_view prefix) noexcept {
  for (; n && n.type() == pugi::node_element; n = n.parent()) {
    for (const pugi::xml_attribute a : n.attributes()) {
      const std::string_view name = a.name();
      if (!is_declaration(name) || declared_prefix(name) != prefix) continue;
      const std::string_view uri = a.value();
      if (uri.empty() && !prefix.empty()) return std::nullopt;
      return uri;
    }
  }
  return std::nullopt;
}

// A prefix a QName-valued attribute could be using: "core:TimeslotType" -> "core".
// Anything that cannot be an NCName ("10:30", "http://x") is not one.
std::string_view value_prefix(std::string_view value) noexcept {
  const auto colon = value.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  const std::string_view p = value.substr(0, colon);
  const auto name_start = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (!name_start(p.front())) return {};
  for (const char c : p) {
    if (!name_start(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') return {};
  }
  return p;
}

}  // namespace

const namespace_bridge::outer& namespace_bridge::resolve(std::string_view prefix) {
  for (const outer& o : cache_) {
    if (o.prefix == prefix) return o;
  }
  outer o;
  o.prefix = prefix;
  const auto src = lookup(source_parent_, prefix);
  const auto dst = lookup(dest_parent_, prefix);
  // An unbound default namespace means "no namespace"; an unbound prefix is an error.
  o.bound = src.has_value() || prefix.empty();
  o.uri = src.value_or(std::string_view{});
  o.declare = o.bound && dst.value_or(std::string_view{}) != o.uri;
  cache_.push_back(o);
  return cache_.back();
}

bool namespace_bridge::plan(pugi::xml_node item, std::vector<ns_binding>& needed, std::string& why) {
  needed.clear();
  why.clear();
  inner_.clear();
  marks_.clear();

  const auto inner_bound = [this](std::string_view prefix) {
    for (auto it = inner_.rbegin(); it != inner_.rend(); ++it) {
      if (it->first == prefix) return true;
    }
    return false;
  };
  // `must`: names need a binding; attribute values only might be QNames.
  const auto use = [&](std::string_view prefix, bool must) {
    if (prefix == "xml" || inner_bound(prefix)) return true;
    const outer& o = resolve(prefix);
    if (!o.bound) {
      if (!must) return true;
      why = "undeclared namespace prefix '" + xml_safe_text(prefix, 64) + "'";
      return false;
    }
    if (!o.declare) return true;
    for (const ns_binding& b : needed) {
      if (b.prefix == prefix) return true;
    }
    needed.push_back({o.prefix, o.uri});
    return true;
  };
  const auto visit = [&](pugi::xml_node e) {
    const std::string_view name = e.name();
    if (!is_xml_text(name)) {
      why = "element name is not XML";
      return false;
    }
    marks_.push_back(inner_.size());
    for (const pugi::xml_attribute a : e.attributes()) {
      const std::string_view an = a.name();
      const std::string_view av = a.value();
      if (!is_xml_text(an) || !is_xml_text(av)) {
        why = "attribute of " + xml_safe_text(name, 64) + " is not XML";
        return false;
      }
      if (is_declaration(an)) {
        if (av.empty() && an.size() > 5) {
          why = "empty namespace declaration " + xml_safe_text(an, 64);
          return false;
        }
        inner_.emplace_back(declared_prefix(an), av);
      }
    }
    const std::string_view prefix = prefix_of(name);
    if (prefix == "xmlns" || !use(prefix, true)) {
      if (why.empty()) why = "element name uses the xmlns prefix";
      return false;
    }
    for (const pugi::xml_attribute a : e.attributes()) {
      const std::string_view an = a.name();
      if (is_declaration(an)) continue;
      const std::string_view ap = prefix_of(an);
      if (!ap.empty() && !use(ap, true)) return false;
      const std::string_view vp = value_prefix(a.value());
      if (!vp.empty() && !use(vp, false)) return false;
    }
    return true;
  };

  // Iterative pre-order walk: a hostile, deeply nested item cannot exhaust the stack.
  pugi::xml_node n = item;
  if (!visit(n)) return false;
  for (;;) {
    pugi::xml_node next;
    if (n.type() == pugi::node_element) next = n.first_child();
    while (!next) {
      if (n.type() == pugi::node_element) {
        inner_.resize(marks_.back());
        marks_.pop_back();
      }
      if (n == item) return true;
      next = n.next_sibling();
      if (!next) n = n.parent();
    }
    n = next;
    if (n.type() == pugi::node_element) {
      if (!visit(n)) return false;
    } else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      if (!is_xml_text(n.value())) {
        why = "text is not XML (control character or malformed UTF-8)";
        return false;
      }
    }
  }
}

pugi::xml_node append_copy_with(pugi::xml_node dest_parent, pugi::xml_node item, const std::vector<ns_binding>& needed) {
  pugi::xml_node copy = dest_parent.append_copy(item);
  std::string name;
  for (const ns_binding& b : needed) {
    name.assign("xmlns");
    if (!b.prefix.empty()) name.append(":").append(b.prefix);
    copy.append_attribute(name.c_str()).set_value(std::string(b.uri).c_str());
  }
  return copy;
}

}  // namespace tidnav::core
