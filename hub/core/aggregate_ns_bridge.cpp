// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_ns_bridge.hpp"

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

bool namespace_bridge::child_in(pugi::xml_node child, std::string_view uri) {
  if (child.first_attribute()) {
    const auto ns = namespace_uri(child);
    return ns && *ns == uri;
  }
  const outer& o = resolve(prefix_of(child.name()));
  return o.bound && o.uri == uri;
}

// pugixml's own traversal (iterative, so a deeply nested hostile item cannot
// exhaust the stack, and cheaper than stepping through the tree from here).
class namespace_bridge::planner final : public pugi::xml_tree_walker {
 public:
  planner(namespace_bridge& bridge, std::vector<ns_binding>& needed, std::string& why)
      : b_(bridge), needed_(needed), why_(why) {}

  /// The item itself (depth -1: its declarations scope over all of it).
  bool item(pugi::xml_node e) { return element(e, -1); }

  bool for_each(pugi::xml_node& n) override {
    const int d = depth();
    while (!b_.marks_.empty() && b_.marks_.back().depth >= d) {
      b_.inner_.resize(b_.marks_.back().size);
      b_.marks_.pop_back();
    }
    const pugi::xml_node_type type = n.type();
    if (type == pugi::node_element) return element(n, d);
    if (b_.check_text_ && (type == pugi::node_pcdata || type == pugi::node_cdata) && !is_xml_text(n.value())) {
      why_ = "text is not XML (control character or malformed UTF-8)";
      return false;
    }
    return true;
  }

 private:
  bool inner_bound(std::string_view prefix) const {
    for (auto it = b_.inner_.rbegin(); it != b_.inner_.rend(); ++it) {
      if (it->first == prefix) return true;
    }
    return false;
  }

  // `must`: names need a binding; attribute values only might be QNames.
  bool use(std::string_view prefix, bool must) {
    // Most names in an item share one prefix: the last one settled through the
    // source's ancestors stays settled while nothing inside redeclares a prefix.
    if (have_settled_ && b_.inner_.empty() && prefix == settled_) return true;
    if (prefix == "xml" || inner_bound(prefix)) return true;
    const outer& o = b_.resolve(prefix);
    if (!o.bound) {
      if (!must) return true;
      why_ = "undeclared namespace prefix '" + xml_safe_text(prefix, 64) + "'";
      return false;
    }
    settled_ = o.prefix;
    have_settled_ = true;
    if (!o.declare) return true;
    for (const ns_binding& nb : needed_) {
      if (nb.prefix == prefix) return true;
    }
    needed_.push_back({o.prefix, o.uri});
    return true;
  }

  bool element(pugi::xml_node e, int depth) {
    const std::string_view name = e.name();
    if (b_.check_text_ && !is_xml_text(name)) {
      why_ = "element name is not XML";
      return false;
    }
    const pugi::xml_attribute first = e.first_attribute();
    if (first) {
      const std::size_t before = b_.inner_.size();
      for (pugi::xml_attribute a = first; a; a = a.next_attribute()) {
        const std::string_view an = a.name();
        const std::string_view av = a.value();
        if (b_.check_text_ && (!is_xml_text(an) || !is_xml_text(av))) {
          why_ = "attribute of " + xml_safe_text(name, 64) + " is not XML";
          return false;
        }
        if (is_declaration(an)) {
          if (av.empty() && an.size() > 5) {
            why_ = "empty namespace declaration " + xml_safe_text(an, 64);
            return false;
          }
          b_.inner_.emplace_back(declared_prefix(an), av);
        }
      }
      if (b_.inner_.size() != before) b_.marks_.push_back({depth, before});
    }
    const std::string_view prefix = prefix_of(name);
    if (prefix == "xmlns") {
      why_ = "element name uses the xmlns prefix";
      return false;
    }
    if (!use(prefix, true)) return false;
    for (pugi::xml_attribute a = first; a; a = a.next_attribute()) {
      const std::string_view an = a.name();
      if (is_declaration(an)) continue;
      const std::string_view ap = prefix_of(an);
      if (!ap.empty() && !use(ap, true)) return false;
      const std::string_view vp = value_prefix(a.value());
      if (!vp.empty() && !use(vp, false)) return false;
    }
    return true;
  }

  namespace_bridge& b_;
  std::vector<ns_binding>& needed_;
  std::string& why_;
  std::string_view settled_;
  bool have_settled_ = false;
};

bool namespace_bridge::plan(pugi::xml_node item, std::vector<ns_binding>& needed, std::string& why) {
  needed.clear();
  why.clear();
  inner_.clear();
  marks_.clear();
  planner p(*this, needed, why);
  return p.item(item) && item.traverse(p);
}

void declare_on(pugi::xml_node element, const std::vector<ns_binding>& needed) {
  std::string name;
  for (const ns_binding& b : needed) {
    name.assign("xmlns");
    if (!b.prefix.empty()) name.append(":").append(b.prefix);
    element.append_attribute(name.c_str()).set_value(std::string(b.uri).c_str());
  }
}

}  // namespace tidnav::core
