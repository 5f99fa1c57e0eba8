# shellcheck shell=bash disable=SC2034 # sets bench/run's SERVER_* and PEER_FLAGS
# The spyne peer (sourced by bench/run): service.py under gunicorn, Debian's
# python3-spyne and python3-gunicorn on Debian's /usr/bin/python3. SOAP only.
#
# gunicorn is the WSGI server a spyne user would put in production (spyne's
# own examples use wsgiref, which serves one request at a time). Workers:
# (2 x cores) + 1, gunicorn's documented starting point. Worker class
# gthread: the default sync workers answer every request with
# Connection: close and, by gunicorn's documentation, need a buffering proxy
# in front; the clients here connect directly and keep connections alive.

SPYNE_WORKERS=${BENCH_SPYNE_WORKERS:-$((2 * NPROC + 1))}
SPYNE_THREADS=${BENCH_SPYNE_THREADS:-2}

peer_spyne_supports() { [[ $1 == item_soap_* ]]; }

peer_spyne_start() {
  ensure_python_module spyne python3-spyne
  ensure_python_module gunicorn python3-gunicorn
  PEER_TMP=$(mktemp -d /tmp/ordergate-bench-spyne.XXXXXX)
  # Port 0: gunicorn logs the port it was given (its access log is off by default).
  /usr/bin/python3 -m gunicorn --chdir "$BENCH/peers/spyne" --bind 127.0.0.1:0 --workers "$SPYNE_WORKERS" \
    --worker-class gthread --threads "$SPYNE_THREADS" --backlog 4096 \
    service:application > "$PEER_TMP/stdout" 2> "$PEER_TMP/stderr" &
  SERVER_PID=$!
  local port
  port=$(wait_for_output "$PEER_TMP/stderr" 's|.*Listening at: http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' gunicorn)
  SERVER_HOSTPORT=127.0.0.1:$port
  SERVER_PATH=/veloconnect
  PEER_FLAGS="spyne $(/usr/bin/python3 -c 'import spyne; print(spyne.__version__)') on gunicorn $(/usr/bin/python3 -c 'import gunicorn; print(gunicorn.__version__)'), Python $(/usr/bin/python3 -c 'import platform; print(platform.python_version())'), $SPYNE_WORKERS worker processes x $SPYNE_THREADS threads (gthread) + master"
}

peer_spyne_stop() {
  stop_server
  cat "$PEER_TMP/stderr" >> "$RAW/spyne.stderr" 2> /dev/null || true
  rm -rf "$PEER_TMP"
}
