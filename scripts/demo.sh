#!/usr/bin/env bash
# Set up everything and run the demo: SQLite, the bundled sample mailbox, acknowledgments
# written as .eml files under ./demo-out. Extra arguments go to `rpa-intake demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh runtime
exec .venv/bin/rpa-intake demo "$@"
