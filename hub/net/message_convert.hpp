// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: moves between Beast messages and the plain public types.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "hub/net/http_server.hpp"

namespace tidnav::net::detail {

using beast_request = boost::beast::http::request<boost::beast::http::string_body>;
using beast_response = boost::beast::http::response<boost::beast::http::string_body>;

// Method, target, version, headers (wire order) and body; connection fields are the caller's.
void take_request(beast_request&& msg, request_context& out);

// Status, headers minus framing fields, body, keep-alive and Content-Length.
void make_response(response&& r, unsigned version, bool keep_alive, beast_response& out);

}  // namespace tidnav::net::detail
