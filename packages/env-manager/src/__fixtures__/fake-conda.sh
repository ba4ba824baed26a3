#!/usr/bin/env bash
# A recorded fake of conda/mamba for tests (named as a fake in every test that uses it): it appends its argv to
# $FAKE_CONDA_LOG and keeps envs as folders under $FAKE_CONDA_ROOT, answering the subcommands env-manager calls.
set -euo pipefail
printf '%s\n' "$(basename "$0") $*" >> "$FAKE_CONDA_LOG"
root="$FAKE_CONDA_ROOT/envs"
mkdir -p "$root"
case "$1 ${2:-}" in
  "env list")
    printf '{"envs": ['; first=1
    for d in "$root"/*/; do [ -d "$d" ] || continue; [ $first = 1 ] || printf ','; first=0; printf '"%s"' "${d%/}"; done
    printf ']}\n' ;;
  "env create")
    name=$(sed -n 's/^name: *//p' "$4"); mkdir -p "$root/$name/bin" "$root/$name/conda-meta"
    ln -sf "$(command -v python3)" "$root/$name/bin/python"; echo "created $name" ;;
  "env remove") rm -rf "${root:?}/$4" ;;
  create*)
    [ "${FAKE_CONDA_FAIL_CREATE:-}" = 1 ] && { echo "CondaHTTPError: fake failure" >&2; exit 1; }
    mkdir -p "$root/$3/bin" "$root/$3/conda-meta"; ln -sf "$(command -v python3)" "$root/$3/bin/python"
    echo "done creating $3" ;;
  run*)
    shift 3; [ "${1:-}" = "--no-capture-output" ] && shift
    if [ "${1:-} ${2:-} ${3:-} ${4:-}" = "python -m pip install" ]; then echo "Successfully installed (fake)"; exit 0; fi
    exec "$@" ;;
  *) echo "fake conda: unexpected arguments: $*" >&2; exit 64 ;;
esac
