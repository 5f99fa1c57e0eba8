# bench/growth.bash: the growth part of bench/run (sourced by it; uses its
# peers, measure_wrk/measure_flow_client and RESULT). How ordergate's figures
# grow with
#   - the catalog: GetItemDetails asking for a random item of N synthetic
#     items (bench/lua/get_item_details_spread.lua), and the order flow with
#     random items of the same catalog (flow_client --catalog-items N);
#   - the stored transactions: the same two with M finished orders in the
#     database (demo catalog);
#   - the connections: GetItemDetails (demo item) at C keep-alive connections,
#     for the server's peak RSS.
# Each dimension gets a table with every figure's ratio to its smallest case.
#
# The data comes from ordergate --demo-catalog-items / --demo-transactions.
# A seeded database is kept in $BENCH_SEED_CACHE (default build/release/seed-cache),
# keyed by N, M and the generator's and schema's sources, and copied into the
# fresh data folder of each run; seeding 1,000,000 items or orders takes
# seconds, once.

GROWTH_ITEMS=${BENCH_GROWTH_ITEMS:-"1000 100000 1000000"}
GROWTH_TRANSACTIONS=${BENCH_GROWTH_TRANSACTIONS:-"10000 1000000"}
GROWTH_CONNECTIONS=${BENCH_GROWTH_CONNECTIONS:-"10 1000 5000"}
SEED_CACHE=${BENCH_SEED_CACHE:-$BUILD/seed-cache}
GROWTH_ROWS=()
declare -A SEEDED_IN # "<items>/<transactions>" -> seconds the seeding took

# seeded_db <items> <transactions>: sets SEEDED_DB to a database created with
# that much synthetic data (from the cache, else seeded now).
seeded_db() {
  local items=$1 txns=$2 key dir
  key=$(cat "$SRC_DIR/src/core/synthetic_data.cpp" "$SRC_DIR/src/core/demo_data.cpp" \
    "$SRC_DIR/src/store/sqlite/schema.cpp" | sha1sum | cut -c1-12)
  dir=$SEED_CACHE/$key/items-$items-transactions-$txns
  if [[ ! -s $dir/ordergate.db ]]; then
    log "seeding $items items and $txns orders (kept in $dir)"
    local tmp pid t0 i
    tmp=$(mktemp -d /tmp/ordergate-seed.XXXXXX)
    t0=$(date +%s.%N)
    "$ORDERGATE" --listen 127.0.0.1:0 --data "$tmp/data" --access-log off --demo --demo-catalog-items "$items" \
      --demo-transactions "$txns" > "$tmp/stdout" 2> "$tmp/stderr" &
    pid=$!
    for ((i = 0; i < 6000; i++)); do
      grep -q '^ordergate listening' "$tmp/stdout" && break
      kill -0 "$pid" 2> /dev/null || die "seeding failed: $(cat "$tmp/stderr")"
      sleep 0.1
    done
    grep -q '^ordergate listening' "$tmp/stdout" || die "seeding took over 10 minutes"
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", b - a }' > "$tmp/seconds"
    # A clean stop checkpoints the WAL into the database file and removes it.
    kill -TERM "$pid"
    wait "$pid" 2> /dev/null || true
    [[ ! -e $tmp/data/ordergate.db-wal ]] || die "seeded database still has a WAL after a clean stop"
    mkdir -p "$dir"
    mv "$tmp/seconds" "$dir/seconds"
    mv "$tmp/data/ordergate.db" "$dir/ordergate.db"
    rm -rf "$tmp"
  fi
  SEEDED_DB=$dir/ordergate.db
  SEEDED_IN[$items/$txns]=$(cat "$dir/seconds")
}

# growth_start <items> <transactions>: ordergate on a copy of a seeded database.
growth_start() {
  seeded_db "$1" "$2"
  CURRENT_PEER=ordergate
  OG_SEED_DB=$SEEDED_DB
  peer_ordergate_start
  OG_SEED_DB=
  log "ordergate on $SERVER_HOSTPORT with $1 synthetic items and $2 stored orders; warm-up ${WARMUP}s"
  local script=get_item_details_xml.lua
  (($1 > 0)) && script=get_item_details_spread.lua
  env OG_PATH="$SERVER_PATH" OG_CATALOG_ITEMS="$1" wrk -t"$WRK_THREADS" -c64 -d"${WARMUP}s" \
    -s "$BENCH/lua/$script" "http://$SERVER_HOSTPORT" > "$RAW/growth-warmup.txt" 2>&1 || true
}

growth_stop() {
  peer_ordergate_stop
  CURRENT_PEER=
}

# Runs one measurement and files its row under the growth details, not the
# main table. Also keeps the server's private memory (RssAnon) after the run:
# peak RSS counts the database pages it touched through its memory map, which
# the kernel maps in 64 KiB blocks and can drop at any time.
growth_measure() { # measure_wrk|measure_flow_client <scenario> args...
  "$@"
  GROWTH_ROWS+=("${ROWS[-1]}")
  unset 'ROWS[-1]'
  RESULT[ordergate/$2/anon_kb]=$(awk '/^RssAnon:/ { print $2 }' "/proc/$SERVER_PID/status" 2> /dev/null)
}

growth_run() {
  local n m c
  for n in $GROWTH_ITEMS; do
    growth_start "$n" 0
    growth_measure measure_wrk "growth_items_${n}_item" "GetItemDetails XML-POST, random item of $n" 64 \
      get_item_details_spread.lua 0 OG_CATALOG_ITEMS="$n"
    growth_measure measure_flow_client "growth_items_${n}_flow" "order flow, random items of $n" 64 0 \
      --mode flow --catalog-items "$n"
    growth_stop
  done
  for m in $GROWTH_TRANSACTIONS; do
    growth_start 0 "$m"
    growth_measure measure_wrk "growth_tx_${m}_item" "GetItemDetails XML-POST, $m stored orders" 64 \
      get_item_details_xml.lua 0
    growth_measure measure_flow_client "growth_tx_${m}_flow" "order flow, $m stored orders" 64 0 --mode flow
    growth_stop
  done
  growth_start 0 0
  for c in $GROWTH_CONNECTIONS; do
    growth_measure measure_wrk "growth_conns_${c}" "GetItemDetails XML-POST, $c connections" "$c" \
      get_item_details_xml.lua 0
  done
  growth_stop
}

# ---- report ------------------------------------------------------------------------

# Formatting that prints "-" for a figure that is missing (a run that failed).
ratio() { awk -v v="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && v != "") printf "×%.2f", v / b; else print "-" }'; }
num() { awk -v v="$1" -v f="${2:-%.0f}" 'BEGIN { if (v == "") print "-"; else printf f, v }'; }
ms() { awk -v u="$1" 'BEGIN { if (u == "") print "-"; else printf "%.2f", u / 1000 }'; }
mib() { awk -v k="$1" 'BEGIN { if (k == "") print "-"; else printf "%.1f", k / 1024 }'; }
res() { echo "${RESULT[ordergate/$1]:-}"; }

# growth_table <title> <what the rows are> <scenario prefix> <sizes...>
growth_data_table() {
  local title=$1 what=$2 prefix=$3
  shift 3
  local first=$1 s
  echo "**$title**"
  echo
  echo "| $what | GetItemDetails req/s | | p99 ms | CPU µs/req | | Order flow flows/s | | p99 ms | CPU µs/req | | peak RSS MiB | private RSS MiB | seeded in s |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  for s in "$@"; do
    local i=${prefix}_${s}_item f=${prefix}_${s}_flow i0=${prefix}_${first}_item f0=${prefix}_${first}_flow seeded
    if [[ $prefix == growth_items ]]; then seeded=${SEEDED_IN[$s/0]:-}; else seeded=${SEEDED_IN[0/$s]:-}; fi
    local hwm
    hwm=$(awk -v a="$(res "$i/hwm_kb")" -v b="$(res "$f/hwm_kb")" 'BEGIN { print (a + 0 > b + 0) ? a : b }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s" \
      "$(num "$(res "$i/rps")")" "$(ratio "$(res "$i/rps")" "$(res "$i0/rps")")" "$(ms "$(res "$i/p99_us")")" \
      "$(num "$(res "$i/cpu_us")" %.1f)" "$(ratio "$(res "$i/cpu_us")" "$(res "$i0/cpu_us")")" \
      "$(num "$(res "$f/fps")")" "$(ratio "$(res "$f/fps")" "$(res "$f0/fps")")" "$(ms "$(res "$f/p99_us")")" \
      "$(num "$(res "$f/cpu_us")" %.1f)" "$(ratio "$(res "$f/cpu_us")" "$(res "$f0/cpu_us")")" "$(mib "$hwm")" \
      "$(mib "$(res "$f/anon_kb")")" "${seeded:--}"
  done
  echo
}

growth_report() {
  local items=($GROWTH_ITEMS) txns=($GROWTH_TRANSACTIONS) conns=($GROWTH_CONNECTIONS) c
  echo "## How the figures grow (ordergate)"
  echo
  echo "Each figure with its ratio (×) to the smallest case; ${DURATION} s per run after a ${WARMUP} s warm-up, 64 connections unless stated; errors and details in the last table. The catalog is ordergate's synthetic one (\`--demo-catalog-items\`): GetItemDetails asks for a random item of it and the order flow orders random items of it. The stored transactions are finished orders (\`--demo-transactions\`, two lines each). Peak RSS (VmHWM) includes the database pages the server touched through its memory map (file-backed, shared with the page cache, mapped by the kernel in 64 KiB blocks); private RSS (RssAnon after the run: heap, SQLite's page cache of up to 64 MiB, connections) is what the process itself holds."
  echo
  growth_data_table "Catalog size" "Items" growth_items "${items[@]}"
  growth_data_table "Stored transactions" "Orders" growth_tx "${txns[@]}"
  echo "**Connections** (GetItemDetails, demo item)"
  echo
  echo "| Connections | req/s | p99 ms | peak RSS MiB | | RSS per connection KiB (vs. the smallest case) | private RSS MiB |"
  echo "|--:|--:|--:|--:|--:|--:|--:|"
  local k0 h0
  k0=${conns[0]}
  h0=$(res "growth_conns_$k0/hwm_kb")
  for c in "${conns[@]}"; do
    local h
    h=$(res "growth_conns_$c/hwm_kb")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$(num "$(res "growth_conns_$c/rps")")" \
      "$(ms "$(res "growth_conns_$c/p99_us")")" "$(mib "$h")" "$(ratio "$h" "$h0")" \
      "$(awk -v h="$h" -v h0="$h0" -v c="$c" -v c0="$k0" \
        'BEGIN { if (c > c0 && h != "" && h0 != "") printf "%.1f", (h - h0) / (c - c0); else print "-" }')" \
      "$(mib "$(res "growth_conns_$c/anon_kb")")"
  done
  echo
  echo "Targets:"
  echo
  local big=${items[-1]} small=${items[0]} r
  for r in item flow; do
    local key=rps label="GetItemDetails req/s"
    [[ $r == flow ]] && key=fps label="order flow flows/s"
    local a b
    a=$(res "growth_items_${big}_$r/$key")
    b=$(res "growth_items_${small}_$r/$key")
    [[ -n $a && -n $b ]] || continue
    printf -- '- %s at %s items within 20 %% of %s items: %s (%s)\n' "$label" "$big" "$small" \
      "$(verdict "$(awk -v a="$a" -v b="$b" 'BEGIN { print (b > 0 && a >= 0.8 * b) ? 1 : 0 }')")" "$(ratio "$a" "$b")"
  done
  local h1000
  h1000=$(res "growth_conns_1000/hwm_kb")
  [[ -n $h1000 ]] && printf -- '- peak RSS < 150 MB at 1,000 connections: %s (%s MiB)\n' \
    "$(verdict "$(awk -v h="$h1000" 'BEGIN { print (h * 1024 < 150e6) ? 1 : 0 }')")" "$(mib "$h1000")"
  echo
  echo "<details><summary>growth runs in detail</summary>"
  echo
  echo "| Peer | Scenario | Tool | Conns | Req/s | p50 ms | p99 ms | Errors | Server CPU µs/req | Server peak RSS MiB | CPU cores: server / load gen / other | Notes |"
  echo "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|"
  printf '%s\n' "${GROWTH_ROWS[@]}"
  echo
  echo "</details>"
}
