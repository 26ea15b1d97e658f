# SPDX-License-Identifier: GPL-2.0-or-later
# Every external dependency, from Debian packages (scripts/bootstrap.sh installs them).

find_package(PkgConfig REQUIRED)
pkg_check_modules(GSOAP REQUIRED IMPORTED_TARGET gsoap++)
find_program(WSDL2H wsdl2h REQUIRED)
find_program(SOAPCPP2 soapcpp2 REQUIRED)

find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)           # Asio + Beast are header-only
find_package(OpenSSL 3 REQUIRED)
find_package(pugixml REQUIRED)
# The static archive: the merge and the envelope code call small pugixml
# accessors (name, type, next_sibling) hundreds of thousands of times per
# aggregated call, and through the shared library each is a PLT call.
if(TARGET pugixml::static)
  set_property(TARGET pugixml::pugixml PROPERTY INTERFACE_LINK_LIBRARIES pugixml::static)
endif()
find_package(LibXml2 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(CLI11 REQUIRED)
if(TIDNAV_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
