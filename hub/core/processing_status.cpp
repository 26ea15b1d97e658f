// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/processing_status.hpp"

#include <utility>

#include "hub/core/aggregate_text.hpp"

namespace tidnav::core {
namespace {

// Fault texts can carry a whole stack trace; the consumer needs the gist.
constexpr std::size_t max_error_text_bytes = 1000;

void append_text_child(pugi::xml_node parent, const char* qname, std::string_view text,
                       std::size_t max_bytes = std::string::npos) {
  pugi::xml_node e = parent.append_child(qname);
  if (!text.empty()) e.append_child(pugi::node_pcdata).set_value(xml_safe_text(text, max_bytes).c_str());
}

}  // namespace

std::string_view to_string(causing_agent a) noexcept {
  switch (a) {
    case causing_agent::service_catalog: return "service_catalog";
    case causing_agent::virtualization_platform: return "virtualization_platform";
    case causing_agent::service_producer: return "service_producer";
    case causing_agent::engagement_index: return "engagement_index";
    case causing_agent::other: return "other";
  }
  return "other";
}

std::string_view to_string(processing_status_code c) noexcept {
  switch (c) {
    case processing_status_code::data_from_source: return "DataFromSource";
    case processing_status_code::data_from_cache: return "DataFromCache";
    case processing_status_code::data_from_cache_synch_failed: return "DataFromCacheSynchFailed";
    case processing_status_code::no_data_synch_failed: return "NoDataSynchFailed";
  }
  return "NoDataSynchFailed";
}

processing_status_record data_from_source(std::string_view logical_address, std::string_view now_ts) {
  processing_status_record r;
  r.logical_address = logical_address;
  r.status = processing_status_code::data_from_source;
  r.from_cache = false;
  r.in_synch = true;
  r.last_successful_synch = now_ts;
  return r;
}

processing_status_record data_from_cache(std::string_view logical_address, std::string_view last_ok_ts) {
  processing_status_record r;
  r.logical_address = logical_address;
  r.status = processing_status_code::data_from_cache;
  r.from_cache = true;
  r.in_synch = true;
  r.last_successful_synch = last_ok_ts;
  return r;
}

processing_status_record data_from_cache_synch_failed(std::string_view logical_address, std::string_view last_ok_ts,
                                                      std::string_view now_ts, synch_error error) {
  processing_status_record r;
  r.logical_address = logical_address;
  r.status = processing_status_code::data_from_cache_synch_failed;
  r.from_cache = true;
  r.in_synch = false;
  r.last_successful_synch = last_ok_ts;
  r.last_unsuccessful_synch = std::string(now_ts);
  r.error = std::move(error);
  return r;
}

processing_status_record no_data_synch_failed(std::string_view logical_address, std::string_view now_ts,
                                              synch_error error) {
  processing_status_record r;
  r.logical_address = logical_address;
  r.status = processing_status_code::no_data_synch_failed;
  r.from_cache = false;
  r.in_synch = false;
  // Empty, not absent: see the header comment.
  r.last_successful_synch.clear();
  r.last_unsuccessful_synch = std::string(now_ts);
  r.error = std::move(error);
  return r;
}

pugi::xml_node append_processing_status(pugi::xml_node parent, const std::vector<processing_status_record>& records) {
  pugi::xml_node ps = parent.append_child("ih:ProcessingStatus");
  ps.append_attribute("xmlns:ih").set_value(std::string(interop_headers_ns).c_str());
  for (const processing_status_record& r : records) {
    pugi::xml_node rec = ps.append_child("ih:ProcessingStatusList");
    append_text_child(rec, "ih:logicalAddress", r.logical_address);
    append_text_child(rec, "ih:statusCode", to_string(r.status));
    append_text_child(rec, "ih:isResponseFromCache", r.from_cache ? "true" : "false");
    append_text_child(rec, "ih:isResponseInSynch", r.in_synch ? "true" : "false");
    append_text_child(rec, "ih:lastSuccessfulSynch", r.last_successful_synch);
    if (r.last_unsuccessful_synch) append_text_child(rec, "ih:lastUnsuccessfulSynch", *r.last_unsuccessful_synch);
    if (r.error) {
      pugi::xml_node err = rec.append_child("ih:lastUnsuccessfulSynchError");
      append_text_child(err, "ih:causingAgent", to_string(r.error->agent));
      append_text_child(err, "ih:code", r.error->code);
      append_text_child(err, "ih:text", r.error->text, max_error_text_bytes);
    }
  }
  return ps;
}

}  // namespace tidnav::core
