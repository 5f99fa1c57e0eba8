# shellcheck shell=bash disable=SC2034 # sets bench/run's SERVER_* and PEER_FLAGS
# The node-soap peer (sourced by bench/run): server.js, the npm package soap
# serving the project's WSDL from one Node.js process (how node-soap is run;
# no cluster). SOAP only. Its npm dependencies are installed from
# package-lock.json into node_modules (not committed) when missing.

peer_node_soap_supports() { [[ $1 == item_soap_* ]]; }

peer_node_soap_start() {
  ensure_tool node nodejs
  local dir=$BENCH/peers/node-soap
  if [[ ! -d $dir/node_modules/soap ]]; then
    ensure_tool npm
    log "node-soap: npm ci (see $RAW/npm-ci.log)"
    (cd "$dir" && npm ci --no-audit --no-fund) > "$RAW/npm-ci.log" 2>&1 || die "npm ci failed (see $RAW/npm-ci.log)"
  fi
  PEER_TMP=$(mktemp -d /tmp/ordergate-bench-node-soap.XXXXXX)
  NODE_ENV=production node "$dir/server.js" 0 > "$PEER_TMP/stdout" 2> "$PEER_TMP/stderr" &
  SERVER_PID=$!
  local port
  port=$(wait_for_output "$PEER_TMP/stdout" 's|^node-soap listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' node-soap)
  SERVER_HOSTPORT=127.0.0.1:$port
  SERVER_PATH=/veloconnect
  PEER_FLAGS="node-soap $(node -p "require('$dir/node_modules/soap/package.json').version") on Node.js $(node --version), one process, keepAliveTimeout 75 s"
}

peer_node_soap_stop() {
  stop_server
  cat "$PEER_TMP/stderr" >> "$RAW/node_soap.stderr" 2> /dev/null || true
  rm -rf "$PEER_TMP"
}
