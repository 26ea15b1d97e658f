// SPDX-License-Identifier: GPL-2.0-or-later
// What sched2_driver.cpp and crm11_driver.cpp share: the flow's contract names,
// one call read into a reply, the answer to a write, and the randomness behind
// an unknown id. The fields of each request and the reading of each answer
// element stay in the family's driver.
#pragma once

#include "tools/conform/family_driver.hpp"

#include <optional>
#include <random>
#include <string_view>
#include <type_traits>

namespace tidnav::conform {

// A boolean element: nullopt when absent or empty.
inline std::optional<bool> flag(const pugi::xml_node& parent, std::string_view name) {
  const std::string t = text_of(parent, name);
  if (t.empty()) return std::nullopt;
  return t == "true" || t == "1";
}

// Seeded afresh from the system, so two runs never share an unknown id.
inline std::mt19937_64 random_engine() {
  std::random_device rd;
  return std::mt19937_64(rd());
}

// The booking flow's contracts in one family, and the answer element that names a written booking.
struct flow_contracts {
  std::string_view list, read, make, update, cancel;
  std::string_view written_id;  // appointmentId | bookingId
};

class driver_base : public family_driver {
 public:
  std::string_view list_contract() const override { return contracts_.list; }
  std::string_view read_contract() const override { return contracts_.read; }
  std::string_view make_contract() const override { return contracts_.make; }
  std::string_view update_contract() const override { return contracts_.update; }
  std::string_view cancel_contract() const override { return contracts_.cancel; }

 protected:
  driver_base(contract_client& client, flow_contracts contracts) : client_(client), contracts_(contracts) {}

  // One call; `read(body, value)` fills the reply's value from the answer
  // element (empty on a fault or an unusable answer, so nothing is found).
  template <class T, class Read>
  reply<T> ask(std::string_view contract, const fields& body, std::string purpose, const call_options& options,
               Read read) {
    reply<T> r;
    r.a = client_.call(contract, body, std::move(purpose), options);
    r.ok = r.a.usable();
    read(r.a.body(), r.value);
    return r;
  }

  // One call whose value is every `element` child of the answer, each read by `item(node)`.
  template <class Item>
  auto ask_each(std::string_view contract, const fields& body, std::string purpose, std::string_view element,
                Item item, const call_options& options = {}) {
    using T = std::invoke_result_t<Item&, const pugi::xml_node&>;
    return ask<std::vector<T>>(contract, body, std::move(purpose), options,
                               [&](const pugi::xml_node& answer_body, std::vector<T>& out) {
                                 for (const auto& n : children(answer_body, element)) out.push_back(item(n));
                               });
  }

  // Make, Update or Cancel: the result code and text, and the booking's id when the answer names it.
  reply<write_result> write(std::string_view contract, const fields& body, std::string purpose,
                            const call_options& options = {}) {
    return ask<write_result>(contract, body, std::move(purpose), options,
                             [this](const pugi::xml_node& answer_body, write_result& w) {
                               w = {text_of(answer_body, "resultCode"), text_of(answer_body, "resultText"),
                                    text_of(answer_body, contracts_.written_id)};
                             });
  }

  contract_client& client_;

 private:
  flow_contracts contracts_;
};

}  // namespace tidnav::conform
