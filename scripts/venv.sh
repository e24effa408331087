# shellcheck shell=bash
# Sourced by site.sh and test.sh: `make_venv SPEC STAMP...` makes .venv, installs the
# project (pip's SPEC, e.g. '.[test]') in editable mode and touches the STAMP files.

# The interpreter: $PYTHON when set; else the system's /usr/bin/python3 when it is 3.11 or
# later and can make a venv; else the first python3 on PATH. Why the system's first: Debian
# builds CPython with profile-guided and link-time optimisation, which pyenv's builds lack
# by default, and aseankb is pure Python: extraction takes ~12 % less CPU under Debian's
# 3.11 than under pyenv's (README, Scale).
venv_python() {
  if [ -n "${PYTHON:-}" ]; then
    echo "$PYTHON"
  elif [ -x /usr/bin/python3 ] && /usr/bin/python3 -c \
      'import ensurepip, sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo /usr/bin/python3
  else
    echo python3
  fi
}

make_venv() {
  local spec=$1
  shift
  "$(venv_python)" -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet -e "$spec"
  # pip compiles the bytecode of what it installs, but not of an editable project: done
  # here, else every run compiles aseankb again wherever PYTHONDONTWRITEBYTECODE is set
  # (as in many Docker images, and on this project's CI machine): ~0.1 s a build.
  .venv/bin/python -m compileall -q src >/dev/null
  touch "$@"
}
