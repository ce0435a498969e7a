#!/usr/bin/env bash
# Installs what Faultline needs to build (Debian packages) and builds it into build/.
# Safe to run again: installs only what is missing, rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config libicu-dev nlohmann-json3-dev libcli11-dev
          libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev libpq-dev postgresql-15 libgumbo-dev libcld2-dev python3 time
          libcpp-httplib-dev zlib1g-dev chromium wrk clang libclang-rt-14-dev clang-format
          python3-pandas python3-matplotlib)
# zlib1g-dev: gzip answers of `faultline serve` (cpp-httplib compresses with zlib; README, dependencies).
# The sharded ingest's job-array test runs a throwaway single-node Slurm cluster (tests/slurm).
packages+=(slurm-wlm munge)
# `faultline serve`'s page is built from npm packages; Debian's node will do where none is installed.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The page's libraries (versions pinned by web/package-lock.json); the build copies their dist
# files into build/web, which `faultline serve` serves. Reinstalled only when the lock file changed.
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: installing the web page's npm packages" >&2
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

build_type="${BUILD_TYPE:-Release}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build -j "$(nproc)"
