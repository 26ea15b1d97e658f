// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/message_convert.hpp"

namespace tidnav::net::detail {

void take_request(beast_request&& msg, request_context& out) {
  out.method = std::string(msg.method_string());
  out.target = std::string(msg.target());
  out.version = msg.version();
  out.headers.reserve(16);
  for (const auto& f : msg) out.headers.push_back({std::string(f.name_string()), std::string(f.value())});
  out.body = std::move(msg.body());
}

void make_response(response&& r, unsigned version, bool keep_alive, beast_response& out) {
  out = {};
  out.version(version == 10 ? 10 : 11);
  out.result(r.status);
  for (auto& h : r.headers)
    if (!is_framing_header(h.name)) out.insert(h.name, h.value);
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
}

}  // namespace tidnav::net::detail
