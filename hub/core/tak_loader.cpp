// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/tak_loader.hpp"

#include <pugixml.hpp>

#include "hub/core/source_text.hpp"
#include "hub/core/xml_names.hpp"
#include "hub/core/xs_datetime.hpp"

namespace tidnav::core {
namespace {

class entry_reader {
 public:
  entry_reader(pugi::xml_node entry, std::string_view xml, std::string_view source, std::string_view kind,
               std::vector<std::string>& errors)
      : entry_(entry), xml_(xml), source_(source), kind_(kind), errors_(errors) {}

  // Trimmed text of a required child; reports and returns "" when absent or blank.
  std::string required(std::string_view field) {
    const pugi::xml_node n = child_by_local_name(entry_, field);
    const std::string_view text = trim_ascii(n.text().get());
    if (!n || text.empty()) report(std::string("missing ") + std::string(field));
    return std::string(text);
  }

  // Trimmed text of a child that may be empty (the producer URL: blank => VP010).
  std::string optional_text(std::string_view field) {
    return std::string(trim_ascii(child_by_local_name(entry_, field).text().get()));
  }

  std::optional<xs_datetime> date(std::string_view field) {
    const std::string text = required(field);
    if (text.empty()) return std::nullopt;
    auto parsed = parse_xs_datetime(text);
    if (!parsed) report(std::string(field) + " is not an xs:dateTime: '" + text + "'");
    return parsed;
  }

  void report(const std::string& what) {
    std::string msg(source_);
    msg += ':' + std::to_string(line_at(xml_, static_cast<std::size_t>(entry_.offset_debug()))) + ": ";
    msg.append(kind_);
    if (!id_.empty()) msg += " '" + id_ + "'";
    msg += ": " + what;
    errors_.push_back(std::move(msg));
  }

  void set_id(std::string id) { id_ = std::move(id); }
  bool ok() const { return errors_.size() == errors_at_start_; }

 private:
  pugi::xml_node entry_;
  std::string_view xml_;
  std::string_view source_;
  std::string_view kind_;
  std::vector<std::string>& errors_;
  std::size_t errors_at_start_ = errors_.size();
  std::string id_;
};

void read_route(pugi::xml_node e, std::string_view xml, std::string_view source, tak_data& out,
                std::vector<std::string>& errors) {
  entry_reader r(e, xml, source, "virtualiseringsInfo", errors);
  r.set_id(r.optional_text("virtualiseringsInfoId"));
  route rt;
  rt.logical_address = r.required("receiverId");
  rt.profile_name = r.required("rivProfil");
  rt.profile = parse_riv_profile(rt.profile_name);
  rt.contract = r.required("tjansteKontrakt");
  const auto from = r.date("fromTidpunkt");
  const auto to = r.date("tomTidpunkt");
  rt.url = r.optional_text("adress");
  rt.valid = make_validity(from, to);
  rt.source = "tak:" + r.optional_text("virtualiseringsInfoId");
  if (r.ok()) out.routes.push_back(std::move(rt));
}

void read_permission(pugi::xml_node e, std::string_view xml, std::string_view source, tak_data& out,
                     std::vector<std::string>& errors) {
  entry_reader r(e, xml, source, "anropsBehorighetsInfo", errors);
  r.set_id(r.optional_text("anropsBehorighetsInfoId"));
  permission p;
  p.logical_address = r.required("receiverId");
  p.consumer = r.required("senderId");
  p.contract = r.required("tjansteKontrakt");
  const auto from = r.date("fromTidpunkt");
  const auto to = r.date("tomTidpunkt");
  p.valid = make_validity(from, to);
  p.source = "tak:" + r.optional_text("anropsBehorighetsInfoId");
  if (r.ok()) out.permissions.push_back(std::move(p));
}

}  // namespace

result<tak_data, std::vector<std::string>> parse_tak_xml(std::string_view xml, std::string_view source_name) {
  std::vector<std::string> errors;
  pugi::xml_document doc;
  const auto pr = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype);
  if (!pr) {
    errors.push_back(std::string(source_name) + ":" + std::to_string(line_at(xml, static_cast<std::size_t>(pr.offset))) +
                     ": XML parse error: " + pr.description());
    return fail(std::move(errors));
  }
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      errors.push_back(std::string(source_name) + ": DOCTYPE is not allowed");
      return fail(std::move(errors));
    }
  }

  tak_data out;
  for (pugi::xml_node e = doc.document_element(); e; e = next_element(e)) {
    const std::string_view local = local_name(e.name());
    if (local == "virtualiseringsInfo") read_route(e, xml, source_name, out, errors);
    else if (local == "anropsBehorighetsInfo") read_permission(e, xml, source_name, out, errors);
  }
  if (!errors.empty()) return fail(std::move(errors));
  return out;
}

result<tak_data, std::vector<std::string>> load_tak_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return fail(std::vector<std::string>{text.error()});
  return parse_tak_xml(*text, path);
}

void merge_tak_data(tak_data& into, tak_data&& more) {
  into.routes.insert(into.routes.end(), std::make_move_iterator(more.routes.begin()),
                     std::make_move_iterator(more.routes.end()));
  into.permissions.insert(into.permissions.end(), std::make_move_iterator(more.permissions.begin()),
                          std::make_move_iterator(more.permissions.end()));
}

}  // namespace tidnav::core
