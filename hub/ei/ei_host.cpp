// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/ei_host.hpp"

namespace tidnav::ei {

ei_host::ei_host(const std::string& db_path, notification_sender& sender, ei_host_options options)
    : store_(db_path, options.storage),
      service_(store_, std::move(options.service)),
      worker_(store_, sender, options.outbox) {
  service_.on_enqueued([this] { worker_.wake(); });
  if (options.start_worker) worker_.start();
}

ei_host::~ei_host() { worker_.stop(); }

}  // namespace tidnav::ei
