# shellcheck shell=bash disable=SC2034 # sets bench/run's SERVER_* and PEER_FLAGS
# The nginx peer (sourced by bench/run): the ceiling. nginx answers every
# GetItemDetails with ordergate's own answer, captured at the start of the run
# ($REFERENCE_DIR, see capture_reference_answers), from memory; see
# nginx.conf.in. Master and workers run as nobody when bench/run is root.

peer_nginx_supports() { [[ $1 == item_* ]]; }

# answer file -> an nginx `return` directive that sends those exact bytes.
nginx_return_directive() {
  grep -q '\$' "$1" && die "$1 holds a \$, which nginx would read as a variable"
  printf "return 200 '"
  sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" "$1" # a single-quoted nginx string; the file's newlines stay
  printf "';\n"
}

peer_nginx_start() {
  ensure_tool nginx
  PEER_TMP=$(mktemp -d /tmp/ordergate-bench-nginx.XXXXXX)
  local port
  port=$(free_port)
  nginx_return_directive "$REFERENCE_DIR/item-xml.answer" > "$PEER_TMP/answer-xml.conf"
  nginx_return_directive "$REFERENCE_DIR/item-soap11.answer" > "$PEER_TMP/answer-soap11.conf"
  sed -e "s|@DIR@|$PEER_TMP|g" -e "s|@PORT@|$port|g" "$BENCH/peers/nginx/nginx.conf.in" > "$PEER_TMP/nginx.conf"
  local as=() who="the invoking user"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R nobody:nogroup "$PEER_TMP"
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
    who=nobody
  fi
  # setpriv execs nginx: $! is the master, whose tree holds the workers.
  "${as[@]}" nginx -p "$PEER_TMP" -c "$PEER_TMP/nginx.conf" -e "$PEER_TMP/error.log" > "$PEER_TMP/stderr" 2>&1 &
  SERVER_PID=$!
  wait_for_listener "$port" nginx "$PEER_TMP/error.log"
  SERVER_HOSTPORT=127.0.0.1:$port
  SERVER_PATH=/veloconnect
  PEER_FLAGS="$(nginx -v 2>&1 | sed 's|^nginx version: ||'), worker_processes auto ($NPROC workers + master, as $who), keepalive_requests unlimited, canned answers via return"
  # The point of this peer: the very bytes ordergate sends.
  local binding
  for binding in xml soap11; do
    fetch_answer "$binding" "$PEER_TMP/check.answer" > /dev/null
    cmp -s "$PEER_TMP/check.answer" "$REFERENCE_DIR/item-$binding.answer" ||
      die "nginx's $binding answer is not byte-identical to ordergate's (see $PEER_TMP)"
  done
}

peer_nginx_stop() {
  stop_server
  cat "$PEER_TMP/error.log" >> "$RAW/nginx.stderr" 2> /dev/null || true
  rm -rf "$PEER_TMP"
}
