// SPDX-License-Identifier: GPL-2.0-or-later
// The kit's consumer side: builds every request from `path=value` fields with
// the generated gSOAP writer (the same way `tidnav call --field` does; no XML
// is pasted together), sends it, times it, validates the answer against our
// schemas and remembers it per contract for the schema, SLA and post-pass checks.
#pragma once

#include "contracts/codec_types.hpp"
#include "contracts/loose_builder.hpp"
#include "contracts/schema_validator.hpp"
#include "tools/conform/answer.hpp"
#include "tools/conform/check_catalogue.hpp"
#include "tools/conform/soap_transport.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::conform {

using fields = std::vector<contracts::field>;

struct call_options {
  std::optional<std::string> logical_address;  // instead of the run's
  std::optional<contracts::actor_header> actor;  // 1.1 only; default: the person as subject_of_care
};

struct contract_record {
  std::vector<double> elapsed_ms;  // every call that got an HTTP answer
  std::size_t validated = 0;       // answers checked against the schema
  std::size_t invalid = 0;
  std::optional<exchange> first_invalid;
  std::string first_invalid_issues;
  std::string not_offered;   // why the producer seems not to offer it ("" if it does, or unknown)
  bool answered = false;     // at least one usable answer
};

class contract_client {
 public:
  contract_client(soap_transport& transport, contract_family fam, std::string logical_address, std::string person,
                  contracts::schema_validator& validator);

  // Throws std::runtime_error when the generated writer refuses the fields (a kit bug).
  std::string build(std::string_view contract, const fields& body, const call_options& options = {}) const;
  answer call(std::string_view contract, const fields& body, std::string purpose, const call_options& options = {});
  // PingForConfiguration (itintegration:monitoring), addressed like every call.
  answer ping(std::string purpose);
  // An envelope the kit spoiled on purpose; not validated, not counted for the schema checks.
  answer send_raw(std::string_view contract, std::string envelope, std::string purpose);

  const std::map<std::string, contract_record, std::less<>>& records() const { return records_; }
  const std::vector<answer>& history() const { return history_; }
  std::size_t calls() const { return calls_; }
  bool offered(std::string_view contract) const;  // not known to be unoffered
  const std::string& logical_address() const { return logical_address_; }
  const std::string& person() const { return person_; }
  contract_family family() const { return family_; }

  // Called before each request (progress output).
  std::function<void(std::string_view contract, std::string_view purpose)> on_call;

 private:
  answer send(contracts::family fam, std::string_view contract, const std::string& action, std::string envelope,
              std::string purpose, bool validate);

  soap_transport& transport_;
  contract_family family_;
  std::string logical_address_;
  std::string person_;
  contracts::schema_validator& validator_;
  std::map<std::string, contract_record, std::less<>> records_;
  std::vector<answer> history_;
  std::size_t calls_ = 0;
};

}  // namespace tidnav::conform
