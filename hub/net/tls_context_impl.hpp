// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: the Asio SSL context behind tls_context and per-connection helpers.
#pragma once

#include <string>

#include <boost/asio/ssl/context.hpp>
#include <boost/system/error_code.hpp>

#include "hub/net/peer_identity.hpp"
#include "hub/net/tls_context.hpp"

namespace tidnav::net {

struct tls_context::impl {
  impl(boost::asio::ssl::context::method m, bool server_side) : ctx(m), server(server_side) {}

  boost::asio::ssl::context ctx;
  bool server;
  client_tls_options client;  // per-connection settings (client side only)
};

namespace detail {

// Client side, before the handshake: SNI and the name/IP the certificate must carry.
void prepare_client_ssl(SSL* ssl, const tls_context::impl& ctx, const std::string& host, bool host_is_ip,
                        boost::system::error_code& ec);

// After a successful handshake.
peer_identity peer_identity_from_ssl(SSL* ssl);

}  // namespace detail
}  // namespace tidnav::net
