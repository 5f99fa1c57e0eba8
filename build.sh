#!/usr/bin/env bash
# ordergate's two entry points on a fresh Debian 12 machine:
#   ./build.sh run    build (Release) and serve the demo data on 127.0.0.1:8080
#   ./build.sh test   build and run every test suite (plain, then ASan+UBSan)
# Both install their Debian packages first (apt-get, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

BUILD_PACKAGES=(build-essential cmake pkg-config gsoap libgsoap-dev libboost-dev libboost-program-options-dev
                libxml2-dev libsqlite3-dev libssl-dev)
TEST_PACKAGES=(libcppunit-dev openssl python3 python3-zeep ca-certificates)

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

jobs() { nproc 2>/dev/null || echo 2; }

case "${1:-}" in
  run)
    shift
    install_packages "${BUILD_PACKAGES[@]}"
    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DOG_BUILD_TESTS=OFF >/dev/null
    cmake --build build-release -j"$(jobs)" --target ordergate
    exec build-release/src/ordergate --listen "${OG_LISTEN:-127.0.0.1:8080}" --data "${OG_DATA:-./data}" "$@"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build -j"$(jobs)"
    (cd build && ctest --output-on-failure)
    if [ "${OG_SKIP_SANITIZERS:-0}" != 1 ]; then
      # The same suites against a server built with AddressSanitizer and UBSan.
      cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DOG_SANITIZE=ON >/dev/null
      cmake --build build-asan -j"$(jobs)"
      (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        ctest --output-on-failure)
    fi
    ;;
  *)
    echo "usage: ./build.sh run [ordergate flags...] | ./build.sh test" >&2
    exit 2
    ;;
esac
