// SPDX-License-Identifier: GPL-2.0-or-later
// The HTTPS front door both FHIR simulators share: the listening server, the
// target split into path and decoded query, issued bearer tokens (checked,
// counted, revocable), an injected fault, and late answers sent from a thread
// of our own (never sleeping on an io thread). What each API answers stays in
// millennium/sim and cosmic/sim.
#pragma once

#include "adapters/fhir/sim/sim_defects.hpp"
#include "hub/net/http_server.hpp"
#include "hub/net/tls_context.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace tidnav::adapters::fhir::sim {

using query_params = std::vector<std::pair<std::string, std::string>>;
using header_pairs = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=%7C" → {{"a","1"},{"b","|"}}; nullopt on a broken %-escape.
std::optional<query_params> parse_query(std::string_view query);

// What every FHIR call (never the token endpoint) answers until cleared.
struct injected_fault {
  unsigned status = 0;  // non-zero: answer this status with `body`
  std::string body;
  std::chrono::milliseconds delay{0};  // answer this much later (for timeouts)
  bool malformed = false;              // 200 with a body that is not JSON
};

struct front_options {
  net::tls_context_ptr tls;  // server context; null: plain HTTP
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the kernel picks
  std::size_t io_threads = 2;
};

struct sim_call {
  const net::request_context& request;
  std::string path;  // target before '?'
  query_params query;
  std::string header(std::string_view name) const;  // "" when absent
};

// An answer, and how long to hold it back.
struct sim_reply {
  net::response response;
  std::chrono::milliseconds delay{0};
};

net::response json_response(unsigned status, std::string body, std::string_view type = "application/fhir+json",
                            const header_pairs& extra = {});

class sim_front {
 public:
  using handler = std::function<sim_reply(const sim_call&)>;
  // Listens at once; `on_call` must stay valid until this object is destroyed
  // (declare the sim_front after the state its handler uses).
  sim_front(front_options options, handler on_call);
  ~sim_front();
  sim_front(const sim_front&) = delete;
  sim_front& operator=(const sim_front&) = delete;

  std::uint16_t port() const;
  std::string origin() const;  // https://127.0.0.1:<port> (http:// without TLS)

  std::string issue_token(std::string_view prefix);
  // An "Authorization" header value carrying a live token.
  bool valid_bearer(std::string_view authorization) const;
  void revoke_tokens();
  std::size_t tokens_issued() const;

  void inject(injected_fault fault);
  injected_fault fault() const;
  // Defects for the rest of the run (sim_defects.hpp); the HTTP-level ones act here.
  void set_defects(const sim_defects& defects);
  // The injected fault's own answer (status or garbage), if it has one.
  std::optional<net::response> fault_answer(const injected_fault& fault) const;

 private:
  void on_request(net::request_context req, const net::responder& respond);
  sim_reply with_defects(const sim_call& call);

  front_options options_;
  handler on_call_;
  mutable std::mutex mu_;
  injected_fault fault_;
  sim_defects defects_;
  std::map<std::string, unsigned, std::less<>> token_uses_;  // for token-expiry
  std::set<std::string, std::less<>> tokens_;
  std::size_t issued_ = 0;
  std::vector<std::jthread> delayed_;
  std::unique_ptr<net::http_server> server_;  // last: stopped before the state it uses goes
};

}  // namespace tidnav::adapters::fhir::sim
