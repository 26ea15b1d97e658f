// SPDX-License-Identifier: GPL-2.0-or-later
// Reads and writes SOAP 1.1 envelopes with the generated gSOAP serialisers,
// from and to memory: gSOAP's own sockets and HTTP stay unused (Beast owns
// the transport). Include this only where typed contract objects are needed;
// it pulls in the generated env module.
#pragma once

#include "contracts/codec_types.hpp"
#include "envH.h"

#include <string>
#include <string_view>

namespace tidnav::contracts {

// One gSOAP context with our flags and limits. Reuse it for many messages on
// one thread (gSOAP contexts are not thread-safe); clear() frees everything
// the last message allocated.
class soap_context {
 public:
  explicit soap_context(const Namespace* namespaces, const codec_limits& limits = {});
  ~soap_context();
  soap_context(const soap_context&) = delete;
  soap_context& operator=(const soap_context&) = delete;

  soap* get() const { return soap_; }
  const codec_limits& limits() const { return limits_; }
  void clear();

  // Memory transport used by the callbacks installed on the context.
  std::string out_;
  std::string_view in_;

 private:
  soap* soap_;
  codec_limits limits_;
};

namespace detail {
// The non-template halves of write/read, in envelope_codec.cpp.
int begin_write(soap_context& ctx, const soap_headers* headers);
int end_write(soap_context& ctx);
codec_error begin_read(soap_context& ctx, std::string_view xml, bool envelope, bool ignore_namespaces);
codec_error end_read(soap_context& ctx, bool envelope);
codec_error body_error(soap_context& ctx);  // a fault, or why the body did not parse
codec_error write_error(soap_context& ctx);
}  // namespace detail

// Serialises `body` as the only child of soap:Body under `tag` ("prefix:Name",
// with the prefix from contracts/typemap.dat), with the given request headers
// (none for responses). Returns the envelope, or sets `err`. Objects the
// caller allocated on `ctx` stay valid; call ctx.clear() when done with them.
template <class T>
std::string write_envelope(soap_context& ctx, const T& body, const char* tag,
                           const soap_headers* headers, codec_error& err) {
  if (detail::begin_write(ctx, headers) == SOAP_OK) {
    body.soap_serialize(ctx.get());
    if (soap_begin_send(ctx.get()) == SOAP_OK && soap_envelope_begin_out(ctx.get()) == SOAP_OK &&
        soap_putheader(ctx.get()) == SOAP_OK && soap_body_begin_out(ctx.get()) == SOAP_OK &&
        body.soap_put(ctx.get(), tag, nullptr) == SOAP_OK && detail::end_write(ctx) == SOAP_OK) {
      err = {};
      return std::move(ctx.out_);
    }
  }
  err = detail::write_error(ctx);
  return {};
}

// Parses a whole envelope whose body holds `tag`. `body` must outlive the next
// ctx.clear(). A SOAP fault in the body comes back as err.what == fault.
template <class T>
bool read_envelope(soap_context& ctx, std::string_view xml, T& body, const char* tag,
                   soap_headers* headers, codec_error& err);

// Parses a bare element (no envelope). With `ignore_namespaces` the element
// and its children are matched by local name only: used to turn loosely built
// XML (tidnav call --field) into a typed object that is then written properly.
template <class T>
bool read_element(soap_context& ctx, std::string_view xml, T& body, const char* tag,
                  bool ignore_namespaces, codec_error& err) {
  err = detail::begin_read(ctx, xml, false, ignore_namespaces);
  if (err) return false;
  body.soap_default(ctx.get());
  if (!body.soap_get(ctx.get(), tag, nullptr)) {
    err = detail::body_error(ctx);
    return false;
  }
  err = detail::end_read(ctx, false);
  return !err;
}

// Reads the SOAP header of the message last parsed on `ctx`.
soap_headers headers_of(soap_context& ctx);

// Writes a SOAP 1.1 fault envelope (Client when `client`, else Server).
std::string write_fault(soap_context& ctx, bool client, std::string_view fault_string,
                        std::string_view detail_text);

template <class T>
bool read_envelope(soap_context& ctx, std::string_view xml, T& body, const char* tag,
                   soap_headers* headers, codec_error& err) {
  err = detail::begin_read(ctx, xml, true, false);
  if (err) return false;
  if (headers) *headers = headers_of(ctx);
  body.soap_default(ctx.get());
  if (!body.soap_get(ctx.get(), tag, nullptr)) {
    err = detail::body_error(ctx);
    return false;
  }
  err = detail::end_read(ctx, true);
  return !err;
}

}  // namespace tidnav::contracts
