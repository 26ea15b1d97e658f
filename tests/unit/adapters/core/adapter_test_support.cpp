// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapter_test_support.hpp"

#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/memory_fixture.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "contracts/operation_registry.hpp"
#include "contracts/schema_validator.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <mutex>

#include <unistd.h>

namespace tidnav::adapters::test {
namespace {

std::string canonical(contracts::family fam, const std::string& operation, const fields& body,
                      const contracts::soap_headers& headers) {
  const auto* op = contracts::find_operation(fam, operation);
  REQUIRE(op);
  std::string error;
  const std::string loose = contracts::build_loose_element(operation, body, error);
  REQUIRE(error.empty());
  contracts::codec_error err;
  std::string xml = op->canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element,
                                     &headers, err);
  INFO(err.message);
  REQUIRE_FALSE(err);
  return xml;
}

bool local_name_is(pugi::xml_node n, std::string_view local) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return std::string_view(colon ? colon + 1 : name) == local;
}

}  // namespace

std::string source_path(const std::string& relative) { return std::string(TIDNAV_SOURCE_DIR) + "/" + relative; }

memory_seed fixture_seed() {
  std::string error;
  auto seed = load_memory_seed(source_path("tests/fixtures/adapters/memory-booking-system.json"), error);
  INFO(error);
  REQUIRE(seed);
  return std::move(*seed);
}

unit_table fixture_units() {
  std::vector<std::string> errors;
  auto table = unit_table::build({{asa, "VC-ASA", "Vårdcentralen Åsa"}, {berga, "VC-BERGA", "Vårdcentralen Berga"}},
                                 errors);
  REQUIRE(errors.empty());
  return table;
}

world::world() : system(fixture_seed()), units(fixture_units()) {}

call_info world::call(const std::string& consumer) const {
  call_info c;
  c.consumer = consumer;
  c.now = *ts_to_instant(fixture_now);
  c.until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  c.writes = store;
  c.ids = const_cast<id_directory*>(&ids);
  return c;
}

producer_reply world::sched2(const std::string& envelope, const std::string& consumer) {
  return handle_sched2(system, units, envelope, call(consumer));
}

producer_reply world::crm11(const std::string& envelope, const std::string& consumer) {
  return handle_crm11(system, units, envelope, call(consumer));
}

fields actor(const std::string& pnr) {
  return {{"actor.actorId.root", "1.2.752.129.2.1.3.1"},
          {"actor.actorId.extension", pnr},
          {"actor.actorType.code", "116154003"},
          {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"}};
}

fields person(const std::string& pnr) {
  const bool coordination = pnr.size() == 12 && pnr[6] >= '6';
  return {{"personId.root", coordination ? "1.2.752.129.2.1.3.3" : "1.2.752.129.2.1.3.1"}, {"personId.extension", pnr}};
}

fields concat(std::initializer_list<fields> parts) {
  fields out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::string sched2_request(const std::string& operation, const fields& body, const std::string& address) {
  contracts::soap_headers h;
  h.logical_address = address;
  return canonical(contracts::family::sched2, operation, body, h);
}

std::string crm11_request(const std::string& operation, const fields& body, const std::string& address,
                          const std::string& actor_id, const std::string& actor_type) {
  contracts::soap_headers h;
  h.logical_address = address;
  h.actor = contracts::actor_header{actor_id, actor_type};
  return canonical(contracts::family::crm11, operation, body, h);
}

std::vector<std::string> all_texts(const std::string& xml, std::string_view local_name) {
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml.data(), xml.size()));
  std::vector<std::string> out;
  struct walker : pugi::xml_tree_walker {
    std::string_view want;
    std::vector<std::string>* out;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element && local_name_is(n, want)) out->push_back(n.text().get());
      return true;
    }
  } w;
  w.want = local_name;
  w.out = &out;
  doc.traverse(w);
  return out;
}

std::string first_text(const std::string& xml, std::string_view local_name) {
  const auto all = all_texts(xml, local_name);
  return all.empty() ? std::string() : all.front();
}

std::string schema_issues(const std::string& xml, contracts::family fam) {
  static contracts::schema_validator validator;
  static std::mutex mutex;  // the validator caches compiled schemas
  std::lock_guard lock(mutex);
  std::string out;
  for (const auto& issue : validator.validate_envelope(xml, fam)) {
    out += "line " + std::to_string(issue.line) + ": " + issue.message + "\n";
  }
  return out;
}

std::string scratch_file(const std::string& name) {
  static std::atomic<int> n{0};
  const auto dir = std::filesystem::path(TIDNAV_BINARY_DIR) / "adapter-core-scratch";
  std::filesystem::create_directories(dir);
  const auto path = dir / (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

}  // namespace tidnav::adapters::test
