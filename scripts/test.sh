#!/usr/bin/env bash
# Set up (once) and run the whole test suite: ./scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh  # make_venv: .venv from the best interpreter at hand
if [ ! -x .venv/bin/pytest ] || [ pyproject.toml -nt .venv/.installed-test ]; then
  make_venv '.[test]' .venv/.installed .venv/.installed-test
fi
# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: install Debian's package 'chromium' (sudo apt-get install chromium)" >&2
    exit 1
  fi
fi
.venv/bin/ruff check src tests scripts
exec .venv/bin/pytest "$@"
