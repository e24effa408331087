#!/usr/bin/env bash
# Set up (once) and build the site from seeds/: ./scripts/site.sh [build|serve|offline]
set -euo pipefail
export NO_MKDOCS_2_WARNING=1  # Material end-of-life banner, not a build warning
cd "$(dirname "$0")/.."
. scripts/venv.sh  # make_venv: .venv from the best interpreter at hand
if [ ! -x .venv/bin/aseankb ] || [ pyproject.toml -nt .venv/.installed ]; then
  make_venv . .venv/.installed
fi
case "${1:-build}" in
  build)
    .venv/bin/aseankb build --report site-report.json
    # --dirty: only the pages aseankb rewrote are rendered again (aseankb/sitestate.py renders
    # everything when there is no earlier site, or mkdocs.yml, the theme or aseankb changed).
    .venv/bin/mkdocs build --strict --dirty  # its hook also runs `aseankb search-index --site site`
    echo "Site built in site/: serve it (./scripts/site.sh serve); to open it from a folder: ./scripts/site.sh offline"
    ;;
  offline)
    # The variant that works opened from a folder or a zip (file://), search included.
    .venv/bin/aseankb build --report site-report.json
    .venv/bin/mkdocs build --strict -f mkdocs-offline.yml
    rm -f site-offline.zip
    .venv/bin/python -m zipfile -c site-offline.zip site-offline
    echo "Offline site in site-offline/ and site-offline.zip: open site-offline/index.html"
    ;;
  serve)
    .venv/bin/aseankb build
    exec .venv/bin/mkdocs serve --dirty --dev-addr "${ADDR:-127.0.0.1:8000}"
    ;;
  *) echo "usage: $0 [build|serve|offline]" >&2; exit 2 ;;
esac
