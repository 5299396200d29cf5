#!/bin/sh
# Installs the pinned test validators (tests/npm/package.json and its lock)
# under BUILD/npm with `npm ci`, once; prints the node_modules folder. Exits
# 1, printing nothing, when node/npm are missing or the registry cannot be
# reached: the tests that need them then say SKIPPED.
B=${1:-build}
dir=$B/npm
here=$(dirname "$0")
if [ -f "$dir/.stamp" ] && cmp -s "$here/npm/package-lock.json" "$dir/package-lock.json"; then
	echo "$dir/node_modules"; exit 0
fi
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || exit 1
rm -rf "$dir"; mkdir -p "$dir" || exit 1
cp "$here/npm/package.json" "$here/npm/package-lock.json" "$dir/" || exit 1
(cd "$dir" && timeout 300 npm ci --no-audit --no-fund --ignore-scripts >npm.log 2>&1) || exit 1
touch "$dir/.stamp"
echo "$dir/node_modules"
