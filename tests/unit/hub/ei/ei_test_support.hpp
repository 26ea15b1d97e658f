// SPDX-License-Identifier: GPL-2.0-or-later
// Shared helpers of the engagement index tests: temporary directories, sample
// posts, hand-written request envelopes, a scripted notification sender.
#pragma once

#include "hub/ei/engagement.hpp"
#include "hub/ei/engagement_store.hpp"
#include "hub/ei/notification_sender.hpp"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace tidnav::ei::test {

// A fresh directory under the system temp dir, removed with everything in it.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A valid crm:scheduling post for test person 191212121212; `n` varies the booking id.
engagement sample(int n = 1);
engagement_transaction upsert(engagement e);
engagement_transaction remove(engagement e);

// Envelopes written by hand (not by the codec under test). Fields equal to
// nullopt are left out; optional fields are written when set.
std::string update_envelope(const std::optional<std::string>& logical_address,
                            const std::vector<engagement_transaction>& transactions);
std::string notification_envelope(const std::string& logical_address,
                                  const std::vector<engagement_transaction>& transactions);
std::string find_envelope(const find_query& q);

std::string fixture(const std::string& name);  // tests/fixtures/engagementindex-1.0/<name>

// Every leaf element under soap:Body as "{ns}name/{ns}name=text", in order.
std::vector<std::string> body_leaves(const std::string& envelope);
std::string fault_string(const std::string& envelope);  // "" when not a fault
std::string fault_detail(const std::string& envelope);

// Answers each send from a script: fails the first `failures` attempts of
// every notification, then succeeds. Records every attempt.
class fake_sender : public notification_sender {
 public:
  struct attempt {
    outbound_notification n;
    std::chrono::system_clock::time_point at;
  };
  explicit fake_sender(int failures = 0) : failures_(failures) {}
  void send(const outbound_notification& n, std::function<void(bool, std::string)> done) override;

  std::vector<attempt> attempts();
  // Waits until `pred(attempts)` holds or the timeout passes; returns whether it held.
  bool wait_for(const std::function<bool(const std::vector<attempt>&)>& pred,
                std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void set_failures(int failures);

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int failures_;
  std::vector<attempt> attempts_;
};

}  // namespace tidnav::ei::test
