# A throw-away PostgreSQL cluster for the tests: its own folder, a free port on 127.0.0.1,
# trust authentication, removed when the calling script exits. Exports LAWYER_BILLING_TEST_PG.

start_test_postgres() {
  local bin port owner=()
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    echo "PostgreSQL n'est pas installé : les tests PostgreSQL ne peuvent pas tourner." >&2
    exit 1
  fi
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/lawyer_billing-pg.XXXXXX")"
  # The server refuses to run as root: run it as the postgres account when we are root.
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    owner=(runuser -u postgres --)
  fi
  port="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "${owner[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${owner[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off" start >/dev/null
  trap 'stop_test_postgres' EXIT
  PG_CTL=("${owner[@]}" "$bin/pg_ctl")
  export LAWYER_BILLING_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

stop_test_postgres() {
  "${PG_CTL[@]}" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
