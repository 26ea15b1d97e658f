// SPDX-License-Identifier: GPL-2.0-or-later
#include "cosmic_test_support.hpp"

namespace tidnav::adapters::cosmic::test {

cosmic_options fake_options() {
  cosmic_options o;
  o.base_url = "https://cos.test/fhir";
  o.token_url = "https://idp.test/token";
  o.client_id = "id";
  o.client_secret = "secret";
  o.subscription_key = "key-1";
  return o;
}

}  // namespace tidnav::adapters::cosmic::test
