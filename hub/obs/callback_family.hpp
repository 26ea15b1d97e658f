// SPDX-License-Identifier: GPL-2.0-or-later
// A family whose samples come from a function at scrape time.
#pragma once

#include "hub/obs/family.hpp"
#include "hub/obs/registry.hpp"

namespace tidnav::obs {

class callback_family final : public family_base {
 public:
  callback_family(metric_type type, std::string name, std::string help, std::vector<std::string> label_names,
                  samples_callback fn);

 private:
  void render_samples(std::string& out) const override;

  samples_callback fn_;
};

}  // namespace tidnav::obs
