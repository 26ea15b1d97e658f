// SPDX-License-Identifier: GPL-2.0-or-later
// Concurrency across io threads, asynchronous responders, and graceful stop.
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <future>
#include <thread>

#include "hub/net/io_threads.hpp"
#include "tests/support/raw_socket.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

// Holds responders and answers them later from a thread of its own, the way a hub
// answers after its producer calls complete.
class deferred_responder {
 public:
  void hold(net::responder r) {
    const std::lock_guard lock(mu_);
    held_.push_back(std::move(r));
    cv_.notify_all();
  }
  bool wait_held(std::size_t n, std::chrono::milliseconds limit = 2s) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, limit, [&] { return held_.size() >= n; });
  }
  void answer_all(std::string body) {
    std::vector<net::responder> rs;
    {
      const std::lock_guard lock(mu_);
      rs.swap(held_);
    }
    for (auto& r : rs) r(200, {}, body);
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<net::responder> held_;
};

}  // namespace

TEST_CASE("lifecycle: concurrent requests from several threads over shared io threads", "[lifecycle]") {
  auto io = std::make_shared<net::io_threads>(3);
  capture_log log;
  std::atomic<int> async_answers{0};
  net::http_server server(tls_server_options(log), [&](net::request_context req, net::responder respond) {
    // Every other request is answered from a foreign thread, later.
    if (req.body.back() % 2 == 0) {
      std::thread([respond, body = req.body, &async_answers] {
        std::this_thread::sleep_for(1ms);
        ++async_answers;
        respond(200, {}, body);
      }).detach();
    } else {
      respond(200, {}, req.body);
    }
  }, io);
  server.start();
  auto copts = client_options(log);
  copts.max_idle_per_endpoint = 8;
  net::http_client client(copts, io);

  // Each thread sends rounds of concurrent requests; later rounds find pooled connections.
  constexpr int threads = 4;
  constexpr int rounds = 4;
  constexpr int per_round = 10;
  constexpr int per_thread = rounds * per_round;
  std::atomic<int> good{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int round = 0; round < rounds; ++round) {
        std::vector<std::future<net::client_result>> pending;
        for (int i = 0; i < per_round; ++i) {
          auto p = std::make_shared<std::promise<net::client_result>>();
          pending.push_back(p->get_future());
          const std::string body = "t" + std::to_string(t) + "-" + std::to_string(round) + std::to_string(i);
          client.async_request(net::make_post(https_url(server.port()), body),
                               [p](net::client_result r) { p->set_value(std::move(r)); });
        }
        for (int i = 0; i < per_round; ++i) {
          if (pending[i].wait_for(10s) != std::future_status::ready) continue;
          const auto r = pending[i].get();
          const std::string want = "t" + std::to_string(t) + "-" + std::to_string(round) + std::to_string(i);
          if (r.ok() && r.status == 200 && r.body == want) ++good;
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  CHECK(good == threads * per_thread);
  CHECK(async_answers == threads * per_thread / 2);
  CHECK(server.stats().requests.load() == threads * per_thread);
  CHECK(client.stats().connections_opened.load() + client.stats().connections_reused.load() ==
        threads * per_thread);
  CHECK(client.stats().connections_reused.load() > 0);
  server.stop(2s);
}

TEST_CASE("lifecycle: graceful stop lets an in-flight request finish", "[lifecycle]") {
  capture_log log;
  deferred_responder later;
  auto server = std::make_unique<net::http_server>(tls_server_options(log),
                                                   [&](net::request_context, net::responder r) { later.hold(r); });
  server->start();
  const auto port = server->port();
  net::http_client client(client_options(log));

  std::promise<net::client_result> done;
  client.async_request(net::make_post(https_url(port), "x"), [&](net::client_result r) { done.set_value(std::move(r)); });
  REQUIRE(later.wait_held(1));

  std::thread answer([&] {
    std::this_thread::sleep_for(200ms);  // still in flight when stop() begins
    later.answer_all("finished");
  });
  const auto start = std::chrono::steady_clock::now();
  server->stop(5s);
  const auto took = std::chrono::steady_clock::now() - start;
  answer.join();

  auto fut = done.get_future();
  REQUIRE(fut.wait_for(2s) == std::future_status::ready);
  const auto r = fut.get();
  REQUIRE(r.ok());
  CHECK(r.body == "finished");
  const auto* conn = net::find_header(r.headers, "Connection");
  REQUIRE(conn != nullptr);
  CHECK(*conn == "close");
  CHECK(took >= 150ms);
  CHECK(took < 3s);
  CHECK(log.has("server_stopping"));
  CHECK_FALSE(log.has("drain_deadline_exceeded"));

  // Not accepting any more.
  raw_socket after(port);
  CHECK_FALSE(after.connected());
}

TEST_CASE("lifecycle: stop closes idle keep-alive connections at once", "[lifecycle]") {
  capture_log log;
  net::http_server server(plain_server_options(log), echo_handler());
  server.start();
  raw_socket s(server.port());
  REQUIRE(s.send_all("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na"));
  REQUIRE(s.read_http_message(2s).rfind("HTTP/1.1 200", 0) == 0);
  const auto start = std::chrono::steady_clock::now();
  server.stop(5s);
  CHECK(std::chrono::steady_clock::now() - start < 1s);
  bool closed = false;
  s.read_until_closed(1s, &closed);
  CHECK(closed);
}

TEST_CASE("lifecycle: stop does not wait for pooled TLS clients to answer close_notify", "[lifecycle]") {
  capture_log log;
  net::http_server server(tls_server_options(log), echo_handler());
  server.start();
  net::http_client client(client_options(log));
  REQUIRE(client.request(net::make_post(https_url(server.port()), "x")).ok());
  REQUIRE(client.idle_connections() == 1);  // idle on our side, not reading
  const auto start = std::chrono::steady_clock::now();
  server.stop(5s);
  CHECK(std::chrono::steady_clock::now() - start < 500ms);
  CHECK(server.active_connections() == 0);
}

TEST_CASE("lifecycle: the drain deadline bounds a stop with a stuck handler", "[lifecycle]") {
  capture_log log;
  deferred_responder never;
  net::http_server server(tls_server_options(log), [&](net::request_context, net::responder r) { never.hold(r); });
  server.start();
  net::http_client client(client_options(log));
  std::promise<net::client_result> done;
  client.async_request(net::make_post(https_url(server.port()), "x"),
                       [&](net::client_result r) { done.set_value(std::move(r)); });
  REQUIRE(never.wait_held(1));

  const auto start = std::chrono::steady_clock::now();
  server.stop(200ms);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(took >= 180ms);
  CHECK(took < 2s);
  CHECK(log.has("drain_deadline_exceeded"));

  auto fut = done.get_future();
  REQUIRE(fut.wait_for(2s) == std::future_status::ready);
  const auto r = fut.get();
  CHECK(r.error == net::client_errc::read_failed);
  CHECK(r.request_bytes_sent);
  never.answer_all("too late");  // a responder outliving its server is harmless
}
