// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_merge.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include <pugixml.hpp>

#include "hub/core/aggregate_answer.hpp"
#include "hub/core/aggregate_text.hpp"
#include "hub/core/envelope_sniffer.hpp"

namespace tidnav::core {
namespace {

constexpr std::size_t max_result_text_bytes = 1000;
constexpr const char* items_marker_name = "tidnav-merged-items";
constexpr std::string_view items_marker = "<?tidnav-merged-items?>";

struct string_writer final : pugi::xml_writer {
  std::string& out;
  explicit string_writer(std::string& o) : out(o) {}
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

struct skeleton {
  pugi::xml_node header;
  pugi::xml_node response;
};

// Envelope, Header and the empty response element. The response declares the
// prefixes the units' items usually use, so most items need no declaration
// of their own.
skeleton build_skeleton(pugi::xml_document& doc, const aggregate_contract& c) {
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node env = doc.append_child("soapenv:Envelope");
  env.append_attribute("xmlns:soapenv").set_value(std::string(soap11_envelope_ns).c_str());
  skeleton s;
  s.header = env.append_child("soapenv:Header");
  pugi::xml_node body = env.append_child("soapenv:Body");
  const std::string prefix(c.response_prefix);
  s.response = body.append_child((prefix + ":" + std::string(c.response)).c_str());
  s.response.append_attribute(("xmlns:" + prefix).c_str()).set_value(std::string(c.responder_ns).c_str());
  s.response.append_attribute("xmlns:core").set_value(std::string(c.core_ns).c_str());
  if (!c.ext_ns.empty()) s.response.append_attribute("xmlns:ext").set_value(std::string(c.ext_ns).c_str());
  return s;
}

// GetAvailableTimeslots 2.0 ends with resultCode (1..1) and resultText (0..1).
struct result_summary {
  std::size_t asked = 0;
  std::size_t answered = 0;
  std::string info_text;

  void append_to(pugi::xml_node response, const aggregate_contract& c) const {
    const std::string prefix(c.response_prefix);
    std::string code = "OK";
    std::string text;
    if (asked > 0 && answered == 0) {
      code = "ERROR";
      text = "No care unit answered; see the ProcessingStatus header";
    } else if (!info_text.empty()) {
      code = "INFO";
      text = xml_safe_text(info_text, max_result_text_bytes);
    }
    response.append_child((prefix + ":resultCode").c_str()).text().set(code.c_str());
    if (!text.empty()) response.append_child((prefix + ":resultText").c_str()).text().set(text.c_str());
  }
};

struct identity_hasher {
  std::size_t operator()(const merge_item* m) const noexcept { return identity_hash(m->key); }
};
struct identity_equal {
  bool operator()(const merge_item* a, const merge_item* b) const noexcept { return same_identity(a->key, b->key); }
};

// The item as it stands in its unit's document, with the declarations it needs
// added to it (that document is ours and is dropped after the merge).
void write_item(string_writer& writer, merge_item& item) {
  declare_on(item.node, item.declarations);
  item.node.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
}

}  // namespace

std::string merge_answers(aggregate_kind k, std::vector<unit_answer> answers, std::string_view now_ts) {
  const aggregate_contract& c = contract_of(k);
  pugi::xml_document doc;
  skeleton out = build_skeleton(doc, c);

  std::vector<processing_status_record> records;
  records.reserve(answers.size());
  std::deque<unit_items> parsed;  // a deque never moves its elements, so nodes stay valid
  std::vector<merge_item*> items;
  std::size_t input_bytes = 0;
  result_summary summary;

  for (unit_answer& a : answers) {
    ++summary.asked;
    if (!a.ok) {
      records.push_back(no_data_synch_failed(a.logical_address, now_ts, {a.agent, a.code, a.text}));
      continue;
    }
    unit_items& u = parsed.emplace_back();
    if (auto why = read_unit_answer(k, a.body, a.logical_address, out.response, u)) {
      records.push_back(no_data_synch_failed(a.logical_address, now_ts,
                                             {causing_agent::service_producer, std::string(invalid_response_code),
                                              std::move(*why)}));
      continue;
    }
    if (c.has_result_code && u.result_code == "ERROR") {
      records.push_back(no_data_synch_failed(
          a.logical_address, now_ts,
          {causing_agent::service_producer, "ERROR", u.result_text.empty() ? "resultCode ERROR" : u.result_text}));
      continue;
    }
    if (c.has_result_code && u.result_code == "INFO" && !u.result_text.empty()) {
      if (!summary.info_text.empty()) summary.info_text += "; ";
      summary.info_text += a.logical_address + ": " + u.result_text;
    }
    ++summary.answered;
    input_bytes += a.body.size();
    records.push_back(data_from_source(a.logical_address, now_ts));
    for (merge_item& item : u.items) items.push_back(&item);
  }

  // First seen wins (answer order, then document order), then a stable sort,
  // so equal keys keep that order too.
  std::unordered_set<const merge_item*, identity_hasher, identity_equal> seen;
  seen.reserve(items.size());
  std::erase_if(items, [&](const merge_item* item) { return item->key.has_identity && !seen.insert(item).second; });
  std::stable_sort(items.begin(), items.end(),
                   [](const merge_item* a, const merge_item* b) { return item_before(a->key, b->key); });

  // The items are written by pugixml straight from the units' documents into
  // the place the skeleton marks, instead of being copied into the skeleton
  // first: copying hundreds of subtrees between documents cost as much as
  // writing them. The marker cannot occur elsewhere: the skeleton holds only
  // our own markup and escaped text.
  out.response.append_child(pugi::node_pi).set_name(items_marker_name);
  if (c.has_result_code) summary.append_to(out.response, c);
  append_processing_status(out.header, records);

  std::string skeleton_text;
  string_writer skeleton_writer(skeleton_text);
  doc.save(skeleton_writer, "", pugi::format_raw, pugi::encoding_utf8);
  const std::size_t at = skeleton_text.find(items_marker);

  std::string text;
  text.reserve(skeleton_text.size() + input_bytes);
  text.append(skeleton_text, 0, at);
  string_writer writer(text);
  for (merge_item* item : items) write_item(writer, *item);
  text.append(skeleton_text, at + items_marker.size());
  return text;
}

std::string empty_aggregate_response(aggregate_kind k, std::string_view now_ts) { return merge_answers(k, {}, now_ts); }

}  // namespace tidnav::core
