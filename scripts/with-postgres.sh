#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARGS...]
# Starts a throwaway PostgreSQL cluster (trust auth, 127.0.0.1, a free port), exports
# PARLEY_TEST_PG_URL pointing at it, runs CMD, then stops and deletes the cluster whatever happens.
# Exits with CMD's status. Installing PostgreSQL is scripts/test.sh's job, not this script's.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

# Newest installed major version (Debian layout: /usr/lib/postgresql/<major>/bin).
PG_BIN=""
if [ -d /usr/lib/postgresql ]; then
  PG_MAJOR=$(ls /usr/lib/postgresql | grep -E '^[0-9]+$' | sort -n | tail -n 1 || true)
  [ -n "${PG_MAJOR}" ] && PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
fi
if [ -z "${PG_BIN}" ] || [ ! -x "${PG_BIN}/initdb" ] || [ ! -x "${PG_BIN}/pg_ctl" ]; then
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN=$(dirname "$(command -v initdb)")
  else
    echo "with-postgres.sh: PostgreSQL server binaries (initdb, pg_ctl) not found." >&2
    echo "Install them first, e.g. 'apt-get install -y postgresql' (scripts/test.sh does this)." >&2
    exit 127
  fi
fi

# initdb refuses to run as root: run the server as the postgres system user in that case.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres.sh: running as root but there is no 'postgres' user to run the server as." >&2
    exit 1
  fi
  as_pg=(runuser -u postgres --)
fi

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/parley-pg.XXXXXX")
DATA_DIR="${WORK_DIR}/data"
LOG_FILE="${WORK_DIR}/server.log"
[ "${#as_pg[@]}" -gt 0 ] && chown postgres: "${WORK_DIR}"
chmod 700 "${WORK_DIR}"

started=0
cleanup() {
  local status=$?
  if [ "${started}" -eq 1 ]; then
    "${as_pg[@]}" "${PG_BIN}/pg_ctl" -D "${DATA_DIR}" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "${WORK_DIR}"
  exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free TCP port on 127.0.0.1, chosen by the kernel.
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

"${as_pg[@]}" "${PG_BIN}/initdb" -D "${DATA_DIR}" -U postgres --auth=trust --encoding=UTF8 --no-locale >"${WORK_DIR}/initdb.log" 2>&1 || {
  cat "${WORK_DIR}/initdb.log" >&2
  echo "with-postgres.sh: initdb failed" >&2
  exit 1
}

# Unix socket in the work dir (not /var/run/postgresql, which may not exist); fsync off: throwaway data.
if ! "${as_pg[@]}" "${PG_BIN}/pg_ctl" -D "${DATA_DIR}" -l "${LOG_FILE}" -w -t 60 \
  -o "-h 127.0.0.1 -p ${PORT} -k ${WORK_DIR} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  cat "${LOG_FILE}" >&2 || true
  echo "with-postgres.sh: PostgreSQL failed to start" >&2
  exit 1
fi
started=1

export PARLEY_TEST_PG_URL="postgres://postgres@127.0.0.1:${PORT}/postgres"
echo "with-postgres.sh: PostgreSQL ($("${PG_BIN}/postgres" --version)) on ${PARLEY_TEST_PG_URL}" >&2

set +e
"$@"
status=$?
set -e
exit "${status}"
