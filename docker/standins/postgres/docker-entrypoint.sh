#!/bin/bash
# What docker/compose.yaml uses of the official postgres image's entrypoint: as root, own PGDATA and
# drop to the postgres user; on an empty PGDATA, initialise it (POSTGRES_USER, POSTGRES_PASSWORD,
# POSTGRES_DB, /docker-entrypoint-initdb.d/*.sql|*.sh); then run the server on every interface.
set -Eeuo pipefail

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
socket_dir=/var/run/postgresql

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" "$socket_dir"
  chown -R postgres:postgres "$PGDATA" "$socket_dir"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

initialise() {
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo 'POSTGRES_PASSWORD must be set' >&2
    exit 1
  fi
  local pwfile
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256
  rm -f "$pwfile"
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"

  # Started on the socket only, so nothing connects before the databases exist.
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=$socket_dir" start
  local psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc -h "$socket_dir" -U "$POSTGRES_USER")
  if [ "$POSTGRES_DB" != postgres ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
  fi
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) echo "running $f" && "${psql[@]}" -d "$POSTGRES_DB" -f "$f" ;;
      *.sh) echo "running $f" && . "$f" ;;
      *) ;; # the glob matched nothing, or a file type we do not run
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
}

if [ "${1:-postgres}" = postgres ]; then
  [ -s "$PGDATA/PG_VERSION" ] || initialise
  shift || true
  exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories="$socket_dir" "$@"
fi
exec "$@"
