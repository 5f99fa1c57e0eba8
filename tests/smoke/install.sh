#!/usr/bin/env bash
# tests/smoke/install.sh <build dir>: installing ordergate as a service.
# `cmake --install` (into a DESTDIR) must put the binary, the example config
# and the systemd unit where the unit says they are, with the unit's
# sandboxing; the installed binary must start with the installed config and
# serve. `cpack` must make a .deb with the same files, a conffile, maintainer
# scripts that enable and start the service, and its library dependencies; the
# binary unpacked from it must serve too.
set -euo pipefail
BUILD=$(cd "$1" && pwd)
SMOKE_NAME=install
# shellcheck source=tests/smoke/common.sh
source "$(dirname "$0")/common.sh"

# serves <root>: the binary under <root> with the config under <root> answers.
serves() {
  local root=$1 port data="$work/data-$(basename "$1")"
  echo pw | "$root/usr/bin/ordergate" buyer add B1 --data "$data" >/dev/null
  port=$(free_port)
  "$root/usr/bin/ordergate" --config "$root/etc/ordergate/ordergate.conf" --data "$data" \
    --listen "127.0.0.1:$port" >"$work/out" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || fail "$root/usr/bin/ordergate exited before it served"
    sleep 0.1
  done
  # (Answers go to files first: grep -q would end the pipe early, and pipefail fail it.)
  curl -fsS "http://127.0.0.1:$port/readyz" >"$work/ready" || fail "/readyz did not answer"
  grep -q "store: writable" "$work/ready" || fail "/readyz is not ready: $(cat "$work/ready")"
  curl -fsS "http://127.0.0.1:$port/veloconnect?wsdl" >"$work/wsdl" || fail "no WSDL"
  grep -q "location=\"http://127.0.0.1:$port/veloconnect\"" "$work/wsdl" || fail "the WSDL names another address"
  # The config was read: its SellerName (the built-in default is "ordergate demo wholesaler").
  curl -fsS "http://127.0.0.1:$port/veloconnect?RequestName=GetProfileRequest&BuyersID=B1&Password=pw" >"$work/profile" ||
    fail "GetProfile did not answer"
  grep -q "ordergate wholesaler</" "$work/profile" || fail "the config's seller-name is not served: $(cat "$work/profile")"
  kill -TERM "$pid"
  wait "$pid" || fail "the server did not exit 0 on SIGTERM"
  pid=
}

# 1. cmake --install
DESTDIR="$work/root" cmake --install "$BUILD" >/dev/null
unit="$work/root/usr/lib/systemd/system/ordergate.service"
for f in usr/bin/ordergate etc/ordergate/ordergate.conf usr/lib/systemd/system/ordergate.service \
  usr/share/doc/ordergate/COPYING; do
  [ -e "$work/root/$f" ] || fail "cmake --install did not install /$f"
done
grep -qx "ExecStart=/usr/bin/ordergate --config /etc/ordergate/ordergate.conf --data /var/lib/ordergate" "$unit" ||
  fail "the unit's ExecStart does not name the installed paths: $(grep ExecStart "$unit")"
for directive in DynamicUser=yes StateDirectory=ordergate ProtectSystem=strict ProtectHome=yes NoNewPrivileges=yes \
  "ExecReload=/bin/kill -HUP \$MAINPID" WantedBy=multi-user.target; do
  grep -qxF "$directive" "$unit" || fail "the unit lacks $directive"
done
serves "$work/root"

# 2. The .deb
(cd "$BUILD" && cpack -B "$work/package" >/dev/null) || fail "cpack failed"
deb=$(ls "$work"/package/ordergate_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no .deb: $(ls "$work/package")"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsqlite3-0 libxml2 libssl3 libgsoap systemd; do
  grep -q "$lib" <<<"$depends" || fail "the package does not depend on $lib: $depends"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$work" ./conffiles ./postinst ./prerm
grep -qx /etc/ordergate/ordergate.conf "$work/conffiles" || fail "the config is no conffile"
grep -q "systemctl enable ordergate.service" "$work/postinst" || fail "postinst does not enable the service"
grep -q "systemctl stop ordergate.service" "$work/prerm" || fail "prerm does not stop the service"
dpkg-deb -x "$deb" "$work/unpacked"
cmp -s "$work/unpacked/usr/lib/systemd/system/ordergate.service" "$unit" || fail "the package's unit differs"
serves "$work/unpacked"
echo "install: cmake --install and $(basename "$deb") install and serve"
