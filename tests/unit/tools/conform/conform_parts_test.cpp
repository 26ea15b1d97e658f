// SPDX-License-Identifier: GPL-2.0-or-later
// The kit's small parts on their own: the catalogue and --only, percentiles,
// case swapping, the cleanup list, answers and the not-offered signs.
#include "tools/conform/answer.hpp"
#include "tools/conform/check_board.hpp"
#include "tools/conform/check_catalogue.hpp"
#include "tools/conform/cleanup_list.hpp"
#include "tools/conform/time_rules.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace tidnav::conform;

TEST_CASE("conform: the catalogue has one rule per check and family", "[conform]") {
  for (auto fam : {contract_family::sched2, contract_family::crm11}) {
    const auto all = catalogue(fam);
    std::set<std::string> ids;
    for (const auto& c : all) {
      INFO(c.id);
      CHECK(ids.insert(c.id).second);
      CHECK_FALSE(c.rule.empty());
      CHECK_FALSE(c.title.empty());
    }
    std::size_t schema = 0;
    for (const auto& c : all) schema += c.id.rfind("schema.", 0) == 0 ? 1 : 0;
    CHECK(schema == contracts_of(fam).size());
    CHECK(ids.count("sla.p95") == 1);
    CHECK(ids.count("kit.cleanup") == 1);
  }
  CHECK(contracts_of(contract_family::sched2).size() == 12);
  CHECK(contracts_of(contract_family::crm11).size() == 11);
  const auto v2 = catalogue(contract_family::sched2);
  CHECK(std::none_of(v2.begin(), v2.end(), [](const check_info& c) { return c.id == "invitations.rules"; }));
  const auto v1 = catalogue(contract_family::crm11);
  CHECK(std::any_of(v1.begin(), v1.end(), [](const check_info& c) { return c.id == "flags.honoured"; }));
}

TEST_CASE("conform: --only selects ids and groups, and names typos", "[conform]") {
  CHECK(selected("make.read-back", {}));
  CHECK(selected("make.read-back", {"make"}));
  CHECK(selected("make.read-back", {"make.read-back"}));
  CHECK_FALSE(selected("make.read-back", {"make.read"}));
  CHECK_FALSE(selected("makeover", {"make"}));
  CHECK(selected("schema.GetAppointment", {"schema"}));
  CHECK(unknown_selections(contract_family::sched2, {"make", "sla.p95"}).empty());
  CHECK(unknown_selections(contract_family::sched2, {"invitations"}) == std::vector<std::string>{"invitations"});
  CHECK(unknown_selections(contract_family::crm11, {"mkae"}) == std::vector<std::string>{"mkae"});
}

TEST_CASE("conform: the board fails a check on any failed observation and skips what was never judged", "[conform]") {
  check_board board(contract_family::sched2, {"make", "cancel.twice"});
  board.pass("make.in-list", "listed");
  board.pass("make.read-back", "fine");
  board.fail("make.read-back", "start differs", "the booked start");
  board.skip("make.double-booking", "no second request possible");
  board.skip("cancel.twice", "not offered");
  board.pass("sla.p95", "not selected, never reported");
  const auto results = board.results();
  auto get = [&](const std::string& id) {
    for (const auto& r : results) {
      if (r.id == id) return r;
    }
    FAIL("no result for " << id);
    return check_result{};
  };
  CHECK(get("make.in-list").outcome == verdict::pass);
  CHECK(get("make.read-back").outcome == verdict::fail);
  CHECK(get("make.read-back").expected == "the booked start");
  CHECK(get("make.double-booking").outcome == verdict::skip);
  CHECK(get("make.double-booking").evidence == "no second request possible");
  CHECK(get("make.slot-taken").evidence == "not reached");
  CHECK(std::none_of(results.begin(), results.end(), [](const check_result& r) { return r.id == "sla.p95"; }));
}

TEST_CASE("conform: percentiles, case swapping, UUIDs and dates", "[conform]") {
  CHECK(percentile({}, 95) == 0);
  CHECK(percentile({5}, 95) == 5);
  CHECK(percentile({1, 2}, 95) == 2);
  std::vector<double> hundred;
  for (int i = 1; i <= 100; ++i) hundred.push_back(i);
  CHECK(percentile(hundred, 95) == 95);
  CHECK(percentile(hundred, 100) == 100);
  CHECK(swap_case("SE2321000016-abC1") == "se2321000016-ABc1");
  CHECK(is_uuid("5b6e26e4-6fe1-4f47-86a6-acec675ef419"));
  CHECK(is_uuid("5B6E26E4-6FE1-4F47-86A6-ACEC675EF419"));
  CHECK_FALSE(is_uuid("BK-1"));
  CHECK_FALSE(is_uuid("5b6e26e4x6fe1-4f47-86a6-acec675ef419"));
  CHECK(add_days("20311231", 1) == "20320101");
  CHECK(add_days("20310231", 1).empty());
  CHECK(ts_instant("20310310093000").has_value());
  CHECK_FALSE(ts_instant("20310231093000").has_value());  // no 31 February
  CHECK_FALSE(ts_instant("20310330023000").has_value());  // the March DST gap
  CHECK_FALSE(ts_instant("2031-03-10T09:30:00").has_value());
}

TEST_CASE("conform: the cleanup list undoes newest first, once, also from its destructor", "[conform]") {
  std::vector<std::string> order;
  {
    cleanup_list list;
    const auto a = list.add("A", [&] { order.push_back("A"); return std::string(); });
    list.add("B", [&] { order.push_back("B"); return std::string("refused"); });
    const auto c = list.add("C", [&] { order.push_back("C"); return std::string(); });
    list.dismiss(c);
    list.replace(a, "A2", [&] { order.push_back("A2"); return std::string(); });
    list.add("D", [&]() -> std::string { throw std::runtime_error("boom"); });
    CHECK(list.pending() == 3);
    const auto notes = list.run();
    CHECK(notes == std::vector<std::string>{"could not cancel D: boom", "could not cancel B: refused", "cancelled A2"});
    CHECK_FALSE(list.all_done());
    CHECK(list.run().empty());  // once
    list.add("E", [&] { order.push_back("E"); return std::string(); });
  }  // the destructor runs E
  CHECK(order == std::vector<std::string>{"B", "A2", "E"});
}

TEST_CASE("conform: answers are read by local name; faults and not-offered signs are recognised", "[conform]") {
  exchange ok;
  ok.contract = "GetAppointment";
  ok.http_status = 200;
  ok.response =
      "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>"
      "<x:GetAppointmentResponse xmlns:x='urn:x'><x:resultCode>ERROR</x:resultCode>"
      "<x:resultText> Finns inte </x:resultText></x:GetAppointmentResponse></s:Body></s:Envelope>";
  const answer a(ok);
  CHECK(a.usable());
  CHECK(a.result_code() == "ERROR");
  CHECK(a.result_text() == "Finns inte");
  CHECK(not_offered_reason(a).empty());

  exchange fault = ok;
  fault.http_status = 500;
  fault.response =
      "<SOAP-ENV:Envelope xmlns:SOAP-ENV='http://schemas.xmlsoap.org/soap/envelope/'><SOAP-ENV:Body><SOAP-ENV:Fault>"
      "<faultcode>SOAP-ENV:Client</faultcode><faultstring>This producer does not offer GetAppointment</faultstring>"
      "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
  const answer f(fault);
  CHECK(f.is_fault());
  CHECK(f.client_fault());
  CHECK_FALSE(f.usable());
  CHECK_FALSE(not_offered_reason(f).empty());

  exchange wrong = ok;
  wrong.contract = "GetAppointments";  // another contract's answer element
  CHECK_FALSE(answer(wrong).usable());
  exchange none;
  none.contract = "GetAppointments";
  none.transport_error = "connection refused";
  CHECK_FALSE(answer(none).got_http());
  CHECK(answer(none).summary().find("connection refused") != std::string::npos);
  exchange missing = ok;
  missing.http_status = 404;
  missing.response = "Not Found";
  CHECK(not_offered_reason(answer(missing)) == "HTTP 404");
}
