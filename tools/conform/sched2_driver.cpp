// SPDX-License-Identifier: GPL-2.0-or-later
// supportprocess:logistics:scheduling 2.0 for the booking flow: the actor and
// personId of a citizen acting for themself, slots named by timeslotId.
#include "hub/core/hsa_id.hpp"
#include "tools/conform/conform_options.hpp"
#include "tools/conform/driver_base.hpp"

namespace tidnav::conform {
namespace {

constexpr const char* pnr_oid = "1.2.752.129.2.1.3.1";
constexpr const char* snr_oid = "1.2.752.129.2.1.3.3";
constexpr const char* citizen_code = "116154003";  // SNOMED CT SE: the citizen acts for themself
constexpr const char* snomed_se = "1.2.752.116.2.1.1";

bool is_coordination_number(const std::string& n) { return n.size() == 12 && n[6] >= '6'; }

fields person_fields(const std::string& pnr) {
  return {{"personId.root", is_coordination_number(pnr) ? snr_oid : pnr_oid}, {"personId.extension", pnr}};
}

fields actor_fields(const std::string& pnr) {
  return {{"actor.actorId.root", is_coordination_number(pnr) ? snr_oid : pnr_oid},
          {"actor.actorId.extension", pnr},
          {"actor.actorType.code", citizen_code},
          {"actor.actorType.codeSystem", snomed_se}};
}

fields concat(std::initializer_list<fields> parts) {
  fields out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

reason_rule rule_of(const pugi::xml_node& time_type, std::string_view flow) {
  reason_rule r;
  for (const auto& rule : children(time_type, "appointmentRule")) {
    if (text_of(rule, "type") != flow) continue;
    r.text = text_of(rule, "reasonTextRequired");
    r.code = text_of(rule, "reasonCodeRequired");
    if (auto c = child(rule, "reasonCodes")) {
      r.first_code = coded{text_of(c, "code"), text_of(c, "codeSystem"), text_of(c, "displayName")};
    }
  }
  return r;
}

free_slot slot_of(const pugi::xml_node& t) {
  free_slot s;
  s.id = text_of(t, "timeslotId");
  s.start = text_of(t, "startTime");
  s.end = text_of(t, "endTime");
  s.facility = path_text(t, "healthcareFacilityHSAId.extension");
  const pugi::xml_node type = child(t, "timeType");
  s.time_type = text_of(type, "code");
  s.cancel_allowed = flag(type, "cancelAppointmentAllowed");
  s.update_allowed = flag(type, "updateAppointmentAllowed");
  s.new_booking = rule_of(type, "NYBOKNING");
  s.rebooking = rule_of(type, "OMBOKNING");
  s.cancellation = rule_of(type, "AVBOKNING");
  return s;
}

// reasonText/reasonCode as the time type's rule for the flow asks.
fields reason_fields(const reason_rule& rule, const std::string& reason) {
  fields f;
  if (rule.text != "ReasonNotSupported" && !reason.empty()) f.push_back({"reasonText", reason});
  if (rule.code == "Mandatory" && rule.first_code) {
    f.push_back({"reasonCode.code", rule.first_code->code});
    f.push_back({"reasonCode.codeSystem", rule.first_code->code_system});
    if (!rule.first_code->display_name.empty()) f.push_back({"reasonCode.displayName", rule.first_code->display_name});
  }
  return f;
}

listed_booking listed_of(const pugi::xml_node& n) {
  listed_booking b;
  b.id = text_of(n, "appointmentId");
  b.facility = path_text(n, "healthcareFacilityId.extension");
  return b;
}

void details_of(const pugi::xml_node& body, booking_details& d) {
  const pugi::xml_node n = child(body, "appointment");
  if (!n) return;
  d.found = true;
  d.id = text_of(n, "appointmentId");
  const pugi::xml_node slot = child(n, "timeslot");
  d.start = text_of(slot, "startTime");
  d.end = text_of(slot, "endTime");
  d.has_start = static_cast<bool>(child(slot, "startTime"));
  d.has_end = static_cast<bool>(child(slot, "endTime"));
  d.facility = path_text(slot, "healthcareFacilityHSAId.extension");
  d.time_type = path_text(slot, "timeType.code");
  d.cancel_allowed = flag(child(slot, "timeType"), "cancelAppointmentAllowed");
  d.update_allowed = flag(child(slot, "timeType"), "updateAppointmentAllowed");
  d.person = path_text(n, "personId.extension");
  d.status = text_of(n, "status");
}

free_date date_of(const pugi::xml_node& n) {
  free_date d;
  d.date = text_of(n, "date");
  const std::string count = text_of(n, "noOfTimeslots");
  d.count = count.empty() ? 0 : std::atoi(count.c_str());
  d.time_type = path_text(n, "timeType.code");
  return d;
}

class sched2_driver final : public driver_base {
 public:
  explicit sched2_driver(contract_client& client)
      : driver_base(client, {"GetAppointments", "GetAppointment", "MakeAppointment", "UpdateAppointment",
                             "CancelAppointment", "appointmentId"}) {}

  fields list_fields(const std::string& person) const override {
    return concat({actor_fields(person), person_fields(person)});
  }
  std::string person_field_path() const override { return "personId.extension"; }

  reply<std::vector<listed_booking>> list(const std::string& person, std::string purpose,
                                          const call_options& options) override {
    return ask_each(list_contract(), list_fields(person), std::move(purpose), "appointment", listed_of, options);
  }

  reply<booking_details> read(const std::string& id, const std::string& person, std::string purpose) override {
    return ask<booking_details>(read_contract(),
                                concat({actor_fields(person), {{"appointmentId", id}}, person_fields(person)}),
                                std::move(purpose), {}, details_of);
  }

  fields search_fields(const search& s) const {
    fields f = concat({actor_fields(client_.person())});
    if (s.original) f.push_back({"originalAppointmentId", *s.original});
    f = concat({f, person_fields(client_.person()), {{"startDateInclusive", s.from}, {"endDateInclusive", s.to}}});
    if (s.time_type) f.push_back({"timeTypeCode", *s.time_type});
    return f;
  }

  reply<std::vector<free_date>> dates(const search& s, std::string purpose) override {
    return ask_each("GetAvailableDates", search_fields(s), std::move(purpose), "availableDate", date_of);
  }

  reply<std::vector<free_slot>> slots(const search& s, std::string purpose) override {
    return ask_each("GetAvailableTimeslots", search_fields(s), std::move(purpose), "timeslot", slot_of);
  }

  reply<write_result> make(const free_slot& slot, const std::string& reason, std::string purpose) override {
    const fields body = concat({actor_fields(client_.person()), person_fields(client_.person()),
                                {{"timeslotId", slot.id}}, reason_fields(slot.new_booking, reason)});
    return write(make_contract(), body, std::move(purpose));
  }

  reply<write_result> update(const std::string& id, const free_slot& to, const std::string& reason,
                             std::string purpose) override {
    const fields body = concat({actor_fields(client_.person()), {{"originalAppointmentId", id}, {"timeslotId", to.id}},
                                person_fields(client_.person()), reason_fields(to.rebooking, reason)});
    return write(update_contract(), body, std::move(purpose));
  }

  reply<write_result> cancel(const std::string& id, const std::string& person, const std::string& reason,
                             const free_slot* booked, std::string purpose) override {
    const reason_rule rule = booked ? booked->cancellation : reason_rule{};
    const fields body =
        concat({actor_fields(person), {{"appointmentId", id}}, person_fields(person), reason_fields(rule, reason)});
    return write(cancel_contract(), body, std::move(purpose));
  }

  std::vector<std::string> catalogue(check_board& board) override {
    const std::string& address = client_.logical_address();
    std::vector<std::string> group{address};
    const answer unit = client_.call("GetHealthcareFacility", {}, "describe the addressed unit");
    if (unit.usable()) {
      const std::string hsa = path_text(unit.body(), "healthcareFacility.HSAId.extension");
      board.expect("address.body-consistent", core::iequals(hsa, address),
                   "GetHealthcareFacility describes " + hsa + " when addressed as " + address,
                   "healthcareFacility/HSAId/extension equal to the LogicalAddress (case-insensitive)", {unit.ex()});
    }
    const answer units = client_.call("GetHealthcareFacilities", person_fields(client_.person()),
                                      "list the units the addressed unit books for");
    for (const auto& n : children(units.body(), "healthcareFacility")) {
      group.push_back(path_text(n, "HSAId.extension"));
    }
    client_.call("GetTimeTypes", concat({actor_fields(client_.person()), person_fields(client_.person())}),
                 "list the time types");
    client_.call("GetPractitioners", concat({actor_fields(client_.person()), person_fields(client_.person())}),
                 "list the practitioners");
    return group;
  }

  std::vector<std::pair<std::string, fields>> sla_reads(const search& s) const override {
    const std::string& p = client_.person();
    return {{"GetHealthcareFacility", {}},
            {"GetHealthcareFacilities", person_fields(p)},
            {"GetTimeTypes", concat({actor_fields(p), person_fields(p)})},
            {"GetPractitioners", concat({actor_fields(p), person_fields(p)})},
            {"GetAppointments", list_fields(p)},
            {"GetAvailableDates", search_fields(s)},
            {"GetAvailableTimeslots", search_fields(s)}};
  }

  void unknown_id_extras(check_board& board) override {
    const std::string id = unknown_id();
    const answer a = client_.call(
        "ConfirmAppointment", concat({actor_fields(client_.person()), {{"appointmentId", id}}, person_fields(client_.person())}),
        "confirm a booking that does not exist");
    if (!client_.offered("ConfirmAppointment")) {
      board.skip("errors.unknown-id", "ConfirmAppointment is not offered");
      return;
    }
    const std::string code = a.result_code();
    // A unit that never lets citizens confirm may say so for any id.
    const bool ok = code == "APPOINTMENT_DOES_NOT_EXIST" || code == "ERROR" || code == "CONFIRM_IS_NOT_ALLOWED";
    board.expect("errors.unknown-id", a.usable() && ok,
                 "ConfirmAppointment with an unknown appointmentId: " + a.summary(),
                 "HTTP 200, resultCode APPOINTMENT_DOES_NOT_EXIST (ERROR, or CONFIRM_IS_NOT_ALLOWED where no booking "
                 "may be confirmed), no fault",
                 {a.ex()});
  }

  std::string unknown_id() const override {
    auto gen = random_engine();
    const auto a = gen(), b = gen();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buf;
  }
};

}  // namespace

std::unique_ptr<family_driver> make_sched2_driver(contract_client& client, const conform_options& options) {
  (void)options;  // 2.0 needs nothing beyond the client (1.1 takes the person's name from it)
  return std::make_unique<sched2_driver>(client);
}

}  // namespace tidnav::conform
