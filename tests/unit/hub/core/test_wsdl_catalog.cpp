// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <pugixml.hpp>

#include "hub/core/wsdl_catalog.hpp"
#include "hub/core/wsdl_url.hpp"
#include "hub/core/xml_names.hpp"

using namespace tidnav::core;
namespace fs = std::filesystem;

namespace {

const std::string base = "https://hub.example:443";
const std::string schemas_root = std::string(TIDNAV_SOURCE_DIR) + "/schemas";
constexpr std::string_view xsd_ns = "http://www.w3.org/2001/XMLSchema";
constexpr std::string_view soap_ns = "http://schemas.xmlsoap.org/wsdl/soap/";

wsdl_catalog load_ok(const std::string& root) {
  auto c = wsdl_catalog::load(root);
  if (!c) {
    std::string all;
    for (const auto& e : c.error()) all += e + "\n";
    FAIL("load failed:\n" << all);
  }
  return std::move(c).value();
}

const wsdl_catalog& our_schemas() {
  static const wsdl_catalog catalog = load_ok(schemas_root);
  return catalog;
}

void parse_ok(const std::string& xml, pugi::xml_document& doc) {
  const auto pr = doc.load_buffer(xml.data(), xml.size());
  if (!pr) FAIL("answer does not parse: " << pr.description() << "\n" << xml.substr(0, 400));
}

struct link_set {
  std::vector<std::string> endpoints;
  std::vector<std::string> schema_locations;
};

link_set links_in(const pugi::xml_document& doc) {
  link_set out;
  for (pugi::xml_node e = doc.document_element(); e; e = next_element(e)) {
    if (is_element(e, soap_ns, "address")) out.endpoints.emplace_back(e.attribute("location").value());
    if (is_element(e, xsd_ns, "import") || is_element(e, xsd_ns, "include")) {
      out.schema_locations.emplace_back(e.attribute("schemaLocation").value());
    }
  }
  return out;
}

wsdl_answer get(const wsdl_catalog& c, const std::string& path, const std::string& query) {
  return c.answer(wsdl_request{path, query, base});
}

std::vector<std::string> wsdl_files_under(const std::string& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().extension() == ".wsdl") out.push_back(e.path().string());
  }
  return out;
}

// A scratch directory of WSDL/XSD files, removed again at the end of the test.
class scratch_dir {
 public:
  scratch_dir()
      : root_(fs::temp_directory_path() /
              ("tidnav-wsdl-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;

  void write(const std::string& rel, const std::string& text) const {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::string root() const { return root_.string(); }
  const fs::path& path() const { return root_; }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

std::string wsdl(const std::string& tns, const std::string& imports) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace=")" +
         tns + R"(">
  <wsdl:types><xs:schema>)" +
         imports + R"(</xs:schema></wsdl:types>
  <wsdl:service name="S"><wsdl:port name="P" binding="x"><soap:address location="http://tempuri.org"/></wsdl:port></wsdl:service>
</wsdl:definitions>
)";
}

std::string xsd(const std::string& references) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">)" +
         references + "</xs:schema>\n";
}

std::string import_of(const std::string& location) { return R"(<xs:import namespace="urn:i" schemaLocation=")" + location + R"("/>)"; }

}  // namespace

TEST_CASE("wsdl_path_for_namespace follows the platform's derivation", "[unit][wsdl]") {
  struct row {
    const char* tns;
    std::optional<std::string> path;
  };
  const std::vector<row> rows = {
      {"urn:riv:crm:scheduling:GetSubjectOfCareSchedule:1:rivtabp21", "vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21"},
      {"urn:riv:crm:scheduling:GetSubjectOfCareSchedule:1:rivtabp20", "vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp20"},
      {"urn:riv:clinicalprocess:activity:actions:GetActivities:1:rivtabp21",
       "vp/clinicalprocess/activity/actions/GetActivities/1/rivtabp21"},
      {"urn:riv:itintegration:monitoring:PingForConfiguration:1:RIVTABP21",
       "vp/itintegration/monitoring/PingForConfiguration/1/RIVTABP21"},
      {"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", std::nullopt},  // no profile
      {"urn:riv:crm:Svc:1:rivtabp21", std::nullopt},                                 // no subdomain
      {"urn:riv:crm::Svc:1:rivtabp21", std::nullopt},                                // empty segment
      {"", std::nullopt},
  };
  for (const auto& r : rows) {
    INFO(r.tns);
    CHECK(wsdl_path_for_namespace(r.tns) == r.path);
  }
}

TEST_CASE("wants_wsdl recognises the platform's wsdl and xsd parameters", "[unit][wsdl]") {
  struct row {
    const char* query;
    bool wanted;
  };
  const std::vector<row> rows = {
      {"wsdl", true},       {"?wsdl", true},      {"WSDL", true},           {"wsdl=", true},
      {"xsd=a.xsd", true},  {"?XSD=a.xsd", true}, {"foo=1&wsdl", true},     {"xsd", true},
      {"", false},          {"?", false},         {"foo=wsdl", false},      {"wsdlx", false},
      {"singleWsdl", false}, {"x=xsd=", false},
  };
  for (const auto& r : rows) {
    INFO(r.query);
    CHECK(wsdl_catalog::wants_wsdl(r.query) == r.wanted);
  }
}

TEST_CASE("percent_decode and percent_encode_path", "[unit][wsdl]") {
  CHECK(percent_decode("../a%20b.xsd") == std::optional<std::string>("../a b.xsd"));
  CHECK(percent_decode("a+b") == std::optional<std::string>("a b"));
  CHECK(percent_decode("%2e%2E/x") == std::optional<std::string>("../x"));
  CHECK_FALSE(percent_decode("%2").has_value());
  CHECK_FALSE(percent_decode("%zz").has_value());
  CHECK_FALSE(percent_decode("a%00b").has_value());
  CHECK(percent_encode_path("../../core_components/x_1.0.xsd") == "../../core_components/x_1.0.xsd");
  CHECK(percent_encode_path("a b&c=d") == "a%20b%26c%3Dd");
}

TEST_CASE("every WSDL under schemas/ is published on its path", "[unit][wsdl]") {
  const auto& c = our_schemas();
  const auto paths = c.paths();
  CHECK(paths.size() == wsdl_files_under(schemas_root).size());
  CHECK(std::is_sorted(paths.begin(), paths.end()));
  for (const auto& p : paths) {
    INFO(p);
    CHECK(p.rfind("vp/", 0) == 0);
    CHECK(std::none_of(p.begin(), p.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }));
  }
  // crm:scheduling 1.0 (BP 2.0) and 1.1 (BP 2.1) differ only in the last segment.
  CHECK(std::count(paths.begin(), paths.end(), "vp/crm/scheduling/getsubjectofcareschedule/1/rivtabp20") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "vp/crm/scheduling/getsubjectofcareschedule/1/rivtabp21") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "vp/itintegration/engagementindex/update/1/rivtabp21") == 1);
}

TEST_CASE("?wsdl answers the WSDL with its addresses pointing at the hub", "[unit][wsdl]") {
  const auto& c = our_schemas();
  for (const auto& p : c.paths()) {
    INFO(p);
    const std::string url = base + "/" + p;
    const wsdl_answer a = get(c, "/" + p, "wsdl");
    REQUIRE(a.status == 200);
    CHECK(a.content_type == "text/xml; charset=UTF-8");
    CHECK(a.body.rfind(R"(<?xml version="1.0" encoding="UTF-8"?>)", 0) == 0);
    CHECK(a.body.find("tempuri.org") == std::string::npos);
    pugi::xml_document doc;
    parse_ok(a.body, doc);
    CHECK(is_element(doc.document_element(), "http://schemas.xmlsoap.org/wsdl/", "definitions"));
    const auto links = links_in(doc);
    REQUIRE(links.endpoints.size() == 1);
    CHECK(links.endpoints.front() == url);
    REQUIRE_FALSE(links.schema_locations.empty());
    for (const auto& loc : links.schema_locations) CHECK(loc.rfind(url + "?xsd=", 0) == 0);
  }
}

TEST_CASE("the WSDL keeps its relative schema locations in ?xsd=, as the platform does", "[unit][wsdl]") {
  const std::string p = "vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp20";
  const wsdl_answer a = get(our_schemas(), "/" + p, "wsdl");
  REQUIRE(a.status == 200);
  CHECK_THAT(a.body, Catch::Contains(R"(schemaLocation=")" + base + "/" + p + R"(?xsd=GetSubjectOfCareScheduleResponder_1.0.xsd")"));
  CHECK_THAT(a.body, Catch::Contains(R"(schemaLocation=")" + base + "/" + p + R"(?xsd=../../../common/ws-addressing-1.0.xsd")"));
  CHECK_THAT(a.body, Catch::Contains(R"(<soap:address location=")" + base + "/" + p + R"("/>)"));
  // Comments and documentation survive the rewrite.
  CHECK_THAT(a.body, Catch::Contains("<!--"));
  CHECK_THAT(a.body, Catch::Contains("<wsdl:documentation>"));
}

TEST_CASE("following every ?xsd= link from every WSDL reaches a schema", "[unit][wsdl]") {
  const auto& c = our_schemas();
  std::size_t followed = 0;
  for (const auto& p : c.paths()) {
    const std::string url = base + "/" + p;
    pugi::xml_document wsdl_doc;
    parse_ok(get(c, "/" + p, "wsdl").body, wsdl_doc);
    std::vector<std::string> todo = links_in(wsdl_doc).schema_locations;
    std::set<std::string> seen;
    while (!todo.empty()) {
      const std::string link = todo.back();
      todo.pop_back();
      if (!seen.insert(link).second) continue;
      INFO(link);
      REQUIRE(link.rfind(url + "?", 0) == 0);
      const wsdl_answer a = get(c, "/" + p, link.substr(url.size() + 1));
      REQUIRE(a.status == 200);
      CHECK(a.content_type == "text/xml; charset=UTF-8");
      pugi::xml_document doc;
      parse_ok(a.body, doc);
      CHECK(is_element(doc.document_element(), xsd_ns, "schema"));
      ++followed;
      for (const auto& next : links_in(doc).schema_locations) todo.push_back(next);
    }
  }
  CHECK(followed > c.paths().size());
}

TEST_CASE("?xsd= refuses locations outside the catalog or not reached by the WSDL", "[unit][wsdl]") {
  const auto& c = our_schemas();
  const std::string p = "/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21";
  REQUIRE(get(c, p, "xsd=GetSubjectOfCareScheduleResponder_1.1.xsd").status == 200);
  for (const char* q : {"xsd=../../../../../../../../etc/passwd", "xsd=%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                        "xsd=/etc/passwd", "xsd=../../../README.md", "xsd=../../../../schemas/common/ws-addressing-1.0.xsd",
                        "xsd=../../../crm-scheduling-1.0/core_components/crm_scheduling_1.0.xsd", "xsd=", "xsd",
                        "xsd=%zz", "xsd=GetSubjectOfCareScheduleResponder_1.1.xsd%00"}) {
    INFO(q);
    const wsdl_answer a = get(c, p, q);
    CHECK(a.status == 404);
    CHECK(a.content_type == "text/plain; charset=UTF-8");
  }
}

TEST_CASE("an unknown path lists every published WSDL, as the platform does", "[unit][wsdl]") {
  const auto& c = our_schemas();
  const wsdl_answer a = get(c, "/vp/MyUnmatchedUri", "wsdl");
  CHECK(a.status == 500);
  CHECK(a.content_type == "text/plain; charset=UTF-8");
  std::vector<std::string> lines;
  for (std::size_t from = 0;;) {
    const auto nl = a.body.find('\n', from);
    lines.push_back(a.body.substr(from, nl == std::string::npos ? nl : nl - from));
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  REQUIRE(lines.front() == "No wsdl found on this path, following wsdl paths is available:");
  const auto paths = c.paths();
  REQUIRE(lines.size() == paths.size() + 1);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::string line = lines[i + 1];
    for (char& ch : line) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    CHECK(line == base + "/" + paths[i] + "?wsdl");
  }
  CHECK(get(c, "/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp22", "wsdl").status == 500);
  CHECK(get(c, "", "wsdl").status == 500);
}

TEST_CASE("path lookup ignores case and the leading slash", "[unit][wsdl]") {
  const auto& c = our_schemas();
  for (const char* path : {"/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21", "vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21",
                           "/VP/CRM/SCHEDULING/GETSUBJECTOFCARESCHEDULE/1/RIVTABP21", "/vp/crm/scheduling/getsubjectofcareschedule/1/rivtabp21"}) {
    INFO(path);
    const wsdl_answer a = get(c, path, "wsdl");
    CHECK(a.status == 200);
    // Links repeat the path as the caller wrote it.
    std::string_view p = path;
    if (p.front() == '/') p.remove_prefix(1);
    CHECK_THAT(a.body, Catch::Contains(R"(location=")" + base + "/" + std::string(p) + R"(")"));
    CHECK(get(c, path, "xsd=GetSubjectOfCareScheduleResponder_1.1.xsd").status == 200);
  }
}

TEST_CASE("nested schemas in other directories are linked relative to the WSDL", "[unit][wsdl]") {
  scratch_dir d;
  d.write("fam/interactions/S/S.wsdl", wsdl("urn:riv:fam:sub:S:1:rivtabp21", import_of("SResponder.xsd")));
  d.write("fam/interactions/S/SResponder.xsd", xsd(import_of("../../../common/one.xsd")));
  d.write("common/one.xsd", xsd(R"(<xs:include schemaLocation="sub/two.xsd"/>)"));
  d.write("common/sub/two.xsd", xsd(import_of("../my schema.xsd")));
  d.write("common/my schema.xsd", xsd(import_of("http://www.w3.org/2001/xml.xsd")));
  const wsdl_catalog c = load_ok(d.root());
  REQUIRE(c.paths() == std::vector<std::string>{"vp/fam/sub/s/1/rivtabp21"});

  const std::string url = base + "/vp/fam/sub/S/1/rivtabp21";
  const auto follow = [&](const std::string& query, const std::string& expect_link) {
    INFO(query);
    const wsdl_answer a = get(c, "/vp/fam/sub/S/1/rivtabp21", query);
    REQUIRE(a.status == 200);
    CHECK_THAT(a.body, Catch::Contains(R"(schemaLocation=")" + expect_link + R"(")"));
  };
  follow("wsdl", url + "?xsd=SResponder.xsd");
  follow("xsd=SResponder.xsd", url + "?xsd=../../../common/one.xsd");
  follow("xsd=../../../common/one.xsd", url + "?xsd=../../../common/sub/two.xsd");
  follow("xsd=../../../common/sub/two.xsd", url + "?xsd=../../../common/my%20schema.xsd");
  // Absolute locations are not ours to serve: left as they are.
  follow("xsd=../../../common/my%20schema.xsd", "http://www.w3.org/2001/xml.xsd");
}

TEST_CASE("base_url is escaped in the XML and a trailing slash is not doubled", "[unit][wsdl]") {
  scratch_dir d;
  d.write("S.wsdl", wsdl("urn:riv:fam:sub:S:1:rivtabp21", import_of("a.xsd")));
  d.write("a.xsd", xsd(""));
  const wsdl_catalog c = load_ok(d.root());
  const wsdl_answer a = c.answer({"/vp/fam/sub/S/1/rivtabp21", "wsdl", "https://h.example/a&b/"});
  REQUIRE(a.status == 200);
  pugi::xml_document doc;
  parse_ok(a.body, doc);
  const auto links = links_in(doc);
  REQUIRE(links.endpoints.size() == 1);
  CHECK(links.endpoints.front() == "https://h.example/a&b/vp/fam/sub/S/1/rivtabp21");
  CHECK(links.schema_locations == std::vector<std::string>{"https://h.example/a&b/vp/fam/sub/S/1/rivtabp21?xsd=a.xsd"});
}

TEST_CASE("answers come from memory: the files may go away after load", "[unit][wsdl]") {
  std::optional<wsdl_catalog> c;
  {
    scratch_dir d;
    d.write("x/S.wsdl", wsdl("urn:riv:fam:sub:S:1:rivtabp21", import_of("../a.xsd")));
    d.write("a.xsd", xsd(""));
    c = load_ok(d.root());
  }
  CHECK(c->answer({"/vp/fam/sub/S/1/rivtabp21", "wsdl", base}).status == 200);
  CHECK(c->answer({"/vp/fam/sub/S/1/rivtabp21", "xsd=../a.xsd", base}).status == 200);
}

TEST_CASE("load reports every problem at once", "[unit][wsdl]") {
  scratch_dir d;
  scratch_dir outside;
  outside.write("secret.xsd", xsd(""));
  d.write("ok/S.wsdl", wsdl("urn:riv:fam:sub:S:1:rivtabp21", import_of("S.xsd")));
  d.write("ok/S.xsd", xsd(""));
  d.write("broken/B.wsdl", "<wsdl:definitions");
  d.write("noprofile/N.wsdl", wsdl("urn:riv:fam:sub:NResponder:1", ""));
  d.write("zdup/S.wsdl", wsdl("urn:riv:fam:sub:s:1:RIVTABP21", ""));
  d.write("missing/M.wsdl", wsdl("urn:riv:fam:sub:M:1:rivtabp21", import_of("nowhere.xsd")));
  d.write("escape/E.wsdl", wsdl("urn:riv:fam:sub:E:1:rivtabp21", import_of("../../outside.xsd")));
  d.write("badxsd/X.wsdl", wsdl("urn:riv:fam:sub:X:1:rivtabp21", import_of("X.xsd")));
  d.write("badxsd/X.xsd", "<xs:schema");
  std::string with_doctype = wsdl("urn:riv:fam:sub:D:1:rivtabp21", "");
  with_doctype.insert(with_doctype.find('\n') + 1, "<!DOCTYPE d>\n");
  d.write("doctype/D.wsdl", with_doctype);
  fs::create_directories(d.path() / "link");
  fs::create_symlink(outside.path() / "secret.xsd", d.path() / "link" / "secret.xsd");
  d.write("link/L.wsdl", wsdl("urn:riv:fam:sub:L:1:rivtabp21", import_of("secret.xsd")));

  const auto r = wsdl_catalog::load(d.root());
  REQUIRE_FALSE(r);
  const auto& errors = r.error();
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  INFO(all);
  struct expectation {
    const char* file;
    const char* reason;
  };
  for (const auto& [file, reason] : std::vector<expectation>{
           {"broken/B.wsdl", "XML parse error"},
           {"noprofile/N.wsdl", "is not a RIV-TA interaction namespace"},
           {"zdup/S.wsdl", "is already published by ok/S.wsdl"},
           {"missing/nowhere.xsd (referenced from missing/M.wsdl)", "No such file"},
           {"escape/E.wsdl", "points outside"},
           {"badxsd/X.xsd (referenced from badxsd/X.wsdl)", "XML parse error"},
           {"doctype/D.wsdl", "DOCTYPE is not allowed"},
           {"link/secret.xsd (referenced from link/L.wsdl)", "resolves outside"},
       }) {
    CHECK(std::count_if(errors.begin(), errors.end(), [&](const std::string& e) {
            return e.rfind(std::string(file) + ": ", 0) == 0 && e.find(reason) != std::string::npos;
          }) == 1);
  }
  CHECK(errors.size() == 8);
}

TEST_CASE("load of a missing root is an error, an empty one an empty catalog", "[unit][wsdl]") {
  CHECK_FALSE(wsdl_catalog::load("/nonexistent/tidnav/schemas"));
  scratch_dir d;
  const wsdl_catalog c = load_ok(d.root());
  CHECK(c.paths().empty());
  const wsdl_answer a = c.answer({"/vp/x", "wsdl", base});
  CHECK(a.status == 500);
  CHECK(a.body == "No wsdl found on this path, following wsdl paths is available:");
}
