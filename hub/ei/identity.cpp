// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/identity.hpp"

#include "hub/core/hsa_id.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace tidnav::ei {
namespace {

void append_field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out.append(v);
  out += ';';
}

void append_hsa_field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  for (char c : v) out += core::ascii_upper(c);
  out += ';';
}

std::string encode(const engagement& e, std::string_view owner) {
  std::string out;
  out.reserve(256);
  append_field(out, e.registered_resident_identification);
  append_field(out, e.service_domain);
  append_field(out, na_if_empty(e.categorization));
  append_hsa_field(out, e.logical_address);
  append_field(out, na_if_empty(e.business_object_instance_identifier));
  append_hsa_field(out, e.source_system);
  append_field(out, e.data_controller);
  append_hsa_field(out, owner);
  append_field(out, na_if_empty(e.clinical_process_interest_id));
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 0x0f];
  }
  return out;
}

}  // namespace

std::string_view na_if_empty(std::string_view v) noexcept { return v.empty() ? std::string_view("NA") : v; }

std::string identity_encoding(const engagement& e) { return encode(e, e.owner ? *e.owner : std::string_view()); }

std::string engagement_id(const engagement& e) { return sha256_hex(identity_encoding(e)); }

std::string engagement_id_with_owner(const engagement& e, std::string_view owner) {
  return sha256_hex(encode(e, owner));
}

}  // namespace tidnav::ei
