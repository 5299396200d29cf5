#!/usr/bin/env bash
# fetch-all.sh [--force]
# Run fetch-brown.sh, fetch-udhr.sh and fetch-handbook.sh (see README.md).
# Runs all three even if one fails; exits non-zero if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
failed=""
for s in brown udhr handbook; do
    start=$(date +%s)
    if bash "$here/fetch-$s.sh" "$@"; then
        echo "[all] $s: ok ($(( $(date +%s) - start )) s)" >&2
    else
        echo "[all] $s: FAILED" >&2
        failed="$failed $s"
    fi
done
if [ -n "$failed" ]; then
    echo "[all] failed:$failed" >&2
    exit 1
fi
