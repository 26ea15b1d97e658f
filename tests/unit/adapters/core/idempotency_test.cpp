// SPDX-License-Identifier: GPL-2.0-or-later
// Repeated writes are answered, not redone: within the window, across a
// restart, while the first is still running, and regardless of the volatile
// parts of the envelope.
#include "adapter_test_support.hpp"
#include "adapters/core/idempotent_write.hpp"
#include "adapters/core/name_uuid.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;

namespace {

const std::string s100 = "e2831c62-0915-523f-aacb-ed124a2a1e5f";  // contract id of slot S-100

struct clock_hand {
  std::shared_ptr<std::atomic<std::int64_t>> offset = std::make_shared<std::atomic<std::int64_t>>(0);
  std::function<instant()> clock() const {
    return [o = offset] { return *ts_to_instant(fixture_now) + std::chrono::seconds(o->load()); };
  }
  void advance(std::chrono::seconds s) const { *offset += s.count(); }
};

std::unique_ptr<idempotency_store> open_store(const std::string& path, const clock_hand& hand = {}) {
  idempotency_options options;
  options.clock = hand.clock();
  std::string error;
  auto store = idempotency_store::open(path, options, error);
  INFO(error);
  REQUIRE(store);
  return store;
}

std::string make(const std::string& slot, const std::string& pnr = tolvan) {
  return sched2_request("MakeAppointment", concat({actor(pnr), person(pnr), {{"timeslotId", slot}}}));
}

std::string cancel(const std::string& appointment) {
  return sched2_request("CancelAppointment", concat({actor(), {{"appointmentId", appointment}}, person()}));
}

std::string list_times() {
  return sched2_request("GetAvailableTimeslots", {{"startDateInclusive", "20310301"}, {"endDateInclusive", "20310331"}});
}

// The same request as a different client library might send it: other
// prefixes, other whitespace, a lower-case address and a message id header.
std::string disguised(std::string xml) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = xml.find(from, at)) != std::string::npos; at += to.size()) xml.replace(at, from.size(), to);
  };
  replace_all("ma:", "m:");
  replace_all("xmlns:ma=", "xmlns:m=");
  replace_all("><", ">\n  <");
  replace_all(asa, "se2321000016-abc1");
  const std::string header = "<SOAP-ENV:Header>";
  xml.insert(xml.find(header) + header.size(),
             "<x:MessageID xmlns:x=\"urn:example:volatile\">id-4711-retry-2</x:MessageID>");
  return xml;
}

}  // namespace

TEST_CASE("adapter-core: idempotency: the same MakeAppointment twice books once and answers the same", "[adapters][idempotency]") {
  auto store = open_store(scratch_file("twice"));
  world w;
  w.store = store.get();
  w.sched2(list_times());
  const auto first = w.sched2(make(s100));
  const auto second = w.sched2(make(s100));
  REQUIRE(first.http_status == 200);
  CHECK(first_text(first.body, "resultCode") == "OK");
  CHECK(second.body == first.body);
  CHECK(w.system.bookings_made() == 1);
  CHECK(store->remembered() == 1);

  const auto retried = w.sched2(disguised(make(s100)));
  INFO(retried.body);
  CHECK(retried.body == first.body);
  CHECK(w.system.bookings_made() == 1);
}

TEST_CASE("adapter-core: idempotency: answers survive a restart of the adapter", "[adapters][idempotency]") {
  const std::string path = scratch_file("restart");
  world w;
  w.sched2(list_times());
  std::string first;
  {
    auto store = open_store(path);
    w.store = store.get();
    first = w.sched2(make(s100)).body;
    CHECK(first_text(first, "resultCode") == "OK");
  }
  auto reopened = open_store(path);
  w.store = reopened.get();
  const auto again = w.sched2(make(s100));
  CHECK(again.body == first);
  CHECK(first_text(again.body, "appointmentId") == first_text(first, "appointmentId"));
  CHECK(w.system.bookings_made() == 1);
}

TEST_CASE("adapter-core: idempotency: another consumer, or other content, is another request", "[adapters][idempotency]") {
  auto store = open_store(scratch_file("others"));
  world w;
  w.store = store.get();
  w.sched2(list_times());
  CHECK(first_text(w.sched2(make(s100)).body, "resultCode") == "OK");
  CHECK(first_text(w.sched2(make(s100), "SE2321000016-OTHER").body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(first_text(w.sched2(make(s100, "198112189876")).body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(w.system.bookings_made() == 1);
}

TEST_CASE("adapter-core: idempotency: a later write of the same person ends the repeat (book, cancel, book again)", "[adapters][idempotency]") {
  auto store = open_store(scratch_file("supersede"));
  world w;
  w.store = store.get();
  w.sched2(list_times());
  const std::string first = first_text(w.sched2(make(s100)).body, "appointmentId");
  CHECK(first_text(w.sched2(cancel(first)).body, "resultCode") == "OK");
  CHECK(first_text(w.sched2(cancel(first)).body, "resultCode") == "OK");  // a repeated cancel is answered too
  const auto again = w.sched2(make(s100));
  CHECK(first_text(again.body, "resultCode") == "OK");
  CHECK(first_text(again.body, "appointmentId") != first);
  CHECK(w.system.bookings_made() == 2);
  CHECK(w.system.bookings_on_slot("S-100") == 1);
}

TEST_CASE("adapter-core: idempotency: business errors are not remembered, so a retry can succeed later", "[adapters][idempotency]") {
  auto store = open_store(scratch_file("errors"));
  world w;
  w.store = store.get();
  w.sched2(list_times());
  const std::string other = "198112189876";
  const std::string theirs = first_text(w.sched2(make(s100, other)).body, "appointmentId");
  CHECK(first_text(w.sched2(make(s100)).body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  w.sched2(sched2_request("CancelAppointment", concat({actor(other), {{"appointmentId", theirs}}, person(other)})));
  CHECK(first_text(w.sched2(make(s100)).body, "resultCode") == "OK");
}

TEST_CASE("adapter-core: idempotency: an answer is remembered for the window, then the write runs again", "[adapters][idempotency]") {
  clock_hand hand;
  auto store = open_store(scratch_file("window"), hand);
  world w;
  w.store = store.get();
  w.sched2(list_times());
  const auto first = w.sched2(make(s100));
  hand.advance(std::chrono::hours(23));
  CHECK(w.sched2(make(s100)).body == first.body);
  hand.advance(std::chrono::hours(2));
  // Past 24 h the request is new; the slot is taken, by the first booking.
  CHECK(first_text(w.sched2(make(s100)).body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(w.system.bookings_made() == 1);
  CHECK(store->remembered() == 0);  // the expired answer was replaced, and an error is not kept
}

TEST_CASE("adapter-core: idempotency: identical requests racing each other book once and all get the first answer", "[adapters][idempotency]") {
  auto store = open_store(scratch_file("race"));
  world w;
  w.store = store.get();
  w.sched2(list_times());
  const std::string request = make(s100);
  std::vector<producer_reply> replies(8);
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (auto& reply : replies) {
    threads.emplace_back([&, out = &reply] {
      while (!go.load()) std::this_thread::yield();
      *out = w.sched2(request);
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  CHECK(w.system.bookings_made() == 1);
  for (const auto& r : replies) {
    CHECK(r.http_status == 200);
    CHECK(r.body == replies.front().body);
  }
  CHECK(first_text(replies.front().body, "resultCode") == "OK");
}

TEST_CASE("adapter-core: idempotency: crm 1.1 MakeBooking and CancelBooking repeated", "[adapters][idempotency]") {
  auto store = open_store(scratch_file("crm11"));
  world w;
  w.store = store.get();
  const auto make11 = crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                                    {"requestedTimeslot.startTimeInclusive", "20310311130000"},
                                                    {"requestedTimeslot.endTimeExclusive", "20310311131500"},
                                                    {"requestedTimeslot.healthcare_facility", asa},
                                                    {"requestedTimeslot.subject_of_care", tolvan},
                                                    {"requestedTimeslot.timeTypeID", "SSK15"},
                                                    {"subject_of_care_info.firstName", "Tolvan"},
                                                    {"subject_of_care_info.lastName", "Tolvansson"}});
  const auto first = w.crm11(make11);
  CHECK(first_text(first.body, "resultCode") == "OK");
  CHECK(w.crm11(make11).body == first.body);
  CHECK(w.system.bookings_made() == 1);

  const auto cancel11 = crm11_request("CancelBooking", {{"healthcare_facility", asa}, {"bookingId", "BK-900"}});
  CHECK(first_text(w.crm11(cancel11).body, "resultCode") == "OK");
  CHECK(first_text(w.crm11(cancel11).body, "resultCode") == "OK");
}

TEST_CASE("adapter-core: idempotency keys depend on consumer, contract and content only", "[adapters][idempotency]") {
  const write_identity base{"SE165565594230-1000", "sched2:MakeAppointment", "<body/>", asa, tolvan};
  auto with = [&](auto change) {
    write_identity id = base;
    change(id);
    return idempotency_key(id);
  };
  CHECK(idempotency_key(base).size() == 64);
  CHECK(with([](write_identity& id) { id.consumer = "se165565594230-1000"; }) == idempotency_key(base));
  CHECK(with([](write_identity& id) { id.consumer = "SE165565594230-1001"; }) != idempotency_key(base));
  CHECK(with([](write_identity& id) { id.contract = "sched2:CancelAppointment"; }) != idempotency_key(base));
  CHECK(with([](write_identity& id) { id.canonical = "<body />"; }) != idempotency_key(base));
  CHECK(with([](write_identity& id) { id.subject = "198112189876"; }) == idempotency_key(base));
  // No field can bleed into the next one.
  CHECK(with([](write_identity& id) { id.consumer = "A"; id.contract = "BC"; }) !=
        with([](write_identity& id) { id.consumer = "AB"; id.contract = "C"; }));
  CHECK(idempotency_scope(base) != idempotency_scope(write_identity{base.consumer, base.contract, base.canonical, asa, "198112189876"}));
}
