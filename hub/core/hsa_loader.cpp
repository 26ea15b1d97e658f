// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/hsa_loader.hpp"

#include <unordered_map>

#include <pugixml.hpp>

#include "hub/core/source_text.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::core {
namespace {

std::string location(std::string_view source, std::string_view xml, pugi::xml_node n) {
  return std::string(source) + ":" + std::to_string(line_at(xml, static_cast<std::size_t>(n.offset_debug())));
}

}  // namespace

result<hsa_file, std::string> parse_hsa_xml(std::string_view xml, std::string_view source_name) {
  pugi::xml_document doc;
  const auto pr = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype);
  if (!pr) {
    return fail(std::string(source_name) + ":" + std::to_string(line_at(xml, static_cast<std::size_t>(pr.offset))) +
                ": XML parse error: " + pr.description());
  }
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) return fail(std::string(source_name) + ": DOCTYPE is not allowed");
  }

  hsa_file out;
  const pugi::xml_node root = doc.document_element();
  out.created = trim_ascii(child_by_local_name(root, "endDate").text().get());

  std::unordered_map<std::string, pugi::xml_node> seen_dn;
  for (pugi::xml_node e = root; e; e = next_element(e)) {
    if (local_name(e.name()) != "hsaUnit") continue;
    const pugi::xml_node id = child_by_local_name(e, "hsaIdentity");
    const pugi::xml_node dn = child_by_local_name(e, "DN");
    const pugi::xml_node name = child_by_local_name(e, "name");
    hsa_unit unit{std::string(trim_ascii(id.text().get())), dn.text().get(), name.text().get()};
    if (unit.hsa_id.empty() || !dn || trim_ascii(unit.dn).empty() || !name) {
      out.warnings.push_back(location(source_name, xml, e) + ": hsaUnit skipped: needs hsaIdentity, DN and name");
      continue;
    }
    const auto [it, inserted] = seen_dn.try_emplace(canonical_dn(unit.dn), e);
    if (!inserted) {
      return fail(location(source_name, xml, e) + ": duplicate DN '" + it->first + "' (first at line " +
                  std::to_string(line_at(xml, static_cast<std::size_t>(it->second.offset_debug()))) + ")");
    }
    out.units.push_back(std::move(unit));
  }
  return out;
}

result<hsa_tree_build, std::vector<std::string>> load_hsa_files(const std::vector<std::string>& paths) {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::vector<hsa_unit> units;
  for (const auto& path : paths) {
    auto text = read_text_file(path);
    if (!text) {
      errors.push_back(text.error());
      continue;
    }
    auto file = parse_hsa_xml(*text, path);
    if (!file) {
      errors.push_back(std::move(file).error());
      continue;
    }
    for (auto& w : file->warnings) warnings.push_back(std::move(w));
    for (auto& u : file->units) units.push_back(std::move(u));
  }
  if (!errors.empty()) return fail(std::move(errors));
  hsa_tree_build built = build_hsa_tree(std::move(units));
  warnings.insert(warnings.end(), std::make_move_iterator(built.warnings.begin()),
                  std::make_move_iterator(built.warnings.end()));
  built.warnings = std::move(warnings);
  return built;
}

}  // namespace tidnav::core
