# shellcheck shell=bash disable=SC2034  # PY is read by the scripts that source this file
# Sourced by site.sh and test.sh: sets PY, the interpreter that creates .venv.
# $PYTHON when set; else the system's /usr/bin/python3 when it is 3.11 or later and can
# create a venv; else the first python3 on PATH. Why the system's first: Debian builds
# CPython with profile-guided and link-time optimisation, which pyenv's builds lack by
# default, and aseankb is pure Python: a build of 10,000 articles takes ~12 % less CPU
# under Debian's 3.11 than under pyenv's (README, Scale).
if [ -n "${PYTHON:-}" ]; then
  PY=$PYTHON
elif [ -x /usr/bin/python3 ] && /usr/bin/python3 -c \
    'import ensurepip, sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  PY=/usr/bin/python3
else
  PY=python3
fi
