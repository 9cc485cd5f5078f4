#!/usr/bin/env bash
# Runs every test, as `make test` and CI do: installs Debian's Chromium for the browser tests
# when it is missing (Playwright's own browser download cannot work offline), and runs the
# suite on PostgreSQL too when a server answers on 127.0.0.1 (starting an installed, stopped one).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium
  else
    echo "Chromium is missing and cannot be installed here: browser tests will be skipped" \
      "(under CI=true they fail instead)." >&2
  fi
fi

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 20); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  fi
fi
if [ -z "${TIMELINE_TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null \
    && pg_isready -q -h 127.0.0.1; then
  for user in postgres root; do
    if psql -h 127.0.0.1 -U "$user" -d test -Atc 'SELECT 1' >/dev/null 2>&1; then
      export TIMELINE_TEST_POSTGRES_URL="postgresql+psycopg://$user@127.0.0.1:5432/test"
      break
    fi
  done
fi
echo "PostgreSQL for tests: ${TIMELINE_TEST_POSTGRES_URL:-none (SQLite only)}"

exec "$PY" -m pytest "$@"
