// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/unit/contracts/fixtures.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/support/xml_leaves.hpp"

namespace tidnav::test {
namespace fs = std::filesystem;
using contracts::family;

fs::path fixture_root() { return fs::path(TIDNAV_SOURCE_DIR) / "tests" / "fixtures"; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string fixture_text(std::string_view folder, std::string_view file) {
  return read_file(fixture_root() / folder / file);
}

std::vector<fixture> all_fixtures() {
  const std::map<std::string, family> folders = {{"scheduling-2.0", family::sched2},
                                                 {"crm-scheduling-1.1", family::crm11},
                                                 {"crm-scheduling-1.0", family::crm10},
                                                 {"engagementindex-1.0", family::ei1},
                                                 {"monitoring-1.0", family::mon1}};
  std::vector<fixture> out;
  for (const auto& [folder, fam] : folders) {
    for (const auto& entry : fs::directory_iterator(fixture_root() / folder)) {
      const std::string name = entry.path().stem().string();
      for (auto [marker, kind] : {std::pair{"-request", contracts::message_kind::request},
                                  std::pair{"-response", contracts::message_kind::response}}) {
        if (auto at = name.find(marker); at != std::string::npos) {
          out.push_back({entry.path(), fam, name.substr(0, at), kind});
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const fixture& a, const fixture& b) { return a.path < b.path; });
  return out;
}

namespace {

using xml_leaves::collect;
using xml_leaves::local_of;

}  // namespace

std::vector<std::string> body_leaves(const std::string& envelope) {
  pugi::xml_document doc;
  if (!doc.load_buffer(envelope.data(), envelope.size())) return {"<not well-formed>"};
  std::vector<std::string> out;
  for (pugi::xml_node c : doc.document_element().children()) {
    if (c.type() != pugi::node_element || local_of(c) != "Body") continue;
    for (pugi::xml_node payload : c.children()) {
      if (payload.type() == pugi::node_element) collect(payload, "", out);
    }
  }
  return out;
}

}  // namespace tidnav::test
