#!/usr/bin/env bash
# Shared set-up for scripts/demo.sh and scripts/test.sh: Debian packages (when run as root
# and missing), the virtualenv in .venv, and the project installed into it.
# Usage: scripts/bootstrap.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-runtime}

debian_packages() {
  local wanted=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || wanted+=("$pkg")
  done
  [ ${#wanted[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: please install these Debian packages: ${wanted[*]}" >&2
    return 0
  fi
  echo "bootstrap: installing ${wanted[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
}

if command -v dpkg-query >/dev/null 2>&1; then
  if [ "$profile" = test ]; then
    debian_packages dovecot-imapd tesseract-ocr tesseract-ocr-eng poppler-utils openssl \
      chromium chromium-driver
  else
    debian_packages tesseract-ocr tesseract-ocr-eng
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.installed-$profile
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "bootstrap: installing Python packages into .venv (log: .venv/install.log)" >&2
  target=.
  [ "$profile" = test ] && target=".[dev]"
  if ! { .venv/bin/python -m pip install --upgrade pip &&
         .venv/bin/python -m pip install -e "$target"; } > .venv/install.log 2>&1; then
    tail -n 30 .venv/install.log >&2
    echo "bootstrap: pip install failed (full log: .venv/install.log)" >&2
    exit 1
  fi
  touch "$stamp"
fi
