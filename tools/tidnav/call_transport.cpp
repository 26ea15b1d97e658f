// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/tidnav/call_transport.hpp"

#include "hub/net/http_client.hpp"

#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace tidnav::cli {
namespace {

net::client_options client_options_for(const call_tls& tls, double timeout_seconds, std::size_t io_threads) {
  net::client_tls_options t;
  t.ca_file = tls.ca;
  t.cert_file = tls.cert;
  t.key_file = tls.key;
  t.verify_peer = !tls.insecure;
  net::client_options options;
  options.tls = net::make_client_tls_context(t);
  options.io_threads = io_threads;
  options.log = net::null_log_sink();
  options.request_timeout = std::chrono::milliseconds(static_cast<long>(std::lround(timeout_seconds * 1000)));
  options.user_agent = "tidnav-call";
  return options;
}

net::client_request post(const std::string& url, const std::string& soap_action, const std::string& envelope) {
  return net::make_post(url, envelope, {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", soap_action}});
}

call_result result_of(net::client_result&& r) {
  call_result out;
  if (!r.ok()) {
    out.error = r.error.message() + (r.detail.empty() ? "" : ": " + r.detail);
    return out;
  }
  out.status = r.status;
  out.body = std::move(r.body);
  return out;
}

}  // namespace

call_result send_soap(const std::string& url, const call_tls& tls, const std::string& soap_action,
                      const std::string& envelope, double timeout_seconds) {
  net::http_client client(client_options_for(tls, timeout_seconds, 1));
  return result_of(client.request(post(url, soap_action, envelope)));
}

std::vector<call_result> send_soap_parallel(const std::string& url, const call_tls& tls,
                                            const std::vector<soap_call>& calls, double timeout_seconds,
                                            std::size_t max_in_flight) {
  std::vector<call_result> results(calls.size());
  if (calls.empty()) return results;
  if (max_in_flight == 0) max_in_flight = 1;
  auto options = client_options_for(tls, timeout_seconds, 2);
  options.max_idle_per_endpoint = max_in_flight;
  net::http_client client(std::move(options));

  // A window of calls in flight: each answer starts the next call. Every call
  // has the client's timeout, so the wait below ends.
  std::mutex mutex;
  std::condition_variable all_done;
  std::size_t next = 0;
  std::size_t finished = 0;
  std::function<void()> start_next = [&] {
    std::size_t i = 0;
    {
      std::lock_guard lock(mutex);
      if (next >= calls.size()) return;
      i = next++;
    }
    client.async_request(post(url, calls[i].soap_action, calls[i].envelope), [&, i](net::client_result r) {
      call_result out = result_of(std::move(r));
      start_next();
      // Notified under the lock: once the waiter sees the last call finished,
      // no callback touches this frame any more.
      std::lock_guard lock(mutex);
      results[i] = std::move(out);
      if (++finished == calls.size()) all_done.notify_all();
    });
  };
  for (std::size_t n = 0; n < max_in_flight && n < calls.size(); ++n) start_next();
  std::unique_lock lock(mutex);
  all_done.wait(lock, [&] { return finished == calls.size(); });
  return results;
}

}  // namespace tidnav::cli
