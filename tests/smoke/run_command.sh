#!/usr/bin/env bash
# Smoke test of the README's first command: `./build.sh run --listen ... --data ...`
# exactly as a user runs it (flags on the command line replace build.sh's
# defaults), on a fresh data folder. It must serve the demo data (GetProfile of
# the demo buyer) and both WSDLs, and stop cleanly on SIGTERM.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SMOKE_NAME=smoke
# shellcheck source=tests/smoke/common.sh
source "$(dirname "$0")/common.sh"

port=$(free_port)
"$ROOT/build.sh" run --listen "127.0.0.1:$port" --data "$work/data" --access-log off >"$work/out" 2>&1 &
pid=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "$base/veloconnect?wsdl" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited before it served"
  sleep 0.1
done

profile=$(curl -fsS "$base/veloconnect?BuyersID=B127645&Password=secret&RequestName=GetProfileRequest") ||
  fail "GetProfile did not answer"
grep -q '<vct:ResponseCode>200</vct:ResponseCode>' <<<"$profile" || fail "GetProfile did not answer 200: $profile"
grep -q 'SellerName' <<<"$profile" || fail "GetProfile has no SellerName: $profile"
for path in /veloconnect /srm/InternalRequest; do
  wsdl=$(curl -fsS "$base$path?wsdl") || fail "$path?wsdl did not answer"
  grep -q "location=\"$base$path\"" <<<"$wsdl" || fail "$path?wsdl does not name $base$path"
done
[ -f "$work/data/ordergate.db" ] || fail "no database in the --data folder"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=
[ "$status" -eq 0 ] || fail "the server exited with status $status on SIGTERM"
echo "smoke: ./build.sh run --listen 127.0.0.1:$port served GetProfile and both WSDLs, stopped cleanly"
