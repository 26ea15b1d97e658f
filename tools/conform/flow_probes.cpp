// SPDX-License-Identifier: GPL-2.0-or-later
// Probing phases: unknown ids, malformed requests, the address in another case,
// the SLA sample, and the final look at the person's bookings.
#include "hub/core/hsa_id.hpp"
#include "tools/conform/flow.hpp"
#include "tools/conform/tally.hpp"
#include "tools/conform/time_rules.hpp"

#include <algorithm>
#include <set>

namespace tidnav::conform {
namespace {

std::set<std::string> ids_of(const std::vector<listed_booking>& list) {
  std::set<std::string> out;
  for (const auto& b : list) out.insert(b.id);
  return out;
}

std::string joined(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "none" : out;
}

}  // namespace

void unknown_id_phase(flow_context& ctx) {
  auto& board = ctx.board;
  auto& d = ctx.driver;
  const std::string unknown = d.unknown_id();
  const std::string person = ctx.client.person();
  const auto read = d.read(unknown, person, "read a booking that does not exist");
  if (!ctx.client.offered(read.a.contract())) {
    board.skip("errors.unknown-id", read.a.contract() + " is not offered");
  } else if (ctx.v2()) {
    judge_business_answer(ctx, read.a, "GetAppointment of an unknown appointmentId");
    board.expect("errors.unknown-id", read.ok && !read.value.found,
                 "GetAppointment of the unknown " + unknown + ": " + (read.value.found ? "returns an appointment" : read.a.summary()),
                 "HTTP 200 without appointment (resultCode ERROR), no fault", {read.a.ex()});
  } else {
    // A reading 1.1 contract has no resultCode: a Client fault is its business error.
    board.expect("errors.unknown-id", read.a.is_fault() && read.a.client_fault(),
                 "GetBookingDetails of the unknown " + unknown + ": " + read.a.summary(),
                 "a SOAP Client fault (GetBookingDetails has timeslotDetail 1..1 and no resultCode)", {read.a.ex()});
  }
  auto refused = [&](const reply<write_result>& r, const std::string& what) {
    if (!ctx.client.offered(r.a.contract())) return;  // the schema check says "not offered"
    judge_business_answer(ctx, r.a, what);
    const bool ok = r.ok && (ctx.v2() ? r.value.code == "APPOINTMENT_DOES_NOT_EXIST"
                                      : r.value.code == "ERROR" && !r.value.text.empty());
    board.expect("errors.unknown-id", ok, what + ": " + r.a.summary(),
                 ctx.v2() ? "HTTP 200, resultCode APPOINTMENT_DOES_NOT_EXIST" : "HTTP 200, resultCode ERROR with a resultText",
                 {r.a.ex()});
  };
  if (ctx.client.offered(d.cancel_contract())) {
    refused(d.cancel(unknown, person, {}, nullptr, "cancel a booking that does not exist"),
            std::string(d.cancel_contract()) + " of an unknown id");
  }
  if (ctx.client.offered(d.update_contract()) && !ctx.free.empty()) {
    const free_slot& to = ctx.free.back();
    refused(d.update(unknown, to, {}, "move a booking that does not exist"),
            std::string(d.update_contract()) + " of an unknown id");
  }
  d.unknown_id_extras(board);
}

void malformed_phase(flow_context& ctx) {
  auto& board = ctx.board;
  const std::string contract(ctx.driver.list_contract());
  const std::string valid = ctx.client.build(contract, ctx.driver.list_fields(ctx.client.person()));
  auto judge = [&](const answer& a, const std::string& what) {
    board.expect("errors.malformed", a.is_fault() && a.ex().http_status == 500,
                 what + ": " + a.summary() + (a.is_fault() && !a.client_fault() ? " (Client is the code for a bad request)" : ""),
                 "HTTP 500 with a SOAP fault", {a.ex()});
  };
  judge(ctx.client.send_raw(contract, valid.substr(0, valid.size() / 2), "send an envelope cut in half"),
        contract + " cut off in the middle");
  judge(ctx.client.send_raw(contract, "this is not XML", "send a body that is not XML"), "a body that is not XML");
  // A person number that breaks the schema; the list contracts have no resultCode.
  fields spoilt = ctx.driver.list_fields(ctx.client.person());
  for (auto& f : spoilt) {
    if (f.path == ctx.driver.person_field_path()) f.value = "19121212-ABC";
  }
  judge(ctx.client.call(contract, spoilt, "ask with a malformed person number"),
        contract + " with the person number 19121212-ABC");
}

void address_case_phase(flow_context& ctx) {
  const std::string& address = ctx.client.logical_address();
  const std::string swapped = swap_case(address);
  if (swapped == address) {
    ctx.board.skip("address.case-insensitive", "the logical address " + address + " has no letters");
    return;
  }
  const auto plain = ctx.driver.list(ctx.client.person(), "list the person's bookings");
  call_options o;
  o.logical_address = swapped;
  const auto other = ctx.driver.list(ctx.client.person(), "list the bookings with the address in another case", o);
  const bool ok = plain.ok && other.ok && ids_of(plain.value) == ids_of(other.value);
  ctx.board.expect("address.case-insensitive", ok,
                   std::string(ctx.driver.list_contract()) + " addressed as " + swapped + ": " +
                       (other.ok ? "lists " + joined(ids_of(other.value)) : other.a.summary()) + "; as " + address +
                       ": " + (plain.ok ? "lists " + joined(ids_of(plain.value)) : plain.a.summary()),
                   "the same answer whatever the case of the HSA-id", {other.a.ex(), plain.a.ex()});
}

void sla_phase(flow_context& ctx) {
  for (const auto& [contract, body] : ctx.driver.sla_reads(ctx.window)) {
    if (!ctx.client.offered(contract)) continue;
    const auto it = ctx.client.records().find(contract);
    const std::size_t have = it == ctx.client.records().end() ? 0 : it->second.elapsed_ms.size();
    for (std::size_t i = have; i < static_cast<std::size_t>(std::max(ctx.options.calls, 1)); ++i) {
      ctx.client.call(contract, body, "SLA sample " + std::to_string(i + 1));
    }
  }
  const double limit = static_cast<double>(ctx.options.sla.count());
  std::vector<std::string> slow, fine;
  std::vector<exchange> shown;
  for (const auto& [contract, rec] : ctx.client.records()) {
    if (rec.elapsed_ms.empty() || !rec.not_offered.empty()) continue;
    const double p95 = percentile(rec.elapsed_ms, 95);
    const std::string line = contract + " p95 " + format_ms(p95) + " over " + std::to_string(rec.elapsed_ms.size()) +
                             " calls (max " + format_ms(percentile(rec.elapsed_ms, 100)) + ")";
    if (p95 >= limit) {
      slow.push_back(line);
      for (const auto& a : ctx.client.history()) {
        if (a.contract() == contract && a.ex().elapsed_ms >= limit && shown.size() < 2) shown.push_back(a.ex());
      }
    } else {
      fine.push_back(line);
    }
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out;
  };
  if (!slow.empty()) {
    ctx.board.fail("sla.p95", join(slow), "p95 under " + format_ms(limit) + " for every contract", shown);
  } else if (!fine.empty()) {
    ctx.board.pass("sla.p95", join(fine));
  } else {
    ctx.board.skip("sla.p95", "no calls were answered");
  }
}

void cleanup_phase(flow_context& ctx, std::vector<std::string>& notes) {
  for (auto& n : ctx.cleanup.run()) notes.push_back(std::move(n));
  const auto final_list = ctx.driver.list(ctx.client.person(), "check the person is left as found");
  if (!final_list.ok) {
    ctx.board.fail("kit.cleanup", std::string(ctx.driver.list_contract()) + " failed: " + final_list.a.summary(),
                   "the person's bookings as before the run", {final_list.a.ex()});
    return;
  }
  const auto now = ids_of(final_list.value);
  std::set<std::string> extra, missing;
  std::set_difference(now.begin(), now.end(), ctx.baseline.begin(), ctx.baseline.end(), std::inserter(extra, extra.end()));
  std::set_difference(ctx.baseline.begin(), ctx.baseline.end(), now.begin(), now.end(),
                      std::inserter(missing, missing.end()));
  if (extra.empty() && missing.empty() && ctx.cleanup.all_done()) {
    ctx.board.pass("kit.cleanup", "the person has " + std::to_string(now.size()) + " bookings, as before the run");
    return;
  }
  std::string evidence;
  if (!extra.empty()) evidence += "left behind: " + joined(extra);
  if (!missing.empty()) evidence += std::string(evidence.empty() ? "" : "; ") + "gone since the start: " + joined(missing);
  if (!ctx.cleanup.all_done()) evidence += std::string(evidence.empty() ? "" : "; ") + "a clean-up cancel failed (see notes)";
  ctx.board.fail("kit.cleanup", evidence, "the person's bookings exactly as before the run", {final_list.a.ex()});
}

}  // namespace tidnav::conform
