// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav call --expand against the real hub: an aggregated GetAppointments over
// two units, then every appointment's GetAppointment through the same hub URL
// with the unit as LogicalAddress, in parallel, as one table.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/integration/aggregation_support.hpp"
#include "tools/tidnav/call_expand.hpp"

using namespace tidnav;
using namespace tidnav::test;
using core::aggregate_kind;

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

std::string between(const std::string& s, const std::string& open, const std::string& close) {
  const auto a = s.find(open);
  if (a == std::string::npos) return {};
  const auto b = s.find(close, a + open.size());
  return b == std::string::npos ? std::string() : s.substr(a + open.size(), b - a - open.size());
}

struct booking {
  std::string id, start, end;
};

// A unit that answers GetAppointments with its bookings and GetAppointment
// with the one asked for (from the fixture, re-labelled); `broken_id` gets a fault.
recording_producer::reply_fn unit_answers(std::string unit, std::vector<booking> bookings, std::string broken_id = "") {
  return [=](const net::request_context& req, net::responder r) {
    const net::header_list h{{"Content-Type", "text/xml; charset=UTF-8"}};
    if (req.body.find("GetAppointments>") != std::string::npos) {
      std::vector<item> items;
      for (const auto& b : bookings) items.push_back({unit, b.id, ""});
      r(200, h, answer_of(aggregate_kind::appointments_20, items));
      return;
    }
    const std::string id = between(req.body, "appointmentId>", "<");
    if (id == broken_id) {
      r(500, h, soap_fault("Bokningen kunde inte läsas"));
      return;
    }
    for (const auto& b : bookings) {
      if (b.id != id) continue;
      std::string x = fixture_text("scheduling-2.0/GetAppointment-response.xml");
      replace_all(x, "95de473c-5441-42db-8434-11f428f3a111", b.id);
      replace_all(x, "SE2321000016-ABC1", unit);
      replace_all(x, "20251014093000", b.start);
      replace_all(x, "20251014100000", b.end);
      replace_all(x, "197710102384", "191212121212");
      r(200, h, x);
      return;
    }
    r(500, h, soap_fault("no such appointment"));
  };
}

}  // namespace

TEST_CASE("tidnav call --expand: the aggregated GetAppointments as one table", "[integration][hub][aggregation][expand]") {
  const std::string list_ns = appointments_ns;
  const std::string one_ns = appointment_ns;
  const std::string A = "SE2321000016-A001", B = "SE2321000016-B002", C = "SE2321000016-C003";
  const std::string a1 = "aaaaaaaa-0000-4000-8000-000000000001", a2 = "aaaaaaaa-0000-4000-8000-000000000002",
                    b1 = "bbbbbbbb-0000-4000-8000-000000000001";
  recording_producer unit_a{true, unit_answers(A, {{a1, "20261215140000", "20261215143000"},
                                                   {a2, "20261208083000", "20261208090000"}})};
  recording_producer unit_b{true, unit_answers(B, {{b1, "20261210100000", "20261210110000"}}, b1)};
  unit_producer unit_c{soap_fault("Systemet är nere"), 500};

  hub_world_options o;
  o.tak = tak_file(tak_unit("agg", platform_id, "local:aggregate", list_ns) +
                   tak_unit("ei", platform_id, "local:ei", ei_update_ns) + tak_unit("a", A, unit_a.url(), list_ns) +
                   tak_unit("b", B, unit_b.url(), list_ns) + tak_unit("c", C, unit_c.url(), list_ns) +
                   tak_unit("a1", A, unit_a.url(), one_ns) + tak_unit("b1", B, unit_b.url(), one_ns));
  o.extra_yaml = "engagement_index: { database: ei.db }\n";
  hub_world w(o);
  REQUIRE(w.call(ei_update("191212121212", sched2_domain, {A, B, C})).status == 200);

  const std::string request = request_of(aggregate_kind::appointments_20, platform_id);
  auto r = w.call(request);
  REQUIRE(r.ok());
  REQUIRE(r.status == 200);

  // hsa_file names every unit after its id; give A a real name instead.
  std::string names_xml = hsa_file({{A, "ou=Vårdcentral Åsa,o=Region Test,l=Test,c=SE"}});
  replace_all(names_xml, "<name>" + A + "</name>", "<name>Vårdcentral Åsa</name>");
  std::ofstream(w.dir() / "names.xml") << names_xml;
  const auto names = cli::unit_names_from_hsa_files({(w.dir() / "names.xml").string()});

  const auto& pki = shared_test_pki();
  cli::call_tls tls{pki.client.cert_file, pki.client.key_file, pki.ca.cert_file, false};
  const cli::expand_result out = cli::expand_appointments(w.https_url(), tls, request, r.body, 10, names, 2);
  INFO(out.table);
  CHECK(out.appointments == 3);
  CHECK(out.not_fetched == 1);  // b1's unit faults on GetAppointment

  // Earliest first: a2 (8th), then a1 (15th); b1 has no time and comes last.
  const auto at_a2 = out.table.find(a2), at_a1 = out.table.find(a1), at_b1 = out.table.find(b1);
  REQUIRE(at_a2 != std::string::npos);
  REQUIRE(at_a1 != std::string::npos);
  REQUIRE(at_b1 != std::string::npos);
  CHECK(at_a2 < at_a1);
  CHECK(at_a1 < at_b1);
  CHECK(out.table.find("2026-12-08 08:30-09:00") != std::string::npos);
  CHECK(out.table.find("Vårdcentral Åsa") != std::string::npos);
  CHECK(out.table.find("ASTMA30") != std::string::npos);
  CHECK(out.table.find("confirmed") != std::string::npos);
  CHECK(out.table.find("Bokningen kunde inte läsas") != std::string::npos);
  // The unit that gave no list at all is named under the table.
  CHECK(out.table.find("no data from " + C) != std::string::npos);

  // Every GetAppointment went through the hub, addressed to the unit.
  std::size_t get_appointment_calls = 0;
  for (const auto& req : unit_a.requests()) {
    if (req.body.find("GetAppointments") != std::string::npos) continue;  // the list call
    ++get_appointment_calls;
    CHECK(req.body.find("LogicalAddress>" + A + "<") != std::string::npos);
    CHECK(req.body.find("191212121212") != std::string::npos);
  }
  CHECK(get_appointment_calls == 2);
}

TEST_CASE("tidnav call --expand: a table from answers alone", "[integration][expand]") {
  SECTION("rows are ordered by time, unknown times last, names filled in") {
    std::vector<cli::appointment_row> rows{
        {"20261210100000", "20261210103000", "SE2321000016-B002", "", "TT30", "booked", "id-2", true},
        {"", "", "SE2321000016-C003", "", "", "not fetched: timeout", "id-3", false},
        {"20261208080000", "20261209080000", "se2321000016-a001", "", "TT60 (Återbesök)", "confirmed", "id-1", true}};
    const std::string t = cli::render_appointment_table(rows, {{"SE2321000016-D004", "504", "service_producer", "timed out"}},
                                                        {{"SE2321000016-A001", "Vårdcentral Åsa"}});
    INFO(t);
    CHECK(t.find("id-1") < t.find("id-2"));
    CHECK(t.find("id-2") < t.find("id-3"));
    CHECK(t.find("2026-12-08 08:00 - 2026-12-09 08:00") != std::string::npos);
    CHECK(t.find("2026-12-10 10:00-10:30") != std::string::npos);
    CHECK(t.find("Vårdcentral Åsa") != std::string::npos);
    CHECK(t.find("3 appointments") != std::string::npos);
    CHECK(t.find("no data from SE2321000016-D004: 504 service_producer, timed out") != std::string::npos);
    // Columns line up although names hold multi-byte letters: "TIME TYPE" starts
    // at the same column in the heading and in a row.
    const auto heading_end = t.find('\n');
    const std::string heading = t.substr(0, heading_end);
    const std::string first = t.substr(heading_end + 1, t.find('\n', heading_end + 1) - heading_end - 1);
    const auto col = [](const std::string& line, std::size_t byte) {
      std::size_t c = 0;
      for (std::size_t i = 0; i < byte; ++i) c += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
      return c;
    };
    CHECK(col(heading, heading.find("TIME TYPE")) == col(first, first.find("TT60")));
  }
  SECTION("an answer that is not a GetAppointments list is refused") {
    cli::appointment_list list;
    CHECK_FALSE(cli::read_appointment_list(soap_fault("nej"), list).empty());
    CHECK_FALSE(cli::read_appointment_list("not xml", list).empty());
  }
  SECTION("a GetAppointment fault becomes the row's status") {
    const auto row = cli::row_from_answer({"id-9", "SE2321000016-A001"}, 500, soap_fault("Nej tack"), "");
    CHECK_FALSE(row.fetched);
    CHECK(row.status.find("Nej tack") != std::string::npos);
    CHECK(row.status.find("HTTP 500") != std::string::npos);
  }
}
