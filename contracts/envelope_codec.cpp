// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/envelope_codec.hpp"

#include "contracts/xml_prescreen.hpp"

#include <algorithm>
#include <cstring>

namespace tidnav::contracts {
namespace {

soap_context& context_of(soap* s) { return *static_cast<soap_context*>(s->user); }

int send_to_string(soap* s, const char* data, std::size_t n) {
  context_of(s).out_.append(data, n);
  return SOAP_OK;
}

std::size_t recv_from_view(soap* s, char* buf, std::size_t n) {
  auto& in = context_of(s).in_;
  n = std::min(n, in.size());
  std::memcpy(buf, in.data(), n);
  in.remove_prefix(n);
  return n;
}

const char* or_empty(const char* s) { return s ? s : ""; }

std::string describe(soap* s) {
  const char* text = *soap_faultstring(s);
  std::string msg = text ? text : "gSOAP error " + std::to_string(s->error);
  if (const char* d = *soap_faultdetail(s); d && *d) msg += std::string(": ") + d;
  if (s->tag[0]) msg += std::string(" (at <") + s->tag + ">)";
  return msg;
}

}  // namespace

soap_context::soap_context(const Namespace* namespaces, const codec_limits& limits)
    : soap_(soap_new2(SOAP_ENC_PLAIN | SOAP_C_UTFSTRING | SOAP_XML_TREE,
                      SOAP_ENC_PLAIN | SOAP_C_UTFSTRING | SOAP_XML_TREE)),
      limits_(limits) {
  soap_->user = this;
  soap_->fsend = send_to_string;
  soap_->frecv = recv_from_view;
  soap_->recv_maxlength = static_cast<ULONG64>(limits.max_message_bytes);
  soap_->maxlength = static_cast<long>(limits.max_string_bytes);
  soap_->maxlevel = static_cast<unsigned short>(limits.max_depth);
  soap_set_namespaces(soap_, namespaces);
}

soap_context::~soap_context() {
  clear();
  soap_free(soap_);
}

void soap_context::clear() {
  soap_destroy(soap_);
  soap_end(soap_);
  soap_->header = nullptr;
  soap_->fault = nullptr;
  out_.clear();
  in_ = {};
}

namespace detail {

int begin_write(soap_context& ctx, const soap_headers* headers) {
  // Objects the caller allocated on this context stay alive: only the output
  // and the header of the previous message are reset.
  soap* s = ctx.get();
  ctx.out_.clear();
  s->header = nullptr;
  soap_begin(s);
  s->encodingStyle = nullptr;  // document/literal: no SOAP-ENV:encodingStyle
  if (headers && (headers->logical_address || headers->wsa_to || headers->actor)) {
    soap_header(s);
    if (headers->logical_address) {
      s->header->itr__LogicalAddress = soap_new_std__string(s);
      *s->header->itr__LogicalAddress = *headers->logical_address;
    }
    if (headers->wsa_to) {
      s->header->wsa5__To = soap_new_std__string(s);
      *s->header->wsa5__To = *headers->wsa_to;
    }
    if (headers->actor) {
      auto* actor = soap_new_ih__ActorType(s);
      actor->actorId = headers->actor->id;
      if (soap_s2ih__ActorTypeEnum(s, headers->actor->type.c_str(), &actor->actorType) != SOAP_OK) {
        return s->error;
      }
      s->header->ih__Actor = actor;
    }
    soap_serializeheader(s);
  }
  return SOAP_OK;
}

int end_write(soap_context& ctx) {
  soap* s = ctx.get();
  if (soap_body_end_out(s) || soap_envelope_end_out(s) || soap_end_send(s)) return s->error;
  return SOAP_OK;
}

codec_error begin_read(soap_context& ctx, std::string_view xml, bool envelope, bool ignore_namespaces) {
  if (auto bad = prescreen_xml(xml, ctx.limits().max_message_bytes)) {
    return {codec_error::kind::rejected, bad->message + " at byte " + std::to_string(bad->offset)};
  }
  soap* s = ctx.get();
  ctx.clear();
  ctx.in_ = xml;
  if (ignore_namespaces) {
    soap_set_imode(s, SOAP_XML_IGNORENS);
  } else {
    soap_clr_imode(s, SOAP_XML_IGNORENS);
  }
  soap_begin(s);
  if (soap_begin_recv(s) ||
      (envelope && (soap_envelope_begin_in(s) || soap_recv_header(s) || soap_body_begin_in(s)))) {
    return {codec_error::kind::malformed, describe(s)};
  }
  return {};
}

codec_error end_read(soap_context& ctx, bool envelope) {
  soap* s = ctx.get();
  if ((envelope && (soap_body_end_in(s) || soap_envelope_end_in(s))) || soap_end_recv(s)) {
    return {codec_error::kind::malformed, describe(s)};
  }
  return {};
}

codec_error body_error(soap_context& ctx) {
  soap* s = ctx.get();
  if (s->error == SOAP_TAG_MISMATCH || s->error == SOAP_NO_TAG) {
    // Not the expected element: maybe a SOAP Fault (as generated proxies check).
    soap_recv_fault(s, 0);
    if (s->fault && *soap_faultstring(s)) {
      codec_error e{codec_error::kind::fault, "SOAP fault"};
      e.fault_code = or_empty(*soap_faultcode(s));
      e.fault_string = or_empty(*soap_faultstring(s));
      e.fault_detail = or_empty(soap_fault_detail(s));
      e.message = "SOAP fault " + e.fault_code + ": " + e.fault_string;
      return e;
    }
  }
  return {codec_error::kind::malformed, describe(s)};
}

codec_error write_error(soap_context& ctx) {
  return {codec_error::kind::internal, describe(ctx.get())};
}

}  // namespace detail

soap_headers headers_of(soap_context& ctx) {
  soap_headers h;
  const SOAP_ENV__Header* header = ctx.get()->header;
  if (!header) return h;
  if (header->itr__LogicalAddress) h.logical_address = *header->itr__LogicalAddress;
  if (header->wsa5__To) h.wsa_to = *header->wsa5__To;
  if (header->ih__Actor) {
    h.actor = actor_header{header->ih__Actor->actorId,
                           or_empty(soap_ih__ActorTypeEnum2s(ctx.get(), header->ih__Actor->actorType))};
  }
  return h;
}

std::string write_fault(soap_context& ctx, bool client, std::string_view fault_string,
                        std::string_view detail_text) {
  soap* s = ctx.get();
  ctx.clear();
  soap_begin(s);
  s->encodingStyle = nullptr;
  const std::string text(fault_string);
  std::string detail;
  if (!detail_text.empty()) {
    // The detail is written verbatim as XML by gSOAP; escape it as text.
    detail.reserve(detail_text.size() + 16);
    for (char c : detail_text) {
      switch (c) {
        case '<': detail += "&lt;"; break;
        case '>': detail += "&gt;"; break;
        case '&': detail += "&amp;"; break;
        default: detail += c;
      }
    }
  }
  if (client) {
    soap_sender_fault(s, text.c_str(), detail.empty() ? nullptr : detail.c_str());
  } else {
    soap_receiver_fault(s, text.c_str(), detail.empty() ? nullptr : detail.c_str());
  }
  soap_send_fault(s);
  return std::move(ctx.out_);
}

}  // namespace tidnav::contracts
