// SPDX-License-Identifier: GPL-2.0-or-later
// Bounded multi-producer single-consumer ring (Dmitry Vyukov's bounded queue
// with a per-slot sequence number). A push is one CAS on the tail and a move into
// a pre-constructed slot: no lock, no allocation, no wait when full.
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <memory>
#include <type_traits>

namespace tidnav::obs {

// Not std::hardware_destructive_interference_size: GCC warns that it may change
// with -mtune, and 64 bytes is right for every x86-64 and most ARM64 cores.
inline constexpr std::size_t cache_line = 64;

template <class T>
class mpsc_ring {
  static_assert(std::is_nothrow_move_assignable_v<T>);

 public:
  // Capacity is rounded up to a power of two, at least 2 (with one slot the
  // sequence numbers cannot tell "full" from "free").
  explicit mpsc_ring(std::size_t capacity)
      : mask_(std::bit_ceil(capacity < 2 ? std::size_t{2} : capacity) - 1),
        slots_(std::make_unique<slot[]>(mask_ + 1)) {
    for (std::size_t i = 0; i <= mask_; ++i) slots_[i].seq.store(i, std::memory_order_relaxed);
  }

  std::size_t capacity() const noexcept { return mask_ + 1; }

  // Any thread. False when full; `v` is left untouched then.
  bool try_push(T& v) noexcept {
    std::size_t pos = tail_.load(std::memory_order_relaxed);
    for (;;) {
      slot& s = slots_[pos & mask_];
      const std::size_t seq = s.seq.load(std::memory_order_acquire);
      const auto diff = static_cast<std::ptrdiff_t>(seq) - static_cast<std::ptrdiff_t>(pos);
      if (diff == 0) {
        if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
          s.value = std::move(v);
          s.seq.store(pos + 1, std::memory_order_release);
          return true;
        }
      } else if (diff < 0) {
        return false;
      } else {
        pos = tail_.load(std::memory_order_relaxed);
      }
    }
  }

  // Consumer thread only. False when the next slot has not been published yet.
  bool try_pop(T& out) noexcept {
    slot& s = slots_[head_ & mask_];
    if (s.seq.load(std::memory_order_acquire) != head_ + 1) return false;
    out = std::move(s.value);
    s.seq.store(head_ + mask_ + 1, std::memory_order_release);
    ++head_;
    return true;
  }

  // Consumer thread only.
  bool ready() const noexcept {
    return slots_[head_ & mask_].seq.load(std::memory_order_acquire) == head_ + 1;
  }

  // Positions handed out so far (pushes that succeeded or are completing); any thread.
  std::size_t pushed() const noexcept { return tail_.load(std::memory_order_acquire); }
  // Consumer thread only.
  std::size_t popped() const noexcept { return head_; }

 private:
  struct alignas(cache_line) slot {
    std::atomic<std::size_t> seq{0};
    T value{};
  };

  const std::size_t mask_;
  std::unique_ptr<slot[]> slots_;
  alignas(cache_line) std::atomic<std::size_t> tail_{0};
  alignas(cache_line) std::size_t head_ = 0;
};

}  // namespace tidnav::obs
