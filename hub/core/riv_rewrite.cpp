// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/riv_rewrite.hpp"

#include <map>
#include <set>
#include <vector>

#include <pugixml.hpp>

#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/xml_names.hpp"
#include "hub/core/xml_roundtrip.hpp"

namespace tidnav::core {
namespace {

struct move_spec {
  std::string_view from_ns;
  std::string_view to_ns;
  std::string_view from_local;
  std::string_view to_local;
  std::string_view fresh_prefix;  ///< starting point when a new prefix must be invented
};

constexpr move_spec riv20_to_21{wsa_ns, riv21_registry_ns, "To", "LogicalAddress", "itr"};
constexpr move_spec riv21_to_20{riv21_registry_ns, wsa_ns, "LogicalAddress", "To", "wsa"};

bool is_declaration(std::string_view attr_name) noexcept {
  return attr_name == "xmlns" || attr_name.substr(0, 6) == "xmlns:";
}

std::string_view declared_prefix(std::string_view attr_name) noexcept {
  return attr_name.size() > 6 ? attr_name.substr(6) : std::string_view{};
}

// The namespace declarations in scope while walking down the tree. Resolution
// scans from the innermost declaration outwards, so shadowing just works.
class ns_scope {
 public:
  void enter(pugi::xml_node element) {
    marks_.push_back(bindings_.size());
    for (const pugi::xml_attribute a : element.attributes()) {
      if (is_declaration(a.name())) bindings_.push_back({declared_prefix(a.name()), a});
    }
  }

  void leave() {
    bindings_.resize(marks_.back());
    marks_.pop_back();
  }

  /// The declaration binding `prefix` ("" = default namespace), or a null attribute.
  pugi::xml_attribute find(std::string_view prefix) const {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
      if (it->prefix == prefix) return it->decl;
    }
    return {};
  }

 private:
  struct binding {
    std::string_view prefix;
    pugi::xml_attribute decl;
  };
  std::vector<binding> bindings_;
  std::vector<std::size_t> marks_;
};

pugi::xml_node next_element_sibling(pugi::xml_node n) {
  for (pugi::xml_node s = n.next_sibling(); s; s = s.next_sibling()) {
    if (s.type() == pugi::node_element) return s;
  }
  return {};
}

// Pre-order over the elements under (and including) `root` with `scope` kept
// current. Iterative, so a deeply nested hostile payload cannot exhaust the
// stack. `visit` returns false to stop.
template <class Visit>
void walk_elements(pugi::xml_node root, ns_scope& scope, Visit&& visit) {
  pugi::xml_node n = root;
  scope.enter(n);
  if (!visit(n)) return;
  for (;;) {
    if (pugi::xml_node c = first_element_child(n)) {
      n = c;
    } else {
      for (;;) {
        scope.leave();
        if (n == root) return;
        if (pugi::xml_node s = next_element_sibling(n)) {
          n = s;
          break;
        }
        n = n.parent();
      }
    }
    scope.enter(n);
    if (!visit(n)) return;
  }
}

// How a declaration of the old namespace is used. Only element names may rely
// on it for it to be rebound: an attribute named or valued (xsi:type) through
// it would silently change meaning.
struct declaration_use {
  bool used_by_attributes = false;
};

struct moved_element {
  pugi::xml_node element;
  pugi::xml_attribute decl;  ///< the declaration its name resolved through
};

struct analysis {
  std::map<pugi::xml_attribute, declaration_use> old_declarations;
  std::vector<moved_element> moved;
  std::set<std::string, std::less<>> prefixes;  ///< every prefix spelled anywhere
  std::string error;
};

// A QName-looking attribute value ("wsa:Foo") whose prefix resolves to `decl`.
bool value_uses(std::string_view value, const ns_scope& scope, pugi::xml_attribute& decl) {
  const auto colon = value.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  decl = scope.find(value.substr(0, colon));
  return static_cast<bool>(decl);
}

bool inspect(pugi::xml_node element, const ns_scope& scope, const move_spec& spec, analysis& out) {
  const std::string_view name = element.name();
  const std::string_view prefix = prefix_of(name);
  if (!prefix.empty()) out.prefixes.emplace(prefix);
  if (prefix != "xml") {
    const pugi::xml_attribute decl = scope.find(prefix);
    if (!prefix.empty() && (!decl || *decl.value() == '\0' || prefix == "xmlns")) {
      out.error = "undeclared namespace prefix on element " + std::string(name);
      return false;
    }
    if (decl && decl.value() == spec.from_ns) {
      out.moved.push_back({element, decl});
      out.old_declarations[decl];
    }
  }
  for (const pugi::xml_attribute a : element.attributes()) {
    const std::string_view an = a.name();
    if (is_declaration(an)) {
      if (an.size() > 6) out.prefixes.emplace(declared_prefix(an));
      if (a.value() == spec.from_ns) out.old_declarations[a];
      continue;
    }
    const std::string_view ap = prefix_of(an);
    if (!ap.empty() && ap != "xml") {
      out.prefixes.emplace(ap);
      const pugi::xml_attribute decl = scope.find(ap);
      if (!decl || *decl.value() == '\0') {
        out.error = "undeclared namespace prefix on attribute " + std::string(an) + " of element " + std::string(name);
        return false;
      }
      if (decl.value() == spec.from_ns) out.old_declarations[decl].used_by_attributes = true;
    }
    if (pugi::xml_attribute decl; value_uses(a.value(), scope, decl) && decl.value() == spec.from_ns) {
      out.old_declarations[decl].used_by_attributes = true;
    }
  }
  return true;
}

std::string unused_prefix(const std::set<std::string, std::less<>>& taken, std::string_view base) {
  std::string candidate(base);
  for (int i = 1; taken.count(candidate) != 0; ++i) candidate = std::string(base) + std::to_string(i);
  return candidate;
}

void apply(analysis& a, const move_spec& spec) {
  const std::string to_ns(spec.to_ns);
  for (const auto& [decl, use] : a.old_declarations) {
    // pugixml handles are pointers in disguise: a copy edits the same node.
    if (!use.used_by_attributes) pugi::xml_attribute(decl).set_value(to_ns.c_str());
  }
  std::string fresh;
  for (moved_element m : a.moved) {
    const std::string_view name = m.element.name();
    const std::string_view local = local_name(name);
    const std::string new_local(local == spec.from_local ? spec.to_local : local);
    if (a.old_declarations[m.decl].used_by_attributes) {
      if (fresh.empty()) fresh = unused_prefix(a.prefixes, spec.fresh_prefix);
      m.element.set_name((fresh + ":" + new_local).c_str());
      m.element.append_attribute(("xmlns:" + fresh).c_str()).set_value(to_ns.c_str());
    } else if (new_local != local) {
      const std::string_view prefix = prefix_of(name);
      m.element.set_name((prefix.empty() ? new_local : std::string(prefix) + ":" + new_local).c_str());
    }
  }
}

}  // namespace

result<std::string, vp_fault> rewrite_riv_profile(std::string_view envelope, riv_profile from, riv_profile to) {
  if (from == to) return std::string(envelope);
  const move_spec* spec = nullptr;
  if (from == riv_profile::rivtabp20 && to == riv_profile::rivtabp21) spec = &riv20_to_21;
  if (from == riv_profile::rivtabp21 && to == riv_profile::rivtabp20) spec = &riv21_to_20;
  // The platform names the consumer's profile in VP005's detail.
  if (spec == nullptr) return fail(make_fault(vp_code::vp005, to_string(from)));

  pugi::xml_document doc;
  if (auto error = load_faithful(doc, envelope)) return fail(make_fault(vp_code::vp012, *error));
  const pugi::xml_node root = doc.document_element();
  if (!root) return fail(make_fault(vp_code::vp012, "no root element"));

  analysis a;
  ns_scope scope;
  walk_elements(root, scope, [&](pugi::xml_node e) { return inspect(e, scope, *spec, a); });
  if (!a.error.empty()) return fail(make_fault(vp_code::vp012, a.error));
  apply(a, *spec);
  return to_utf8_xml(doc);
}

}  // namespace tidnav::core
