// SPDX-License-Identifier: GPL-2.0-or-later
// Reading what legacy producers really send. Each function accepts the known
// defects, returns the normalised value, and notes every violation on the
// producer's counter (violations.hpp). Nothing here fails a request: a value
// that cannot be repaired is reported as absent and the caller decides whether
// the item it belongs to can still be used.
#pragma once

#include "adapters/bridge/violations.hpp"
#include "adapters/core/booking_model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::bridge {

bool is_hsa_id(std::string_view text);

class lenient_reader {
 public:
  // `contract` names the producer's operation in the log lines ("GetAvailableTimeslots").
  lenient_reader(violation_counter& counter, std::string_view contract) : counter_(counter), contract_(contract) {}

  // An optional text; an empty element is absent.
  std::optional<std::string> text(const std::string* value, std::string_view element);
  std::string text_or_empty(const std::string* value, std::string_view element) {
    return text(value, element).value_or(std::string());
  }
  // A TS, normalised to 14 digits (12 digits get seconds 00), with its instant.
  struct time_point {
    std::string ts;
    instant at;
  };
  std::optional<time_point> timestamp(const std::string* value, std::string_view element);
  // A performer usable as an HSA-id, or absent (a local staff id, a name...).
  std::optional<std::string> performer(const std::string* value, std::string_view element);
  // A personnummer/samordningsnummer in any of the forms producers use: as is,
  // wrapped in the schema's literal ^...$, with a hyphen or plus sign, or with
  // 10 digits (the century then comes from `expected` when its last ten digits
  // match, else from the date). Unrepairable: `expected` when given, else absent.
  std::optional<person_id> person(const std::string* value, const std::optional<person_id>& expected,
                                  std::string_view element);
  // A boolean flag; absent means false (TKB).
  static bool flag(const bool* value) { return value && *value; }

  void missing(std::string_view element) { counter_.note(violation::missing_element, where(element), ""); }
  void note(violation v, std::string_view element, std::string_view value) { counter_.note(v, where(element), value); }

 private:
  std::string where(std::string_view element) const;

  violation_counter& counter_;
  std::string_view contract_;
};

}  // namespace tidnav::adapters::bridge
