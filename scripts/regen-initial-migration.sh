#!/usr/bin/env bash
# Until the first release lands in production, the initial migration is regenerated from the
# models. After that, add a new revision instead: see README "Upgrades".
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
rm -f registry/migrations/versions/0001_initial_schema.py
.venv/bin/python - "$tmp" <<'PY'
import sys
from alembic import command
from registry.db import make_engine
from registry.migrate import alembic_config
engine = make_engine(f"sqlite:///{sys.argv[1]}/schema.db")
command.revision(alembic_config(engine), message="initial schema", autogenerate=True, rev_id="0001")
PY
rm -rf "$tmp"
