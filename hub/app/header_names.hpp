// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Header names the platform reads or writes (vp-routing.md §2.2–2.4).

#include <string_view>

namespace tidnav::app::headers {

inline constexpr std::string_view correlation_id = "x-skltp-correlation-id";
inline constexpr std::string_view producer_round_trip = "x-skltp-prt";
inline constexpr std::string_view original_consumer = "x-rivta-original-serviceconsumer-hsaid";
inline constexpr std::string_view routing_history = "x-rivta-routing-history";
inline constexpr std::string_view sender_id = "x-vp-sender-id";
inline constexpr std::string_view instance_id = "x-vp-instance-id";
inline constexpr std::string_view forwarded_for = "X-Forwarded-For";
inline constexpr std::string_view soap_action = "SOAPAction";
inline constexpr std::string_view content_type = "Content-Type";
inline constexpr std::string_view user_agent = "User-Agent";
inline constexpr std::string_view host = "Host";

/// What consumers get on every answer, whatever the producer said.
inline constexpr std::string_view consumer_content_type = "text/xml; charset=UTF-8";

}  // namespace tidnav::app::headers
