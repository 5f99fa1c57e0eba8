# Sourced by the smoke scripts: a temporary folder ($work) removed at exit, the
# server started there ($pid) killed at exit, and fail() that shows its output.
# Set SMOKE_NAME before sourcing.
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "$SMOKE_NAME: $*" >&2
  if [ -f "$work/out" ]; then
    echo "--- server output ---" >&2
    cat "$work/out" >&2
  fi
  exit 1
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
