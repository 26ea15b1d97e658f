// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A small routing world for hub/app tests: a hub.yaml and a TAK file written
// to a temp directory, and request envelopes for both RIV profiles.

#include <filesystem>
#include <string>

#include "hub/app/runtime.hpp"
#include "hub/net/http_server.hpp"

namespace tidnav::test {

inline constexpr const char* crm_ns = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
inline constexpr const char* consumer = "SE2321000016-1177";

/// Writes `yaml` (plus `tak` as tak.xml when not empty) into a fresh temp dir
/// and loads a runtime from it; fails the test with every error otherwise.
app::runtime_ptr load_world(const std::string& yaml, const std::string& tak = {});

/// The TAK export used by most tests (see app_world.cpp for its routes).
std::string standard_tak(const std::string& url_a = "https://producer-a.test/crm",
                         const std::string& url_b = "http://producer-b.test/crm");

/// A hub.yaml with the standard instance, internal callers and tak.xml.
std::string standard_yaml(const std::string& extra = {});

std::string envelope21(const std::string& address, const std::string& ns = crm_ns);
std::string envelope20(const std::string& address, const std::string& ns = crm_ns);

/// A request as the TLS listener hands it over, from a consumer whose
/// certificate subject is `subject`.
net::request_context tls_request(std::string body, std::string subject = std::string("serialNumber=") + consumer +
                                                                         ",CN=tidnav 1177,O=Test,C=SE");
/// A request on the plain listener from `ip`.
net::request_context plain_request(std::string body, std::string ip = "127.0.0.1");

}  // namespace tidnav::test
