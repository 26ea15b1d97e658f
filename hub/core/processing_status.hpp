// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The {urn:riv:interoperability:headers:1}ProcessingStatus response header of an
// aggregated answer: one ProcessingStatusList record per called unit.
//
// The records follow the schema's semantics table. One deliberate difference
// from the national aggregator: it leaves lastSuccessfulSynch out of
// NoDataSynchFailed records, which makes the header invalid (the element is
// 1..1). Its type is plain xs:string and the table says "empty", so we write an
// empty element: valid, and a consumer sees "never synchronised" either way.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace tidnav::core {

inline constexpr std::string_view interop_headers_ns = "urn:riv:interoperability:headers:1";

enum class causing_agent : std::uint8_t { service_catalog, virtualization_platform, service_producer, engagement_index, other };

enum class processing_status_code : std::uint8_t {
  data_from_source,
  data_from_cache,
  data_from_cache_synch_failed,
  no_data_synch_failed,
};

/// The schema's enumeration values ("service_producer", "DataFromSource", ...).
std::string_view to_string(causing_agent a) noexcept;
std::string_view to_string(processing_status_code c) noexcept;

/// lastUnsuccessfulSynchError.
struct synch_error {
  causing_agent agent = causing_agent::service_producer;
  std::string code;  ///< "504" timeout, HTTP status for faults, "invalid_response", ...
  std::string text;  ///< short reason
};

/// One ProcessingStatusList. Build it with the functions below, which keep the
/// flags and timestamps consistent with the status code.
struct processing_status_record {
  std::string logical_address;
  processing_status_code status = processing_status_code::data_from_source;
  bool from_cache = false;
  bool in_synch = true;
  std::string last_successful_synch;  ///< yyyyMMddHHmmss, or "" when there never was one
  std::optional<std::string> last_unsuccessful_synch;
  std::optional<synch_error> error;
};

processing_status_record data_from_source(std::string_view logical_address, std::string_view now_ts);
processing_status_record data_from_cache(std::string_view logical_address, std::string_view last_ok_ts);
processing_status_record data_from_cache_synch_failed(std::string_view logical_address, std::string_view last_ok_ts,
                                                      std::string_view now_ts, synch_error error);
processing_status_record no_data_synch_failed(std::string_view logical_address, std::string_view now_ts,
                                              synch_error error);

/// Appends a ProcessingStatus element (prefix "ih", declared on it, so it is
/// correct wherever it is put) with one ProcessingStatusList per record, in
/// order. No records gives an empty element, which the schema allows. Text is
/// cleaned of what XML cannot carry; error text is cut to 1000 bytes.
pugi::xml_node append_processing_status(pugi::xml_node parent, const std::vector<processing_status_record>& records);

}  // namespace tidnav::core
