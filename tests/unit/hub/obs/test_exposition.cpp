// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "hub/obs/exposition.hpp"
#include "hub/obs/utf8.hpp"

using namespace tidnav::obs;

namespace {

std::string dbl(double v) {
  std::string s;
  append_double(s, v);
  return s;
}

}  // namespace

TEST_CASE("obs: append_double writes the shortest round-trip text, plain in the usual range", "[obs][exposition]") {
  CHECK(dbl(0) == "0");
  CHECK(dbl(1) == "1");
  CHECK(dbl(30) == "30");
  CHECK(dbl(2.5) == "2.5");
  CHECK(dbl(0.0001) == "0.0001");
  CHECK(dbl(0.00005) == "5e-05");
  CHECK(dbl(1000000) == "1000000");
  CHECK(dbl(1e21) == "1e+21");
  CHECK(dbl(0.1 + 0.2) == "0.30000000000000004");
  CHECK(dbl(-3.5) == "-3.5");
  CHECK(dbl(std::numeric_limits<double>::infinity()) == "+Inf");
  CHECK(dbl(-std::numeric_limits<double>::infinity()) == "-Inf");
  CHECK(dbl(std::numeric_limits<double>::quiet_NaN()) == "NaN");
}

TEST_CASE("obs: label values escape backslash, quote and newline only", "[obs][exposition]") {
  std::string s;
  append_escaped_label_value(s, "a\\b\"c\nd\te");
  CHECK(s == "a\\\\b\\\"c\\nd\te");
}

TEST_CASE("obs: HELP text escapes backslash and newline but not quotes", "[obs][exposition]") {
  std::string s;
  append_escaped_help(s, "say \"hi\"\\\nbye");
  CHECK(s == "say \"hi\"\\\\\\nbye");
}

TEST_CASE("obs: metric and label name rules", "[obs][exposition]") {
  CHECK(is_valid_metric_name("tidnav_calls_total"));
  CHECK(is_valid_metric_name("ns:sub_x1"));
  CHECK_FALSE(is_valid_metric_name(""));
  CHECK_FALSE(is_valid_metric_name("1abc"));
  CHECK_FALSE(is_valid_metric_name("a-b"));
  CHECK(is_valid_label_name("contract"));
  CHECK(is_valid_label_name("_x9"));
  CHECK_FALSE(is_valid_label_name("__reserved"));
  CHECK_FALSE(is_valid_label_name("a:b"));
  CHECK_FALSE(is_valid_label_name("9a"));
}

TEST_CASE("obs: append_series with and without labels", "[obs][exposition]") {
  std::string s;
  append_series(s, "m", "_bucket", "a=\"1\"", "0.5");
  append_series(s, "m", "", "");
  append_series(s, "m", "_bucket", "", "+Inf");
  CHECK(s == "m_bucket{a=\"1\",le=\"0.5\"} m m_bucket{le=\"+Inf\"} ");
}

TEST_CASE("obs: UTF-8 validation and sanitizing", "[obs][utf8]") {
  CHECK(is_valid_utf8("Jönköping"));
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  std::string s;
  append_sanitized_utf8(s, "a\xFF" "b", 100);
  CHECK(s == "a\xEF\xBF\xBD" "b");
  s.clear();
  append_sanitized_utf8(s, "åäö", 3);  // two bytes each: cut before the half character
  CHECK(s == "å");
}
