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
// prefixes the units' items usually use, so most copies need no declaration.
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

}  // namespace

std::string merge_answers(aggregate_kind k, const std::vector<unit_answer>& answers, std::string_view now_ts) {
  const aggregate_contract& c = contract_of(k);
  pugi::xml_document doc;
  const skeleton out = build_skeleton(doc, c);

  std::vector<processing_status_record> records;
  records.reserve(answers.size());
  std::deque<unit_items> parsed;  // a deque never moves its elements, so nodes stay valid
  std::vector<const merge_item*> items;
  result_summary summary;

  for (const unit_answer& a : answers) {
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
    records.push_back(data_from_source(a.logical_address, now_ts));
    for (const merge_item& item : u.items) items.push_back(&item);
  }

  // First seen wins (answer order, then document order), then a stable sort,
  // so equal keys keep that order too.
  std::unordered_set<std::string_view> seen;
  seen.reserve(items.size());
  std::erase_if(items, [&](const merge_item* item) {
    return !item->key.identity.empty() && !seen.insert(item->key.identity).second;
  });
  std::stable_sort(items.begin(), items.end(),
                   [](const merge_item* a, const merge_item* b) { return item_before(a->key, b->key); });
  for (const merge_item* item : items) append_copy_with(out.response, item->node, item->declarations);

  if (c.has_result_code) summary.append_to(out.response, c);
  append_processing_status(out.header, records);

  std::string text;
  string_writer writer(text);
  doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return text;
}

std::string empty_aggregate_response(aggregate_kind k, std::string_view now_ts) { return merge_answers(k, {}, now_ts); }

}  // namespace tidnav::core
