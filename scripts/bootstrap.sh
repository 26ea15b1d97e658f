#!/usr/bin/env bash
# Installs the Debian packages tidnav needs, and nothing else. Idempotent:
# packages already present are not touched, and apt is only called when
# something is missing. Nothing is downloaded from outside Debian's archive.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache lld
  gsoap libgsoap-dev            # wsdl2h/soapcpp2 + runtime (contracts/)
  libboost-dev                  # Asio, Beast (header-only in 1.74)
  libssl-dev openssl            # TLS, dev PKI
  libpugixml-dev                # routing-time XML views, merge
  libxml2-dev libxml2-utils     # XSD validation (tidnav validate, tests)
  nlohmann-json3-dev            # /status, logs, sandbox.json
  libyaml-cpp-dev               # configuration
  libsqlite3-dev                # engagement index, outboxes
  libcli11-dev                  # the tidnav command line
  catch2                        # tests
  curl                          # docs examples, smoke tests
  chromium                      # headless test of the hub dashboard (tests/integration)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages present"
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
