// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/ei_posting_system.hpp"

#include "hub/ei/timestamp.hpp"

namespace tidnav::adapters::host {

ei_posting_system::ei_posting_system(booking_system& inner, const unit_table& units, ei_post_settings settings,
                                     ei_destination to, ei_outbox& outbox, hooks h)
    : forwarding_system(inner),
      units_(units),
      settings_(std::move(settings)),
      to_(std::move(to)),
      outbox_(outbox),
      hooks_(std::move(h)) {}

instant ei_posting_system::now() const {
  return hooks_.clock ? hooks_.clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::optional<ei_posting_system::known_booking> ei_posting_system::read(std::string_view unit, std::string_view id,
                                                                         deadline until) {
  auto found = inner().appointment_by_id(unit, id, until);
  if (!found) return std::nullopt;
  const appointment& a = found.value();
  known_booking k;
  k.key.person = a.person.number;
  k.key.native_unit = a.slot.unit.empty() ? std::string(unit) : a.slot.unit;
  k.key.native_id = a.id.empty() ? std::string(id) : a.id;
  // The booking's own unit when consumers can address it, else the unit the call came through.
  const unit_entry* u = units_.by_native_id(k.key.native_unit);
  if (!u) u = units_.by_native_id(unit);
  if (!u || k.key.person.empty()) return std::nullopt;
  k.key.unit_hsa_id = u->hsa_id;
  if (a.slot.start != instant{}) k.start = a.slot.start;
  return k;
}

std::optional<ei_posting_system::known_booking> ei_posting_system::assumed(
    std::string_view unit, std::string_view id, const std::optional<person_id>& person) const {
  const unit_entry* u = units_.by_native_id(unit);
  if (!person || person->number.empty() || !u) return std::nullopt;
  return known_booking{{person->number, u->hsa_id, std::string(unit), std::string(id)}, std::nullopt};
}

void ei_posting_system::post(std::vector<ei::engagement_transaction> transactions, const std::string& person) {
  if (transactions.empty()) return;  // no domain to post under
  try {
    // One queue per person: that person's changes reach the index in order.
    outbox_.append(person, to_.logical_address, to_.target, transactions,
                   ei::to_unix_ms(std::chrono::system_clock::now()));
  } catch (const std::exception& e) {
    ++failures_;
    if (hooks_.on_problem) hooks_.on_problem(std::string("ei_outbox_failed: ") + e.what());
    return;
  }
  if (hooks_.enqueued) hooks_.enqueued();
}

booking_result<write_receipt> ei_posting_system::make(std::string_view unit, const make_request& request,
                                                      deadline until) {
  auto done = inner().make(unit, request, until);
  if (!done) return done;
  const std::string& id = done.value().appointment;
  auto k = read(unit, id, until);
  if (!k) k = assumed(unit, id, request.person);
  if (k) post(upsert_posts(settings_, k->key, k->start, now()), k->key.person);
  return done;
}

booking_result<write_receipt> ei_posting_system::update(std::string_view unit, const update_request& request,
                                                        deadline until) {
  auto before = read(unit, request.appointment, until);  // the old key, while it still exists
  auto done = inner().update(unit, request, until);
  if (!done) return done;
  const std::string& id = done.value().appointment;
  auto after = read(unit, id, until);
  std::optional<person_id> person = request.person;
  if (!person && before) person = person_id{person_number_kind::personnummer, before->key.person};
  if (!after) after = assumed(unit, id, person);
  if (!person && after) person = person_id{person_number_kind::personnummer, after->key.person};
  if (!before) before = assumed(unit, request.appointment, person);
  if (!after) {
    if (hooks_.on_problem) hooks_.on_problem("ei: booking " + id + " was moved but its person is unknown; not posted");
    return done;
  }
  std::vector<ei::engagement_transaction> tx;
  // A new id or unit is a new key: the old post goes, the new one comes (in this order).
  if (before && before->key != after->key) tx = delete_posts(settings_, before->key);
  for (auto& t : upsert_posts(settings_, after->key, after->start, now())) tx.push_back(std::move(t));
  post(std::move(tx), after->key.person);
  return done;
}

booking_result<write_receipt> ei_posting_system::cancel(std::string_view unit, const cancel_request& request,
                                                        deadline until) {
  auto before = read(unit, request.appointment, until);  // after the cancel it is not_found
  auto done = inner().cancel(unit, request, until);
  if (!done) return done;
  if (!before) before = assumed(unit, request.appointment, request.person);
  if (!before) {
    if (hooks_.on_problem) {
      hooks_.on_problem("ei: booking " + request.appointment + " was cancelled but its person is unknown; not posted");
    }
    return done;
  }
  post(delete_posts(settings_, before->key), before->key.person);
  return done;
}

booking_result<write_receipt> ei_posting_system::confirm(std::string_view unit, const confirm_request& request,
                                                         deadline until) {
  auto done = inner().confirm(unit, request, until);
  if (!done) return done;
  const std::string id = done.value().appointment.empty() ? request.appointment : done.value().appointment;
  auto k = read(unit, id, until);
  if (!k) k = assumed(unit, id, request.person);
  if (k) post(upsert_posts(settings_, k->key, k->start, now()), k->key.person);
  return done;
}

}  // namespace tidnav::adapters::host
