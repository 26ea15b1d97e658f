// SPDX-License-Identifier: GPL-2.0-or-later
// Checks judged over every answer of the run once it is over: schema validity
// per contract, result codes and texts, faults as SOAP 1.1 wants them, real
// times and dates, no empty elements (1.1).
#include "tools/conform/flow.hpp"
#include "tools/conform/tally.hpp"
#include "tools/conform/time_rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace tidnav::conform {
namespace {

using code_set = std::set<std::string_view>;

const code_set& basic_codes() {
  static const code_set s{"OK", "INFO", "ERROR"};
  return s;
}

// TKB 2.0 "specific result codes" per contract; reading contracts only the basic three.
const code_set& sched2_codes(std::string_view contract) {
  static const std::map<std::string_view, code_set> table{
      {"MakeAppointment",
       {"OK", "INFO", "ERROR", "REQUESTED_TIME_IS_ALREADY_RESERVED", "REQUESTED_TIME_HAS_ALREADY_PASSED",
        "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE", "TOO_LATE_TO_MAKE_APPOINTMENT", "USER_IS_ALREADY_OCCUPIED",
        "APPOINTMENT_IS_NOT_ALLOWED"}},
      {"UpdateAppointment",
       {"OK", "INFO", "ERROR", "APPOINTMENT_IS_ALREADY_CANCELED", "APPOINTMENT_IS_ALREADY_UPDATED",
        "REQUESTED_TIME_IS_ALREADY_RESERVED", "REQUESTED_TIME_HAS_ALREADY_PASSED",
        "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE", "TOO_LATE_TO_UPDATE_APPOINTMENT", "APPOINTMENT_DOES_NOT_EXIST",
        "USER_IS_ALREADY_OCCUPIED", "UPDATE_APPOINTMENT_IS_NOT_ALLOWED"}},
      {"CancelAppointment",
       {"OK", "INFO", "ERROR", "APPOINTMENT_IS_ALREADY_CANCELED", "APPOINTMENT_IS_ALREADY_UPDATED",
        "TOO_LATE_TO_CANCEL_APPOINTMENT", "APPOINTMENT_DOES_NOT_EXIST", "CANCEL_IS_NOT_ALLOWED"}},
      {"ConfirmAppointment",
       {"OK", "INFO", "ERROR", "APPOINTMENT_IS_ALREADY_CONFIRMED", "TOO_LATE_TO_CONFIRM_APPOINTMENT",
        "APPOINTMENT_DOES_NOT_EXIST", "CONFIRM_IS_NOT_ALLOWED"}},
  };
  const auto it = table.find(contract);
  return it == table.end() ? basic_codes() : it->second;
}

void schema_checks(flow_context& ctx) {
  const auto& records = ctx.client.records();
  for (auto contract : contracts_of(ctx.options.family)) {
    const std::string id = "schema." + std::string(contract);
    if (!ctx.board.wanted(id)) continue;
    const auto it = records.find(contract);
    if (it == records.end()) {
      ctx.board.skip(id, "not called in this run");
      continue;
    }
    const auto& rec = it->second;
    if (!rec.not_offered.empty()) {
      ctx.board.skip(id, "not offered by the producer (" + rec.not_offered + ")");
    } else if (rec.validated == 0) {
      ctx.board.skip(id, "no answer to validate (every call ended in a fault or no answer)");
    } else if (rec.invalid == 0) {
      ctx.board.pass(id, std::to_string(rec.validated) + " answers valid");
    } else {
      ctx.board.fail(id, std::to_string(rec.invalid) + " of " + std::to_string(rec.validated) +
                             " answers invalid; first: " + rec.first_invalid_issues,
                     "every answer valid against schemas/ (" + std::string(contract) + "Response)",
                     {*rec.first_invalid});
    }
  }
}

void result_code_checks(flow_context& ctx) {
  tally t;
  for (const auto& a : ctx.client.history()) {
    if (!a.usable() || a.contract() == "PingForConfiguration") continue;
    const std::string code = a.result_code();
    if (code.empty()) continue;
    const std::string where = a.contract() + " (" + a.ex().purpose + ")";
    const auto& allowed = ctx.v2() ? sched2_codes(a.contract()) : basic_codes();
    t.see(allowed.count(code) != 0, where + " answers " + code + ", not a code of this contract", &a.ex());
    if (code == "ERROR" || code == "INFO") {
      t.see(!a.result_text().empty(), where + " answers " + code + " without resultText", &a.ex());
    }
    const bool done = code == "OK" || code == "INFO";
    if (a.contract() == "MakeAppointment" && done) {
      t.see(!text_of(a.body(), "appointmentId").empty(), where + " answers " + code + " without appointmentId", &a.ex());
    }
    if (a.contract() == "MakeBooking") {
      const bool has_id = !text_of(a.body(), "bookingId").empty();
      t.see(done == has_id, where + (done ? " answers " + code + " without bookingId" : " answers ERROR with a bookingId"),
            &a.ex());
    }
  }
  t.post(ctx.board, "errors.result-codes", "result codes allowed and complete",
         ctx.v2() ? "codes from the contract's list; resultText with ERROR and INFO; appointmentId with a booking"
                  : "OK/INFO/ERROR; resultText with ERROR and INFO; bookingId exactly when MakeBooking books");
}

void fault_shape_checks(flow_context& ctx) {
  tally t;
  for (const auto& a : ctx.client.history()) {
    if (!a.got_http()) continue;
    const std::string where = a.contract() + " (" + a.ex().purpose + ")";
    if (a.is_fault()) {
      t.see(a.ex().http_status == 500, where + ": a SOAP fault with HTTP " + std::to_string(a.ex().http_status), &a.ex());
      t.see(!a.fault_code().empty() && !a.fault_string().empty(), where + ": a fault without faultcode or faultstring",
            &a.ex());
    } else if (a.ex().http_status == 500) {
      t.see(false, where + ": HTTP 500 without a SOAP fault", &a.ex());
    }
  }
  if (!t.bad.empty()) {
    t.post(ctx.board, "errors.business-not-fault", "",
           "SOAP 1.1: a fault comes with HTTP 500 and has faultcode and faultstring");
  }
}

void time_checks(flow_context& ctx) {
  static constexpr std::array<std::string_view, 5> ts_names{"startTime", "endTime", "startTimeInclusive",
                                                            "endTimeExclusive", "pingDateTime"};
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> pairs{
      std::pair{"startTime", "endTime"}, std::pair{"startTimeInclusive", "endTimeExclusive"}};
  tally t;
  for (const auto& a : ctx.client.history()) {
    if (!a.usable()) continue;
    const std::string where = a.contract() + "Response";
    for (auto name : ts_names) {
      for (const auto& n : descendants(a.body(), name)) {
        const std::string v = n.text().get();
        t.see(ts_instant(v).has_value(), where + ": " + std::string(name) + " \"" + v + "\" is not a Swedish local time",
              &a.ex());
      }
    }
    for (const auto& n : descendants(a.body(), "date")) {
      const std::string v = n.text().get();
      t.see(valid_dt(v), where + ": date \"" + v + "\" is not a calendar date", &a.ex());
    }
    for (const auto& [s, e] : pairs) {
      for (const auto& start : descendants(a.body(), s)) {
        const auto end = child(start.parent(), e);
        if (!end) continue;
        const auto t0 = ts_instant(start.text().get()), t1 = ts_instant(end.text().get());
        if (t0 && t1) {
          t.see(*t1 > *t0, where + ": ends " + end.text().get() + " before it starts " + start.text().get(), &a.ex());
        }
      }
    }
  }
  t.post(ctx.board, "format.times", "times and dates read as real Swedish local times",
         "TS and DT naming real instants in Europe/Stockholm, end after start");
}

void empty_element_checks(flow_context& ctx) {
  tally t;
  for (const auto& a : ctx.client.history()) {
    if (!a.usable() || a.contract() == "PingForConfiguration") continue;
    std::vector<std::string> empties;
    struct walker : pugi::xml_tree_walker {
      std::vector<std::string>* out = nullptr;
      bool for_each(pugi::xml_node& n) override {
        if (n.type() != pugi::node_element) return true;
        if (n.find_child([](pugi::xml_node c) { return c.type() == pugi::node_element; })) return true;
        const std::string text = n.text().get();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) out->push_back(std::string(local_name(n)));
        return true;
      }
    } w;
    w.out = &empties;
    pugi::xml_node body = a.body();
    body.traverse(w);
    for (const auto& e : empties) t.see(false, a.contract() + "Response has an empty <" + e + ">", &a.ex());
    if (empties.empty()) t.see(true, {});
  }
  t.post(ctx.board, "format.no-empty", "answers without empty elements", "optional elements without a value left out");
}

}  // namespace

void wire_phase(flow_context& ctx) {
  schema_checks(ctx);
  result_code_checks(ctx);
  fault_shape_checks(ctx);
  time_checks(ctx);
  if (!ctx.v2()) empty_element_checks(ctx);
}

}  // namespace tidnav::conform
