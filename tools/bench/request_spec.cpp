// SPDX-License-Identifier: GPL-2.0-or-later
// The field-based envelope follows `tidnav call` (tools/tidnav/cmd_call.cpp) so that a
// request that works there can be benchmarked with the same options.
#include "tools/bench/request_spec.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "hub/core/envelope_sniffer.hpp"

namespace tidnav::bench {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("--body: cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const contracts::operation& resolve(request_source& s) {
  std::string name = s.contract;
  if (const auto colon = name.find(':'); colon != std::string::npos) {
    s.family = name.substr(0, colon);
    name = name.substr(colon + 1);
  }
  const auto fam = contracts::family_from_name(s.family);
  if (!fam) throw std::invalid_argument("--family: unknown family '" + s.family + "' (2.0, 1.1, 1.0, ei, ping)");
  const auto* op = contracts::find_operation(*fam, name);
  if (!op) throw std::invalid_argument("--contract: no operation '" + name + "' in family " + s.family);
  return *op;
}

std::string envelope_from_fields(request_source& s, const contracts::operation& op) {
  std::vector<contracts::field> fields;
  for (const auto& text : s.fields) {
    contracts::field f;
    if (!contracts::parse_field(text, f)) throw std::invalid_argument("--field: expected name=value, got '" + text + "'");
    fields.push_back(std::move(f));
  }
  std::string error;
  const std::string loose = contracts::build_loose_element(op.name, fields, error);
  if (!error.empty()) throw std::invalid_argument("--field: " + error);
  if (s.logical_address.empty()) throw std::invalid_argument("--logical-address is required with --contract");
  contracts::soap_headers headers;
  if (op.fam == contracts::family::crm10)
    headers.wsa_to = s.logical_address;
  else
    headers.logical_address = s.logical_address;
  if (!s.actor.empty()) {
    const auto colon = s.actor.find(':');
    headers.actor = contracts::actor_header{s.actor.substr(0, colon),
                                            colon == std::string::npos ? "subject_of_care" : s.actor.substr(colon + 1)};
  }
  contracts::codec_error err;
  std::string envelope =
      op.canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &headers, err);
  if (err.what != contracts::codec_error::kind::none)
    throw std::invalid_argument("cannot build " + op.name + ": " + err.message);
  return envelope;
}

net::header_field parse_header(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) throw std::invalid_argument("--header: expected 'Name: value', got '" + text + "'");
  std::string value = text.substr(colon + 1);
  value.erase(0, value.find_first_not_of(" \t"));
  return {text.substr(0, colon), value};
}

}  // namespace

request_spec build_request_spec(request_source src) {
  request_spec spec;
  std::string action = src.soap_action;
  if (!src.body_file.empty()) {
    if (!src.contract.empty()) throw std::invalid_argument("give --body or --contract, not both");
    spec.body = read_file(src.body_file);
    if (action.empty()) {
      // As `tidnav call --file`: <request namespace>:<operation>.
      if (auto info = core::sniff_envelope(spec.body); info && info.value().contract_namespace)
        action = *info.value().contract_namespace + ":" + info.value().operation;
    }
  } else if (!src.contract.empty()) {
    const auto& op = resolve(src);
    spec.body = envelope_from_fields(src, op);
    if (action.empty()) action = op.soap_action;
  } else {
    throw std::invalid_argument("give --body FILE or --contract with --field options");
  }
  spec.headers.push_back({"Content-Type", "text/xml; charset=UTF-8"});
  if (!action.empty()) {
    if (action.front() != '"') action = "\"" + action + "\"";
    spec.headers.push_back({"SOAPAction", action});
  }
  // An explicit --header wins over the defaults above instead of doubling them.
  for (const auto& text : src.extra_headers) {
    auto h = parse_header(text);
    auto* existing = [&]() -> net::header_field* {
      for (auto& f : spec.headers)
        if (net::iequals(f.name, h.name)) return &f;
      return nullptr;
    }();
    if (existing)
      existing->value = std::move(h.value);
    else
      spec.headers.push_back(std::move(h));
  }
  return spec;
}

}  // namespace tidnav::bench
