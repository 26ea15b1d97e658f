// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// TAK export text (the national platform's `persistentCache` format) for tests
// that load a routing table from a file: one builder, used by the unit and the
// integration test worlds.

#include <string>

namespace tidnav::test {

/// A virtualiseringsInfo entry: `address` under `contract` goes to `url` with `profile`.
inline std::string tak_route_entry(const std::string& id, const std::string& address, const std::string& url,
                                   const std::string& profile, const std::string& contract) {
  return "<virtualiseringsInfo><ns2:virtualiseringsInfoId>" + id + "</ns2:virtualiseringsInfoId><ns2:receiverId>" +
         address + "</ns2:receiverId><ns2:rivProfil>" + profile + "</ns2:rivProfil><ns2:tjansteKontrakt>" + contract +
         "</ns2:tjansteKontrakt><ns2:fromTidpunkt>2020-01-01T00:00:00</ns2:fromTidpunkt><ns2:tomTidpunkt>"
         "2120-01-01T00:00:00</ns2:tomTidpunkt><ns2:adress>" + url + "</ns2:adress></virtualiseringsInfo>\n";
}

/// An anropsBehorighetsInfo entry: `consumer` may call `address` under `contract`.
inline std::string tak_permission_entry(const std::string& id, const std::string& address, const std::string& consumer,
                                        const std::string& contract) {
  return "<anropsBehorighetsInfo><ns2:anropsBehorighetsInfoId>" + id + "</ns2:anropsBehorighetsInfoId><ns2:receiverId>" +
         address + "</ns2:receiverId><ns2:senderId>" + consumer + "</ns2:senderId><ns2:tjansteKontrakt>" + contract +
         "</ns2:tjansteKontrakt><ns2:fromTidpunkt>2020-01-01T00:00:00</ns2:fromTidpunkt><ns2:tomTidpunkt>"
         "2120-01-01T00:00:00</ns2:tomTidpunkt></anropsBehorighetsInfo>\n";
}

/// The whole file around `entries`.
inline std::string tak_document(const std::string& entries) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<persistentCache xmlns:ns2=\"urn:skl:tp:vagvalsinfo:v2\">\n" +
         entries + "</persistentCache>\n";
}

}  // namespace tidnav::test
