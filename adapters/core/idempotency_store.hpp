// SPDX-License-Identifier: GPL-2.0-or-later
// Remembered answers to writes, in SQLite (WAL, synchronous=FULL) so that they
// survive a restart of the adapter. A key is claimed before the write runs:
// whoever claims it runs the write; anyone else with the same key either gets
// the remembered answer or waits for it. A claim whose owner died is taken over
// after `lease`. Several processes may share one file (SQLite serialises the
// claims); within a process, waiters are woken as soon as an answer lands.
//
// Remembering an answer supersedes the remembered answers of the same scope
// (consumer, unit, person): a repeat is only a repeat until that person's next
// successful write. Otherwise book -> cancel -> book the same time again would
// be answered with the first, cancelled booking.
#pragma once

#include "adapters/core/producer_reply.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

struct sqlite3;

namespace tidnav::adapters {

struct idempotency_options {
  std::chrono::seconds window = std::chrono::hours(24);  // how long an answer is remembered
  std::chrono::seconds lease = std::chrono::minutes(2);  // a claim older than this is abandoned
  std::function<instant()> clock;                        // default: the system clock
};

class idempotency_store {
 public:
  enum class claim_state {
    owned,     // run the write, then complete() or release()
    answered,  // `answer` is the remembered answer
    busy,      // someone else is running the same write
    failed,    // the store itself failed; `answer.body` says why
  };
  struct claim {
    claim_state state = claim_state::failed;
    producer_reply answer;
    std::string owner;  // token to pass to complete()/release() when owned
  };

  // Opens or creates the database. Null and `error` set on failure.
  static std::unique_ptr<idempotency_store> open(const std::string& path, idempotency_options options,
                                                 std::string& error);
  ~idempotency_store();
  idempotency_store(const idempotency_store&) = delete;
  idempotency_store& operator=(const idempotency_store&) = delete;

  claim try_claim(const std::string& key, const std::string& scope);
  // try_claim, waiting while busy until `until` (then answers busy).
  claim claim_or_wait(const std::string& key, const std::string& scope, std::chrono::steady_clock::time_point until);
  // Remembers the answer and drops older answers of the same scope.
  bool complete(const std::string& key, const std::string& scope, const std::string& owner,
                const producer_reply& reply);
  // Gives the claim up without remembering anything (nothing was written).
  void release(const std::string& key, const std::string& owner);

  std::size_t purge_expired();
  std::size_t remembered();  // answers currently remembered (for tests and metrics)

 private:
  idempotency_store(sqlite3* db, idempotency_options options);
  std::int64_t now_ms() const;
  bool exec(const char* sql);

  sqlite3* db_;
  idempotency_options options_;
  std::string token_;  // this instance's owner prefix
  std::uint64_t claims_ = 0;
  std::uint64_t completions_ = 0;
  std::mutex mutex_;  // one connection, one statement at a time
  std::condition_variable changed_;
};

}  // namespace tidnav::adapters
