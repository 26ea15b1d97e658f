// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/schema_validator.hpp"
#include "hub/ei/ei_codec.hpp"
#include "hub/ei/ei_host.hpp"
#include "hub/ei/ei_service.hpp"
#include "hub/ei/identity.hpp"
#include "hub/ei/sqlite_store.hpp"
#include "tests/unit/hub/ei/ei_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <limits>
#include <map>
#include <thread>

using namespace tidnav::ei;
using namespace std::chrono_literals;
using test::body_leaves;
using test::fault_detail;
using test::fault_string;
using test::fixture;
using test::sample;
using test::temp_dir;
using test::upsert;

namespace {

constexpr const char* update_action = "urn:riv:itintegration:engagementindex:UpdateResponder:1:Update";
constexpr const char* find_action = "urn:riv:itintegration:engagementindex:FindContentResponder:1:FindContent";
constexpr const char* pn_action =
    "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1:ProcessNotification";

tidnav::contracts::schema_validator& validator() {
  static tidnav::contracts::schema_validator v;
  return v;
}

void require_schema_valid(const std::string& envelope) {
  const auto issues = validator().validate_envelope(envelope, tidnav::contracts::family::ei1);
  for (const auto& i : issues) UNSCOPED_INFO("line " << i.line << ": " << i.message);
  INFO(envelope);
  REQUIRE(issues.empty());
}

// 2025-11-02 10:15:12 in Stockholm (CET): the creationTime of the fixtures.
std::chrono::system_clock::time_point fixture_now() {
  using namespace std::chrono;
  return system_clock::time_point(sys_days{year{2025} / November / day{2}} + hours{9} + minutes{15} + seconds{12});
}

struct world {
  temp_dir dir;
  sqlite_store store{dir.file("ei.db")};
  std::atomic<int> wakes{0};
  ei_service service;

  explicit world(ei_config cfg = {}) : service(store, with_clock(std::move(cfg))) {
    service.on_enqueued([this] { ++wakes; });
  }
  static ei_config with_clock(ei_config cfg) {
    if (!cfg.clock) cfg.clock = fixture_now;
    return cfg;
  }
  producer_reply call(const std::string& action, const std::string& envelope, call_context ctx = {}) {
    return service.handle(action, envelope, ctx);
  }
};

call_context platform(const char* own) {
  call_context c;
  c.platform_hsa_id = own;
  return c;
}

std::vector<std::string> without(std::vector<std::string> leaves, const std::string& part) {
  std::erase_if(leaves, [&](const std::string& l) { return l.find(part) != std::string::npos; });
  return leaves;
}

// Engagements of one FindContent answer, split per engagement.
std::vector<std::vector<std::string>> engagements_of(const std::string& envelope) {
  std::vector<std::vector<std::string>> out;
  for (const auto& l : body_leaves(envelope)) {
    if (l.find("}registeredResidentIdentification=") != std::string::npos) out.emplace_back();
    if (!out.empty()) out.back().push_back(l);
  }
  return out;
}

find_query person() {
  find_query q;
  q.registered_resident_identification = "191212121212";
  q.service_domain = "riv:crm:scheduling";
  return q;
}

}  // namespace

TEST_CASE("Update fixture: stored durably and answered with a schema-valid OK", "[ei][service]") {
  world w;
  const auto reply = w.call(update_action, fixture("Update-request.xml"));
  INFO(reply.body);
  REQUIRE(reply.http_status == 200);
  require_schema_valid(reply.body);
  CHECK(body_leaves(reply.body) == body_leaves(fixture("Update-response.xml")));
  // Committed before the answer: visible on a separate connection right away.
  sqlite_store other(w.store.path());
  CHECK(other.find(person()).size() == 1);
}

TEST_CASE("FindContent fixture: answers with the stored posts, schema-valid", "[ei][service]") {
  world w;
  REQUIRE(w.call(update_action, fixture("Update-request.xml")).http_status == 200);
  const auto reply = w.call(find_action, fixture("FindContent-request.xml"));
  INFO(reply.body);
  REQUIRE(reply.http_status == 200);
  require_schema_valid(reply.body);
  const auto got = engagements_of(reply.body);
  const auto expected = engagements_of(fixture("FindContent-response.xml"));
  REQUIRE(got.size() == 1);  // the delete in the Update named a post that never existed
  // The fixture's post was updated once since; ours was just created.
  CHECK(got[0] == without(expected[0], "}updateTime="));
}

TEST_CASE("FindContent with no match answers an empty, schema-valid response", "[ei][service]") {
  world w;
  auto q = person();
  q.registered_resident_identification = "197710102384";
  const auto reply = w.call("", test::find_envelope(q));
  REQUIRE(reply.http_status == 200);
  require_schema_valid(reply.body);
  CHECK(engagements_of(reply.body).empty());
}

TEST_CASE("FindContent filters on every given field", "[ei][service]") {
  world w;
  auto a = sample(1);
  auto b = sample(2);
  b.source_system = "SE2321000016-SYS2";
  REQUIRE(w.call(update_action, test::update_envelope("5565594230", {upsert(a), upsert(b)})).http_status == 200);
  auto q = person();
  q.source_system = "se2321000016-sys2";
  q.owner = "5565594230";
  const auto reply = w.call(find_action, test::find_envelope(q));
  REQUIRE(reply.http_status == 200);
  require_schema_valid(reply.body);
  const auto got = engagements_of(reply.body);
  REQUIRE(got.size() == 1);
  CHECK(std::find(got[0].begin(), got[0].end(),
                  "/{urn:riv:itintegration:engagementindex:FindContentResponder:1}FindContentResponse/"
                  "{urn:riv:itintegration:engagementindex:FindContentResponder:1}engagement/"
                  "{urn:riv:itintegration:engagementindex:1}businessObjectInstanceIdentifier=BKG-2") != got[0].end());
}

TEST_CASE("ProcessNotification fixture: posts of another owner are stored with their times", "[ei][service]") {
  world w;
  const auto reply = w.call(pn_action, fixture("ProcessNotification-request.xml"), platform("SE2321000016-TIDN"));
  INFO(reply.body);
  REQUIRE(reply.http_status == 200);
  require_schema_valid(reply.body);
  CHECK(reply.body.find(">OK<") != std::string::npos);
  const auto found = w.store.find(person());
  REQUIRE(found.size() == 1);
  CHECK(found[0].owner == "5565594230");
  CHECK(found[0].creation_time == "20251102101512");
  CHECK(found[0].update_time == "20251125081003");
}

TEST_CASE("ProcessNotification: our own posts are skipped and the answer says so", "[ei][service]") {
  world w;
  SECTION("all ours") {
    const auto reply = w.call(pn_action, fixture("ProcessNotification-request.xml"));  // platform 5565594230
    REQUIRE(reply.http_status == 200);
    require_schema_valid(reply.body);
    CHECK(reply.body.find("2 poster hoppades över") != std::string::npos);
    CHECK(w.store.find(person()).empty());
  }
  SECTION("one of two ours: the fixture answer") {
    auto theirs = sample(1);
    theirs.owner = "SE2321000016-NAT1";
    theirs.creation_time = "20251102101512";
    theirs.update_time = "20251125081003";
    auto ours = sample(2);
    ours.owner = "5565594230";
    ours.creation_time = "20251102101512";
    ours.update_time = "20251125081003";
    const auto reply = w.call(pn_action, test::notification_envelope("5565594230", {upsert(theirs), upsert(ours)}));
    REQUIRE(reply.http_status == 200);
    require_schema_valid(reply.body);
    CHECK(body_leaves(reply.body) == body_leaves(fixture("ProcessNotification-response.xml")));
    const auto found = w.store.find(person());
    REQUIRE(found.size() == 1);
    CHECK(found[0].owner == "SE2321000016-NAT1");
  }
}

TEST_CASE("ProcessNotification: another index taking over a post removes our copy", "[ei][service]") {
  ei_config cfg;
  cfg.subscribers = {{"SE2321000016-NAT1", "route:national", "", {}}, {"SE2321000016-APP", "route:app", "", {}}};
  world w(cfg);
  REQUIRE(w.call(update_action, test::update_envelope("5565594230", {upsert(sample(1))})).http_status == 200);
  auto theirs = sample(1);
  theirs.owner = "SE2321000016-NAT1";
  theirs.creation_time = "20250101000000";
  theirs.update_time = "20250101000000";
  const auto reply = w.call(pn_action, test::notification_envelope("5565594230", {upsert(theirs)}));
  REQUIRE(reply.http_status == 200);
  const auto found = w.store.find(person());
  REQUIRE(found.size() == 1);
  CHECK(found[0].owner == "SE2321000016-NAT1");

  // Told: both subscribers about our insert; then the app about our copy's
  // delete and the new owner's post, the national index only about the
  // delete (it owns the new post).
  CHECK(w.store.outbox_stats().pending == 4);
  std::map<std::string, std::vector<std::string>> told;
  for (;;) {
    const auto heads = w.store.due_notifications(std::numeric_limits<std::int64_t>::max(), 10, {});
    if (heads.empty()) break;
    for (const auto& h : heads) {
      std::string entry;
      for (const auto& t : h.transactions) {
        entry += (t.delete_flag ? "delete:" : "upsert:") + t.record.owner.value_or("?") + " ";
      }
      told[h.logical_address].push_back(entry);
      w.store.mark_delivered(h.id);
    }
  }
  CHECK(told["SE2321000016-NAT1"] == std::vector<std::string>{"upsert:5565594230 ", "delete:5565594230 "});
  CHECK(told["SE2321000016-APP"] ==
        std::vector<std::string>{"upsert:5565594230 ", "delete:5565594230 upsert:SE2321000016-NAT1 "});
}

TEST_CASE("changes wake the outbox, identical re-posts do not", "[ei][service]") {
  ei_config cfg;
  cfg.subscribers = {{"SE2321000016-APP", "route:app", "riv:crm:scheduling", {}}};
  world w(cfg);
  const auto env = test::update_envelope("5565594230", {upsert(sample(1))});
  REQUIRE(w.call(update_action, env).http_status == 200);
  CHECK(w.wakes == 1);
  CHECK(w.store.outbox_stats().pending == 1);
  REQUIRE(w.call(update_action, env).http_status == 200);
  CHECK(w.wakes == 1);
  CHECK(w.store.outbox_stats().pending == 1);
  auto other_domain = sample(2);
  other_domain.service_domain = "riv:other";
  REQUIRE(w.call(update_action, test::update_envelope("5565594230", {upsert(other_domain)})).http_status == 200);
  CHECK(w.store.outbox_stats().pending == 1);  // the filter keeps it out
}

TEST_CASE("Update ignores owner and times sent by the source", "[ei][service]") {
  world w;
  auto e = sample(1);
  e.owner = "SE2321000016-FAKE";
  e.creation_time = "20000101000000";
  e.update_time = "20000101000000";
  REQUIRE(w.call(update_action, test::update_envelope("5565594230", {upsert(e)})).http_status == 200);
  const auto found = w.store.find(person());
  REQUIRE(found.size() == 1);
  CHECK(found[0].owner == "5565594230");
  CHECK(found[0].creation_time == "20251102101512");
  CHECK_FALSE(found[0].update_time);
}

TEST_CASE("every refusal is a SOAP fault carrying its EI code", "[ei][service]") {
  struct row {
    const char* name;
    std::string action;
    std::function<std::string()> envelope;
    const char* code;
    const char* text_part;
    bool client = true;
    bool validate_schema = false;
  };
  auto bad = [](std::function<void(engagement&)> f) {
    auto e = sample(2);
    f(e);
    return test::update_envelope("5565594230", {upsert(sample(1)), upsert(e)});
  };
  std::vector<engagement_transaction> many;
  for (int i = 0; i < 1001; ++i) many.push_back(upsert(sample(i)));
  const std::string too_many = test::update_envelope("5565594230", many);

  const std::vector<row> rows = {
      {"EI000 no transactions", update_action, [] { return test::update_envelope("5565594230", {}); }, "EI000",
       "from 1 to 1000"},
      {"EI000 1001 transactions", update_action, [&] { return too_many; }, "EI000", "holds 1001"},
      {"EI000 FindContent without person", find_action,
       [] {
         auto q = person();
         q.registered_resident_identification.clear();
         return test::find_envelope(q);
       },
       "EI000", "requires registeredResidentIdentification"},
      {"EI000 FindContent without domain", find_action,
       [] {
         auto q = person();
         q.service_domain.clear();
         return test::find_envelope(q);
       },
       "EI000", "requires serviceDomain"},
      {"EI000 not an EI operation", "", [] { return fixture("../monitoring-1.0/PingForConfiguration-request.xml"); },
       "EI000", "offers Update, FindContent and ProcessNotification"},
      {"EI000 SOAPAction of another operation", find_action,
       [] { return test::update_envelope("5565594230", {upsert(sample(1))}); }, "EI000", "does not match"},
      {"EI001 not XML", update_action, [] { return std::string("this is not xml"); }, "EI001", "not a readable"},
      {"EI001 deleteFlag not a boolean", update_action,
       [] {
         auto env = test::update_envelope("5565594230", {upsert(sample(1))});
         env.replace(env.find(">false<"), 7, ">maybe<");
         return env;
       },
       "EI001", "does not follow the schema"},
      {"EI001 transaction without engagement", update_action,
       [] {
         auto env = test::update_envelope("5565594230", {upsert(sample(1))});
         const auto from = env.find("<ei:engagement>");
         const auto to = env.find("</ei:engagement>") + std::string("</ei:engagement>").size();
         env.erase(from, to - from);
         return env;
       },
       "EI001", "has no engagement"},
      {"EI001 schema pattern (validation on)", update_action,
       [&] { return bad([](engagement& e) { e.registered_resident_identification = "19121212121X"; }); }, "EI001",
       "line ", true, true},
      {"EI002 duplicate keys", update_action,
       [] { return test::update_envelope("5565594230", {upsert(sample(1)), upsert(sample(1))}); }, "EI002",
       "#1 and #2"},
      {"EI003 no LogicalAddress", update_action,
       [] { return test::update_envelope(std::nullopt, {upsert(sample(1))}); }, "EI003", "has no LogicalAddress"},
      {"EI003 another LogicalAddress", update_action,
       [] { return test::update_envelope("SE2321000016-ABC1", {upsert(sample(1))}); }, "EI003",
       "sent to logical address SE2321000016-ABC1"},
      {"EI004 missing field", update_action, [&] { return bad([](engagement& e) { e.source_system.clear(); }); },
       "EI004", "\"sourceSystem\" is missing"},
      {"EI004 whitespace", update_action, [&] { return bad([](engagement& e) { e.categorization = "NA "; }); },
       "EI004", "whitespace"},
      {"EI004 too long", update_action,
       [&] { return bad([](engagement& e) { e.logical_address = std::string(65, 'A'); }); }, "EI004",
       "longer than 64"},
      {"EI004 bad TS", update_action,
       [&] { return bad([](engagement& e) { e.most_recent_content = "20270229120000"; }); }, "EI004",
       "mostRecentContent"},
      {"EI004 notification without owner", pn_action,
       [] { return test::notification_envelope("5565594230", {upsert(sample(1))}); }, "EI004", "\"owner\""},
      {"EI005 reserved logicalAddress", update_action,
       [&] { return bad([](engagement& e) { e.logical_address = "5565594230"; }); }, "EI005", "#2"},
      {"EI006 reserved sourceSystem", update_action,
       [&] { return bad([](engagement& e) { e.source_system = "SE2321000016-VP01"; }); }, "EI006", "#2"},
  };
  for (const auto& r : rows) {
    DYNAMIC_SECTION(r.name) {
      ei_config cfg;
      cfg.reserved_hsa_ids = {"SE2321000016-VP01"};
      cfg.validate_schema = r.validate_schema;
      world w(cfg);
      const auto reply = w.call(r.action, r.envelope());
      INFO(reply.body.substr(0, 2000));
      CHECK(reply.http_status == 500);
      const std::string fs = fault_string(reply.body);
      CHECK(fs.rfind(std::string(r.code) + ": ", 0) == 0);
      CHECK((fs + fault_detail(reply.body)).find(r.text_part) != std::string::npos);
      CHECK(reply.body.find(r.client ? "SOAP-ENV:Client" : "SOAP-ENV:Server") != std::string::npos);
      CHECK(w.store.find(person()).empty());  // nothing of a refused request is kept
    }
  }
}

TEST_CASE("without schema validation a pattern-only problem is accepted", "[ei][service]") {
  world w;
  auto e = sample(1);
  e.registered_resident_identification = "19121212121X";
  CHECK(w.call(update_action, test::update_envelope("5565594230", {upsert(e)})).http_status == 200);
}

TEST_CASE("a fault lists every problem in its detail", "[ei][service]") {
  world w;
  auto a = sample(1);
  a.service_domain.clear();
  auto b = sample(2);
  b.most_recent_content = "2027";
  const auto reply = w.call(update_action, test::update_envelope("SE2321000016-ELSE", {upsert(a), upsert(b)}));
  REQUIRE(reply.http_status == 500);
  CHECK(fault_string(reply.body).find("(and 2 more, see detail)") != std::string::npos);
  const std::string detail = fault_detail(reply.body);
  CHECK(detail.find("EI003: ") != std::string::npos);
  CHECK(detail.find("EI004: engagementTransaction #1") != std::string::npos);
  CHECK(detail.find("EI004: engagementTransaction #2") != std::string::npos);
}

TEST_CASE("SOAPAction may be quoted or absent", "[ei][service]") {
  world w;
  const auto env = test::update_envelope("5565594230", {upsert(sample(1))});
  CHECK(w.call(std::string("\"") + update_action + "\"", env).http_status == 200);
  CHECK(w.call("", env).http_status == 200);
}

TEST_CASE("the routed logical address is used when the hub gives one", "[ei][service]") {
  world w;
  call_context ctx;
  ctx.logical_address = "SE2321000016-ABC1";  // what the hub routed on wins over the header
  const auto reply = w.call(update_action, test::update_envelope("5565594230", {upsert(sample(1))}), ctx);
  CHECK(reply.http_status == 500);
  CHECK(fault_string(reply.body).rfind("EI003", 0) == 0);
  ei_config cfg;
  cfg.alternative_hsa_ids = {"SE5565594230-ALT"};
  world alt(cfg);
  ctx.logical_address = "se5565594230-alt";
  CHECK(alt.call(update_action, test::update_envelope("x", {upsert(sample(1))}), ctx).http_status == 200);
}

namespace {

// A store whose disk is gone.
class broken_store : public engagement_store {
 public:
  apply_result apply_update(const update_batch&) override { throw store_error("disk I/O error"); }
  std::vector<engagement> find(const find_query&) override { throw store_error("disk I/O error"); }
  std::optional<engagement> get(const std::string&) override { return std::nullopt; }
  std::vector<outbox_entry> due_notifications(std::int64_t, std::size_t, std::span<const std::int64_t>) override {
    return {};
  }
  std::optional<std::int64_t> next_due_ms() override { return std::nullopt; }
  void mark_delivered(std::int64_t) override {}
  void mark_failed(std::int64_t, std::int64_t, const std::string&, bool) override {}
  outbox_counts outbox_stats() override { return {}; }
  int schema_version() override { return 0; }
};

}  // namespace

TEST_CASE("a storage failure is a Server fault EI000, never an OK", "[ei][service]") {
  broken_store store;
  ei_service service(store, {});
  for (const auto& [action, env] :
       {std::pair<std::string, std::string>{update_action, test::update_envelope("5565594230", {upsert(sample(1))})},
        {find_action, test::find_envelope(person())}}) {
    const auto reply = service.handle(action, env, {});
    CHECK(reply.http_status == 500);
    CHECK(fault_string(reply.body).rfind("EI000: ", 0) == 0);
    CHECK(fault_string(reply.body).find("disk I/O error") != std::string::npos);
    CHECK(reply.body.find("SOAP-ENV:Server") != std::string::npos);
  }
}

TEST_CASE("ei_host: from a database path to a delivered notification", "[ei][service]") {
  temp_dir dir;
  test::fake_sender sender;
  ei_host_options options;
  options.service.subscribers = {{"SE2321000016-APP", "route:app", "", {}}};
  options.outbox.poll_interval = 60s;  // only wake() can make this quick
  {
    ei_host host(dir.file("ei.db"), sender, options);
    const auto reply = host.handle(update_action, fixture("Update-request.xml"), {});
    REQUIRE(reply.http_status == 200);
    REQUIRE(sender.wait_for([](const auto& a) { return !a.empty(); }, 5s));
    const auto n = sender.attempts().front().n;
    CHECK(n.logical_address == "SE2321000016-APP");
    CHECK(n.transactions == 2);  // two posts created; the delete found nothing
    require_schema_valid(n.envelope);
    // The sender has answered; the worker records the delivery just after.
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (host.worker().metrics().stored.delivered == 0 && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(5ms);
    }
  }
  // Reopen: the post is still there and the outbox is empty.
  ei_host again(dir.file("ei.db"), sender, options);
  const auto reply = again.handle("", fixture("FindContent-request.xml"), {});
  REQUIRE(reply.http_status == 200);
  CHECK(engagements_of(reply.body).size() == 1);
  CHECK(again.worker().metrics().stored.delivered == 1);
  CHECK(again.worker().metrics().stored.pending == 0);
}

TEST_CASE("concurrent requests are all answered", "[ei][service]") {
  world w;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        if (w.call(update_action, test::update_envelope("5565594230", {upsert(sample(t * 100 + i))})).http_status ==
            200) {
          ++ok;
        }
        if (w.call(find_action, test::find_envelope(person())).http_status == 200) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == 80);
  CHECK(w.store.find(person()).size() == 40);
}

TEST_CASE("counters: posts by what a commit did, requests by operation and result", "[ei][service][metrics]") {
  world w;
  const auto insert = test::update_envelope("5565594230", {upsert(sample(1)), upsert(sample(2))});
  REQUIRE(w.call(update_action, insert).http_status == 200);
  REQUIRE(w.call(update_action, insert).http_status == 200);  // identical: unchanged
  auto later = sample(1);
  later.most_recent_content = "20270116093000";
  REQUIRE(w.call(update_action, test::update_envelope("5565594230", {upsert(later), test::remove(sample(2))}))
              .http_status == 200);
  REQUIRE(w.call(find_action, test::find_envelope(person())).http_status == 200);
  CHECK(w.call(update_action, test::update_envelope("SE2321000016-WRONG", {upsert(sample(3))})).http_status == 500);
  CHECK(w.call("", "not xml").http_status == 500);

  const ei_counts c = w.service.counters().snapshot();
  CHECK(c.inserted == 2);
  CHECK(c.unchanged == 2);
  CHECK(c.updated == 1);
  CHECK(c.deleted == 1);
  CHECK(c.updates == 3);
  CHECK(c.find_contents == 1);
  CHECK(c.notifications == 0);
  CHECK(c.refused == 2);
}
