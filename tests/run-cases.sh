#!/bin/sh
# Data-driven tests: tests/cases/<check>/NAME.in with NAME.expected (the exact
# findings, one per line: line col end_line end_col severity rule text
# suggestions, tab-separated; empty = must stay silent), optional NAME.args
# (extra options) and NAME.rc (expected exit status; default 0 when nothing
# is expected, else 1). Prints "N passed, N failed".
tqlint=$(cd "$(dirname "${1:-build/tqlint}")" && pwd)/$(basename "${1:-build/tqlint}")
root=$(dirname "$0")/cases
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for in in $(find "$root" -name '*.in' | sort); do
	base=${in%.in}
	name=${base#"$root"/}
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	if [ -s "$base.expected" ]; then want_rc=1; else want_rc=0; fi
	[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
	# shellcheck disable=SC2086
	(cd "$(dirname "$in")" && "$tqlint" -f tsv $args "$(basename "$in")") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	cut -f2- "$tmp/out" >"$tmp/got"
	if [ "$rc" != "$want_rc" ]; then
		echo "FAIL $name: exit status $rc, expected $want_rc"; sed 's/^/  stderr: /' "$tmp/err"
		fail=$((fail + 1))
	elif ! diff -u "$base.expected" "$tmp/got" >"$tmp/diff" 2>&1; then
		echo "FAIL $name: findings differ"; sed 's/^/  /' "$tmp/diff"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "cases: $pass passed, $fail failed"
[ "$fail" = 0 ]
