// SPDX-License-Identifier: GPL-2.0-or-later
// crm:scheduling 1.1 for the booking flow: a citizen Actor header, units in
// the body, and times named by their fields (1.1 has no slot ids).
#include "tools/conform/conform_options.hpp"
#include "tools/conform/family_driver.hpp"

#include <random>

namespace tidnav::conform {
namespace {

std::optional<bool> flag(const pugi::xml_node& parent, std::string_view name) {
  const std::string t = text_of(parent, name);
  if (t.empty()) return std::nullopt;
  return t == "true" || t == "1";
}

void add_if(fields& f, const std::string& path, const std::string& value) {
  if (!value.empty()) f.push_back({path, value});
}

free_slot slot_of(const pugi::xml_node& t) {
  free_slot s;
  s.start = text_of(t, "startTimeInclusive");
  s.end = text_of(t, "endTimeExclusive");
  s.facility = text_of(t, "healthcare_facility");
  s.performer = text_of(t, "performer");
  s.resource = text_of(t, "resourceID");
  s.time_type = text_of(t, "timeTypeID");
  s.care_type = text_of(t, "careTypeID");
  s.cancel_allowed = flag(t, "cancel_booking_allowed");
  s.update_allowed = flag(t, "rebooking_allowed");
  return s;
}

// requestedTimeslot naming a free time exactly as it was offered.
fields requested(const free_slot& s) {
  fields f{{"requestedTimeslot.startTimeInclusive", s.start}, {"requestedTimeslot.endTimeExclusive", s.end},
           {"requestedTimeslot.healthcare_facility", s.facility}};
  add_if(f, "requestedTimeslot.performer", s.performer);
  return f;
}

void add_slot_tail(fields& f, const free_slot& s, const std::string& person, const std::string& reason) {
  f.push_back({"requestedTimeslot.subject_of_care", person});
  add_if(f, "requestedTimeslot.reason", reason);
  add_if(f, "requestedTimeslot.resourceID", s.resource);
  add_if(f, "requestedTimeslot.timeTypeID", s.time_type);
  add_if(f, "requestedTimeslot.careTypeID", s.care_type);
}

write_result write_of(const answer& a) { return {a.result_code(), a.result_text(), text_of(a.body(), "bookingId")}; }

class crm11_driver final : public family_driver {
 public:
  crm11_driver(contract_client& client, const conform_options& options) : client_(client), options_(options) {}

  std::string_view list_contract() const override { return "GetSubjectOfCareSchedule"; }
  std::string_view read_contract() const override { return "GetBookingDetails"; }
  std::string_view make_contract() const override { return "MakeBooking"; }
  std::string_view update_contract() const override { return "UpdateBooking"; }
  std::string_view cancel_contract() const override { return "CancelBooking"; }

  fields unit_and_person(const std::string& person) const {
    return {{"healthcare_facility", client_.logical_address()}, {"subject_of_care", person}};
  }
  fields list_fields(const std::string& person) const override { return unit_and_person(person); }
  std::string person_field_path() const override { return "subject_of_care"; }

  reply<std::vector<listed_booking>> list(const std::string& person, std::string purpose,
                                          const call_options& options) override {
    reply<std::vector<listed_booking>> r;
    // The body names the unit as the header does (an address test changes both).
    const fields body{{"healthcare_facility", options.logical_address.value_or(client_.logical_address())},
                      {"subject_of_care", person}};
    call_options o = options;
    if (!o.actor) o.actor = contracts::actor_header{person, "subject_of_care"};
    r.a = client_.call("GetSubjectOfCareSchedule", body, std::move(purpose), o);
    r.ok = r.a.usable();
    for (const auto& n : children(r.a.body(), "timeslotDetail")) {
      listed_booking b;
      b.id = text_of(n, "bookingId");
      b.facility = text_of(n, "healthcare_facility");
      b.start = text_of(n, "startTimeInclusive");
      b.end = text_of(n, "endTimeExclusive");
      b.person = text_of(n, "subject_of_care");
      b.invitation = flag(n, "isInvitation").value_or(false);
      r.value.push_back(std::move(b));
    }
    return r;
  }

  reply<booking_details> read(const std::string& id, const std::string& person, std::string purpose) override {
    reply<booking_details> r;
    call_options o;
    o.actor = contracts::actor_header{person, "subject_of_care"};
    r.a = client_.call("GetBookingDetails", {{"healthcare_facility", client_.logical_address()}, {"bookingId", id}},
                       std::move(purpose), o);
    r.ok = r.a.usable();
    const pugi::xml_node n = child(r.a.body(), "timeslotDetail");
    if (!n) return r;
    auto& d = r.value;
    d.found = true;
    d.id = text_of(n, "bookingId");
    d.start = text_of(n, "startTimeInclusive");
    d.end = text_of(n, "endTimeExclusive");
    d.has_start = static_cast<bool>(child(n, "startTimeInclusive"));
    d.has_end = static_cast<bool>(child(n, "endTimeExclusive"));
    d.facility = text_of(n, "healthcare_facility");
    d.person = text_of(n, "subject_of_care");
    d.time_type = text_of(n, "timeTypeID");
    d.purpose = text_of(n, "purpose");
    d.cancel_allowed = flag(n, "cancel_booking_allowed");
    d.update_allowed = flag(n, "rebooking_allowed");
    d.message_allowed = flag(n, "message_allowed");
    d.invitation = flag(n, "isInvitation").value_or(false);
    return r;
  }

  fields search_fields(const search& s) const {
    fields f{{"healthcare_facility", client_.logical_address()}};
    if (s.original) f.push_back({"bookingId", *s.original});
    f.push_back({"startDateInclusive", s.from});
    f.push_back({"endDateInclusive", s.to});
    if (s.time_type) f.push_back({"timeTypeID", *s.time_type});
    f.push_back({"subject_of_care", client_.person()});
    return f;
  }

  reply<std::vector<free_date>> dates(const search& s, std::string purpose) override {
    reply<std::vector<free_date>> r;
    r.a = client_.call("GetAvailableDates", search_fields(s), std::move(purpose));
    r.ok = r.a.usable();
    for (const auto& n : children(r.a.body(), "performerAvailabilityByDate")) {
      free_date d;
      d.date = text_of(n, "date");
      d.time_type = text_of(n, "timeTypeID");
      d.facility = text_of(n, "healthcare_facility");
      r.value.push_back(std::move(d));
    }
    return r;
  }

  reply<std::vector<free_slot>> slots(const search& s, std::string purpose) override {
    reply<std::vector<free_slot>> r;
    r.a = client_.call("GetAvailableTimeslots", search_fields(s), std::move(purpose));
    r.ok = r.a.usable();
    for (const auto& n : children(r.a.body(), "timeslotDetail")) r.value.push_back(slot_of(n));
    return r;
  }

  reply<write_result> make(const free_slot& slot, const std::string& reason, std::string purpose) override {
    reply<write_result> r;
    fields body{{"healthcare_facility_med", slot.facility.empty() ? client_.logical_address() : slot.facility}};
    for (auto& f : requested(slot)) body.push_back(std::move(f));
    add_slot_tail(body, slot, client_.person(), reason);
    body.push_back({"subject_of_care_info.firstName", options_.first_name});
    body.push_back({"subject_of_care_info.lastName", options_.last_name});
    r.a = client_.call("MakeBooking", body, std::move(purpose));
    r.ok = r.a.usable();
    r.value = write_of(r.a);
    return r;
  }

  reply<write_result> update(const std::string& id, const free_slot& to, const std::string& reason,
                             std::string purpose) override {
    reply<write_result> r;
    fields body = requested(to);
    body.push_back({"requestedTimeslot.bookingId", id});
    add_slot_tail(body, to, client_.person(), reason);
    r.a = client_.call("UpdateBooking", body, std::move(purpose));
    r.ok = r.a.usable();
    r.value = write_of(r.a);
    return r;
  }

  reply<write_result> cancel(const std::string& id, const std::string& person, const std::string& reason,
                             const free_slot* booked, std::string purpose) override {
    (void)booked;
    reply<write_result> r;
    fields body{{"healthcare_facility", client_.logical_address()}, {"bookingId", id}};
    add_if(body, "message", reason);
    call_options o;
    o.actor = contracts::actor_header{person, "subject_of_care"};
    r.a = client_.call("CancelBooking", body, std::move(purpose), o);
    r.ok = r.a.usable();
    r.value = write_of(r.a);
    return r;
  }

  std::vector<std::string> catalogue(check_board& board) override {
    (void)board;
    std::vector<std::string> group{client_.logical_address()};
    const answer units = client_.call("GetAllHealthcareFacilities", unit_and_person(client_.person()),
                                      "list the units the addressed unit books for");
    for (const auto& n : children(units.body(), "healthcareFacilityInfos")) {
      group.push_back(text_of(n, "healthcare_facility"));
    }
    client_.call("GetAllTimeTypes", unit_and_person(client_.person()), "list the time types");
    client_.call("GetAllCareTypes", unit_and_person(client_.person()), "list the care types");
    client_.call("GetAllPerformers", unit_and_person(client_.person()), "list the performers");
    return group;
  }

  std::vector<std::pair<std::string, fields>> sla_reads(const search& s) const override {
    const std::string& p = client_.person();
    return {{"GetAllHealthcareFacilities", unit_and_person(p)},
            {"GetAllTimeTypes", unit_and_person(p)},
            {"GetAllCareTypes", unit_and_person(p)},
            {"GetAllPerformers", unit_and_person(p)},
            {"GetSubjectOfCareSchedule", unit_and_person(p)},
            {"GetAvailableDates", search_fields(s)},
            {"GetAvailableTimeslots", search_fields(s)}};
  }

  std::string unknown_id() const override {
    std::random_device rd;
    std::mt19937_64 gen(rd());
    char buf[40];
    std::snprintf(buf, sizeof buf, "CONFORM-UNKNOWN-%016llx", static_cast<unsigned long long>(gen()));
    return buf;
  }

 private:
  contract_client& client_;
  const conform_options& options_;
};

}  // namespace

std::unique_ptr<family_driver> make_crm11_driver(contract_client& client, const conform_options& options) {
  return std::make_unique<crm11_driver>(client, options);
}

}  // namespace tidnav::conform
