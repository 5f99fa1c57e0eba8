# shellcheck shell=bash disable=SC2034 # sets bench/run's SERVER_* and PEER_FLAGS
# The baseline peer (sourced by bench/run): ordergate as it was at the commit
# BENCH_BASELINE names (e.g. BENCH_BASELINE=main~3 BENCH_PEERS="ordergate baseline"),
# measured in the same run as the work tree, scenario by scenario in turn, so
# that "before" and "after" share the machine's state. Built from a clean
# export of that commit into build/baseline with the same release preset
# flags; the bench/ folder of the work tree measures both.

peer_baseline_build() {
  [[ -n ${BENCH_BASELINE:-} ]] || die "the baseline peer needs BENCH_BASELINE=<commit>"
  local rev src=$ROOT/build/baseline-src out=$ROOT/build/baseline
  rev=$(git -C "$ROOT" rev-parse --short "$BENCH_BASELINE") || die "no commit $BENCH_BASELINE"
  if [[ ! -x $out/src/ordergate || $(cat "$out/.rev" 2> /dev/null) != "$rev" ]]; then
    log "building the baseline $rev into $out"
    rm -rf "$src" && mkdir -p "$src"
    git -C "$ROOT" archive "$rev" | tar -x -C "$src"
    # The same flags as the release preset, whether or not that commit had presets.
    cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Release -DOG_BUILD_TESTS=OFF > "$RAW/baseline-configure.log" 2>&1 ||
      die "baseline configure failed (see $RAW/baseline-configure.log)"
    cmake --build "$out" -j"$NPROC" --target ordergate > "$RAW/baseline-build.log" 2>&1 ||
      die "baseline build failed (see $RAW/baseline-build.log)"
    echo "$rev" > "$out/.rev"
  fi
  BASELINE_BIN=$out/src/ordergate
  BASELINE_REV=$rev
}

peer_baseline_start() {
  [[ -n ${BASELINE_BIN:-} ]] || peer_baseline_build
  PEER_TMP=$(mktemp -d /tmp/ordergate-bench-baseline.XXXXXX)
  if [[ -n $OG_SEED_DB ]]; then mkdir -p "$PEER_TMP/data" && cp "$OG_SEED_DB" "$PEER_TMP/data/ordergate.db"; fi
  "$BASELINE_BIN" --listen 127.0.0.1:0 --data "$PEER_TMP/data" --access-log off \
    --max-open-transactions 100000000 > "$PEER_TMP/stdout" 2> "$PEER_TMP/stderr" &
  SERVER_PID=$!
  local port
  port=$(wait_for_output "$PEER_TMP/stdout" 's|^ordergate listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' baseline)
  SERVER_HOSTPORT=127.0.0.1:$port
  SERVER_PATH=/veloconnect
  PEER_FLAGS="ordergate at commit $BASELINE_REV, Release build (-O3), the same flags as ordergate"
}

peer_baseline_stop() {
  stop_server
  cat "$PEER_TMP/stderr" >> "$RAW/baseline.stderr" 2> /dev/null || true
  rm -rf "$PEER_TMP"
}
