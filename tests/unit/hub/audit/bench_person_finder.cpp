// SPDX-License-Identifier: GPL-2.0-or-later
// What finding the person costs per call, on the fixtures and on a large
// request. Run: build-*/tests/unit/hub/audit/bench_person_finder
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "hub/audit/person_finder.hpp"

namespace {

std::string fixture(const std::string& rel) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void run(const char* name, const std::string& xml, int iterations) {
  std::size_t found = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < iterations; ++i) found += tidnav::audit::find_persons(xml).size();
  const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / iterations;
  std::printf("%-44s %9zu bytes %10.2f us/call  (%zu persons)\n", name, xml.size(), us, found / static_cast<std::size_t>(iterations));
}

}  // namespace

int main() {
  run("2.0 GetAppointments request", fixture("scheduling-2.0/GetAppointments-request.xml"), 200000);
  run("1.1 MakeBooking request", fixture("crm-scheduling-1.1/MakeBooking-request.xml"), 200000);
  run("1.0 GetAllTimeTypes request (no person)", fixture("crm-scheduling-1.0/GetAllTimeTypes-request.xml"), 200000);
  run("EI Update request", fixture("engagementindex-1.0/Update-request.xml"), 200000);
  // A 1 MiB request whose person comes after a long free-text field.
  std::string big = fixture("crm-scheduling-1.1/MakeBooking-request.xml");
  const auto at = big.find("<mb:notification>") + 17;
  big.insert(at, std::string(1 << 20, 'x'));
  run("1.1 MakeBooking with 1 MiB notification", big, 200);
  return 0;
}
