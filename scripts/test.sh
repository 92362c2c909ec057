#!/usr/bin/env bash
# Set up everything and run the whole test suite: Dovecot (IMAP), aiosmtpd (SMTP), SQLite
# and, when reachable, PostgreSQL (RPA_INTAKE_TEST_POSTGRES, default the local server).
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
if [ -z "${RPA_INTAKE_TEST_POSTGRES:-}" ]; then
  if .venv/bin/python - <<'PY' 2>/dev/null
import socket; socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
PY
  then
    export RPA_INTAKE_TEST_POSTGRES=postgresql://postgres@127.0.0.1:5432/test
  fi
fi
echo "test.sh: PostgreSQL: ${RPA_INTAKE_TEST_POSTGRES:-not available, SQLite only}" >&2
exec .venv/bin/python -m pytest "$@"
