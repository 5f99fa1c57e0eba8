#!/usr/bin/env bash
# ordergate's two entry points on a fresh Debian 12 machine:
#   ./build.sh run [flags]  build (Release) and serve the demo data on 127.0.0.1:8080
#   ./build.sh test         build and run every test suite: the Release build that
#                           `run` serves (GCC, and a smoke start of `run` itself), then
#                           the same suites built with clang, ASan+UBSan and libFuzzer
#                           coverage, with every fuzz target run briefly, then the
#                           threaded suites under ThreadSanitizer
# Both install their Debian packages first (apt-get, as root or through sudo).
# The build configurations are CMakePresets.json's; bench/run uses the same.
set -euo pipefail
cd "$(dirname "$0")"

# libcppunit-dev is here, not among the test packages: `run` and `test` share
# one configured Release build (build/release), so the binary `run` serves is
# the one the suites test, and configuring it wants the test framework.
BUILD_PACKAGES=(build-essential cmake pkg-config gsoap libgsoap-dev libboost-dev libboost-program-options-dev libpq-dev
                libxml2-dev libsqlite3-dev libicu-dev libssl-dev libcppunit-dev libcsv-dev nlohmann-json3-dev)
TEST_PACKAGES=(openssl python3 python3-zeep ca-certificates curl clang libclang-rt-14-dev postgresql haproxy)

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

# True when the flag (--name or --name=value) is among the arguments.
has_flag() {
  local name=$1; shift
  for a in "$@"; do [[ $a == "$name" || $a == "$name="* ]] && return 0; done
  return 1
}

build_preset() {  # preset [targets...]
  local preset=$1; shift
  cmake --preset "$preset" >/dev/null
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" -j"$(jobs)" --target "$@"
  else
    cmake --build --preset "$preset" -j"$(jobs)"
  fi
}

case "${1:-}" in
  run)
    shift
    install_packages "${BUILD_PACKAGES[@]}"
    build_preset release ordergate
    # Defaults that the caller's own flags replace (the server takes each once).
    defaults=()
    has_flag --listen "$@" || defaults+=(--listen "${OG_LISTEN:-127.0.0.1:8080}")
    has_flag --data "$@" || defaults+=(--data "${OG_DATA:-./data}")
    # Trying ordergate out: a new database gets the demo data. `--no-demo` is
    # build.sh's own: it starts an empty database (as production does).
    args=()
    demo=1
    for a in "$@"; do if [[ $a == --no-demo ]]; then demo=0; else args+=("$a"); fi; done
    [[ $demo == 1 ]] && defaults+=(--demo)
    set -- "${args[@]+"${args[@]}"}"
    exec build/release/src/ordergate "${defaults[@]}" "$@"
    ;;
  cluster)
    # Several instances on one PostgreSQL behind haproxy, to try it out:
    # tests/cluster/local_cluster (the script the cluster tests use) says
    # where everything is and stops it all on Ctrl-C.
    shift
    install_packages "${BUILD_PACKAGES[@]}" postgresql haproxy python3
    build_preset release ordergate
    exec tests/cluster/local_cluster run "$@"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build_preset release
    # The README's first command, as a user types it, against the same build.
    tests/smoke/run_command.sh
    ctest --preset release -j"$(jobs)"
    if [ "${OG_SKIP_SANITIZERS:-0}" != 1 ]; then
      # A second compiler and the sanitizers in one build: clang, AddressSanitizer
      # + UBSan; every suite again, and each libFuzzer target 20 s (tests/fuzz).
      # The end-to-end suites' second run on a cluster (label e2e_cluster) is
      # the Release stage's: under ASan the PostgreSQL store already serves
      # every sample (postgres.samples_replay) and the cluster.* tests.
      build_preset asan
      ctest --preset asan -j"$(jobs)" -LE e2e_cluster
      # ThreadSanitizer where threads meet: the store thread, the event loops,
      # the hashing pool, outbound calls, and every server the e2e suites start.
      # (The rules and message suites are single-threaded: ASan covers them.)
      build_preset tsan ordergate store_tests providers_tests eproc_tests e2e_tests
      ctest --preset tsan -j"$(jobs)" -R '^(store|providers|eproc|e2e)_tests\.'
    fi
    ;;
  *)
    echo "usage: ./build.sh run [ordergate flags...] | ./build.sh test | ./build.sh cluster [--listen ADDR:PORT]" >&2
    exit 2
    ;;
esac
