// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/loose_builder.hpp"

#include <pugixml.hpp>

#include <cctype>
#include <sstream>

namespace tidnav::contracts {
namespace {

struct step {
  std::string name;
  int index = 0;  // 0 = last existing (or new), n = n-th
};

bool valid_name(std::string_view n) {
  if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
  for (char c : n) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return false;
  }
  return true;
}

bool split_path(std::string_view path, std::vector<step>& steps) {
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    step s;
    if (auto br = part.find('['); br != std::string_view::npos) {
      if (part.back() != ']') return false;
      const std::string digits(part.substr(br + 1, part.size() - br - 2));
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return false;
      s.index = std::stoi(digits);
      if (s.index < 1) return false;
      part = part.substr(0, br);
    }
    if (!valid_name(part)) return false;
    s.name = std::string(part);
    steps.push_back(std::move(s));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return !steps.empty();
}

pugi::xml_node nth_child(pugi::xml_node parent, const std::string& name, int n) {
  int seen = 0;
  for (pugi::xml_node c = parent.child(name.c_str()); c; c = c.next_sibling(name.c_str())) {
    if (++seen == n) return c;
  }
  for (; seen < n; ++seen) parent.append_child(name.c_str());
  return parent.last_child();
}

}  // namespace

bool parse_field(std::string_view text, field& out) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  out.path = std::string(text.substr(0, eq));
  out.value = std::string(text.substr(eq + 1));
  return true;
}

std::string build_loose_element(std::string_view root, const std::vector<field>& fields, std::string& error) {
  pugi::xml_document doc;
  pugi::xml_node top = doc.append_child(std::string(root).c_str());
  for (const auto& f : fields) {
    std::vector<step> steps;
    if (!split_path(f.path, steps)) {
      error = "bad field path '" + f.path + "' (expected name, a.b.c or a[2].b)";
      return {};
    }
    pugi::xml_node at = top;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const bool leaf = i + 1 == steps.size();
      const step& s = steps[i];
      if (s.index > 0) {
        at = nth_child(at, s.name, s.index);
      } else if (leaf) {
        at = at.append_child(s.name.c_str());  // a repeated leaf adds a sibling
      } else {
        pugi::xml_node last;
        for (pugi::xml_node c = at.child(s.name.c_str()); c; c = c.next_sibling(s.name.c_str())) last = c;
        at = last ? last : at.append_child(s.name.c_str());
      }
    }
    if (at.first_child().type() == pugi::node_element) {
      error = "field '" + f.path + "' names an element that has children";
      return {};
    }
    at.text().set(f.value.c_str());
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

}  // namespace tidnav::contracts
