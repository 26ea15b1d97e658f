// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "hub/obs/mpsc_ring.hpp"

using namespace tidnav::obs;

TEST_CASE("obs: ring capacity is a power of two, at least 2", "[obs][ring]") {
  CHECK(mpsc_ring<int>(0).capacity() == 2);
  CHECK(mpsc_ring<int>(1).capacity() == 2);
  CHECK(mpsc_ring<int>(3).capacity() == 4);
  CHECK(mpsc_ring<int>(65536).capacity() == 65536);
}

TEST_CASE("obs: ring is FIFO, refuses when full and leaves the refused value alone", "[obs][ring]") {
  mpsc_ring<std::string> ring(4);
  for (int i = 0; i < 4; ++i) {
    std::string s = "v" + std::to_string(i);
    REQUIRE(ring.try_push(s));
  }
  std::string extra = "extra";
  CHECK_FALSE(ring.try_push(extra));
  CHECK(extra == "extra");
  std::string out;
  for (int round = 0; round < 3; ++round) {  // wrap around several times
    for (int i = 0; i < 4; ++i) {
      REQUIRE(ring.try_pop(out));
      CHECK(out == "v" + std::to_string(i));
    }
    CHECK_FALSE(ring.ready());
    CHECK_FALSE(ring.try_pop(out));
    for (int i = 0; i < 4; ++i) {
      std::string s = "v" + std::to_string(i);
      REQUIRE(ring.try_push(s));
    }
  }
  CHECK(ring.pushed() == 16);
  CHECK(ring.popped() == 12);
}

TEST_CASE("obs: ring with concurrent producers loses nothing and keeps each producer's order", "[obs][ring]") {
  constexpr int producers = 4;
  constexpr int per_producer = 50000;
  mpsc_ring<long> ring(64);
  std::vector<std::thread> threads;
  for (int p = 0; p < producers; ++p) {
    threads.emplace_back([&, p] {
      for (long i = 0; i < per_producer; ++i) {
        long v = p * 1000000L + i;
        while (!ring.try_push(v)) std::this_thread::yield();
      }
    });
  }
  std::vector<long> next(producers, 0);
  long received = 0;
  bool in_order = true;
  long v = 0;
  while (received < producers * per_producer) {
    if (!ring.try_pop(v)) {
      std::this_thread::yield();
      continue;
    }
    const auto p = static_cast<std::size_t>(v / 1000000L);
    in_order = in_order && (v % 1000000L == next[p]);
    ++next[p];
    ++received;
  }
  for (auto& t : threads) t.join();
  CHECK(in_order);
  for (int p = 0; p < producers; ++p) CHECK(next[static_cast<std::size_t>(p)] == per_producer);
  CHECK_FALSE(ring.ready());
}
