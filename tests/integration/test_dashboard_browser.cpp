// SPDX-License-Identifier: GPL-2.0-or-later
// The dashboard as an operator sees it: a real hub with some traffic, the page
// loaded by headless Chromium, and the DOM checked after the page's JavaScript
// has filled it (chromium --dump-dom). Exits 77 (CTest: skipped) when no
// chromium is installed.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "tests/integration/ops_world.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

// TIDNAV_CHROMIUM overrides the search (a path that does not exist checks the skip).
std::string chromium_path() {
  if (const char* env = std::getenv("TIDNAV_CHROMIUM")) return ::access(env, X_OK) == 0 ? env : "";
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return {};
}

// The DOM after the page's scripts ran. Bounded: Chromium's own virtual-time
// budget, and `timeout` around the whole process.
std::string dump_dom(const std::string& url) {
  const auto profile = std::filesystem::temp_directory_path() / ("tidnav-chromium-" + std::to_string(::getpid()));
  std::filesystem::create_directories(profile);
  const std::string cmd = "timeout -k 5 90 " + chromium_path() +
                          " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
                          " --disable-extensions --disable-background-networking --user-data-dir=" + profile.string() +
                          " --virtual-time-budget=8000 --dump-dom '" + url + "' 2>/dev/null";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    std::array<char, 65536> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    ::pclose(p);
  }
  std::error_code ec;
  std::filesystem::remove_all(profile, ec);
  return out;
}

// The element with `id`, from its start tag to its end tag inclusive.
std::string element(const std::string& dom, const std::string& id) {
  const auto at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return {};
  const auto tag_start = dom.rfind('<', at);
  const auto name_end = dom.find_first_of(" >", tag_start);
  const std::string name = dom.substr(tag_start + 1, name_end - tag_start - 1);
  const std::string end_tag = "</" + name + ">";
  const auto close = dom.find(end_tag, at);
  return dom.substr(tag_start, close == std::string::npos ? std::string::npos : close + end_tag.size() - tag_start);
}

}  // namespace

TEST_CASE("dashboard in headless Chromium: routes, counters, recent calls, reload, no personnummer",
          "[integration][dashboard][browser]") {
  ops_world ow;
  ow.register_engagements();
  REQUIRE(ow.call_schedule(ops_unit1, "browser-corr-0001").status == 200);
  REQUIRE(ow.call_schedule(ops_platform, "browser-corr-0002").status == 200);  // aggregated over both units
  REQUIRE(ow.call_schedule("SE2321000016-NOPERM", "browser-corr-0003").status == 500);

  const std::string dom = dump_dom(ow.world().admin_url("/dashboard"));
  INFO(dom.substr(0, 4000));
  REQUIRE(dom.find("</html>") != std::string::npos);
  CHECK(element(dom, "status").find(">up<") != std::string::npos);
  CHECK(element(dom, "reload-state").find(">ok<") != std::string::npos);
  CHECK(element(dom, "instance").find("tidnav test") != std::string::npos);
  const std::string routes = element(dom, "routes-body");
  CHECK(routes.find(crm_ns) != std::string::npos);
  CHECK(routes.find(ops_unit1) != std::string::npos);
  CHECK(routes.find("local:aggregate") != std::string::npos);
  const std::string calls = element(dom, "calls-body");
  CHECK(calls.find("browser-corr-0001") != std::string::npos);
  CHECK(calls.find("browser-corr-0002") != std::string::npos);
  CHECK(calls.find("VP007") != std::string::npos);
  CHECK(element(dom, "producers-body").find(">up<") != std::string::npos);
  CHECK(element(dom, "ei-calls").find(">1<") != std::string::npos);
  CHECK(element(dom, "ei-pending").find(">0<") != std::string::npos);
  CHECK(element(dom, "ei-posts").find(">2 / 0 / 0<") != std::string::npos);  // one Update, two units
  CHECK(element(dom, "ei-finds").find(">1<") != std::string::npos);        // the aggregated call's lookup
  CHECK(element(dom, "total-calls").find(">") != std::string::npos);
  CHECK(element(dom, "total-calls").find(">–<") == std::string::npos);
  CHECK(element(dom, "audit-dropped").find(">0<") != std::string::npos);
  // The overview and call list carry no personal data.
  CHECK(dom.find("1212121212") == std::string::npos);
}

TEST_CASE("dashboard in headless Chromium: an operator's citizen view shows the calendar",
          "[integration][dashboard][browser]") {
  ops_world ow;
  ow.register_engagements();
  const std::string dom =
      dump_dom(ow.world().admin_url("/dashboard#token=" + std::string(ops_token) + "&person=" + ops_person + "&contract=schedule"));
  INFO(dom.substr(0, 4000));
  const std::string state = element(dom, "citizen-state");
  CHECK(state.find("bookings from 2 units") != std::string::npos);
  CHECK(element(dom, "citizen-units").find(ops_unit1) != std::string::npos);
  CHECK(element(dom, "citizen-rows").find("<td>") != std::string::npos);
  bool audited = false;
  for (const auto& a : ow.audit_records(4)) audited = audited || a.channel == "operator";
  CHECK(audited);
}

int main(int argc, char** argv) {
  if (chromium_path().empty()) {
    std::cout << "SKIP: chromium is not installed (scripts/bootstrap.sh installs it)\n";
    return 77;
  }
  return Catch::Session().run(argc, argv);
}
