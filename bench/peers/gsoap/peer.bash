# shellcheck shell=bash disable=SC2034 # sets bench/run's SERVER_* and PEER_FLAGS
# The gSOAP peer (sourced by bench/run): gsoap_peer, gSOAP's own stand-alone
# multi-threaded server on the same velo bindings as ordergate (server.cpp),
# built by bench/run's build step into $BUILD/bench/gsoap_peer. SOAP only.

GSOAP_THREADS=${BENCH_GSOAP_THREADS:-8}

peer_gsoap_supports() { [[ $1 == item_soap_* ]]; }

peer_gsoap_start() {
  PEER_TMP=$(mktemp -d /tmp/ordergate-bench-gsoap.XXXXXX)
  "$BUILD/bench/gsoap_peer" --threads "$GSOAP_THREADS" > "$PEER_TMP/stdout" 2> "$PEER_TMP/stderr" &
  SERVER_PID=$!
  local port
  port=$(wait_for_output "$PEER_TMP/stdout" 's|^gsoap_peer listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' gsoap_peer)
  SERVER_HOSTPORT=127.0.0.1:$port
  SERVER_PATH=/veloconnect
  PEER_FLAGS="gSOAP $(soapcpp2 -V 2>&1 | head -1) service class, $GSOAP_THREADS worker threads (soap_copy each) + 1 accepting, SOAP_IO_KEEPALIVE (gSOAP's default max_keep_alive 100), 5 s socket timeouts"
}

peer_gsoap_stop() {
  stop_server
  cat "$PEER_TMP/stderr" >> "$RAW/gsoap.stderr" 2> /dev/null || true
  rm -rf "$PEER_TMP"
}
