#!/bin/sh
# Runs every test suite of `make check` and prints the grand total as
# "N passed, N failed" (the last line). Argument: the build folder.
B=${1:-build}
total_p=0 total_f=0
suite() {
	name=$1; shift
	out=$("$@" 2>&1); status=$?
	printf '%s\n' "$out"
	line=$(printf '%s\n' "$out" | grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
	p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
	f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	[ -n "$p" ] || p=0
	[ -n "$f" ] || f=0
	if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; echo "FAIL $name: exited $status"; fi
	total_p=$((total_p + p)); total_f=$((total_f + f))
}
suite unit sh tests/run-unit.sh $(find "$B/tests" -maxdepth 1 -type f -perm -u+x 2>/dev/null | sort)
suite cases sh tests/run-cases.sh "$B/tqlint"
suite robust sh tests/robust.sh "$B/tqlint"
suite json sh tests/json-contract.sh "$B/tqlint" corpora
suite inputs sh tests/inputs.sh "$B/tqlint"
suite corpora sh tests/clean-silent.sh "$B/tqlint" corpora
suite formats sh tests/formats.sh "$B"
suite fix sh tests/fix.sh "$B"
suite baseline sh tests/baseline.sh "$B"
suite changed sh tests/changed.sh "$B"
suite manpage sh tests/manpage.sh "$B"
suite install sh tests/install.sh "$B"
suite generated sh tests/generated.sh "$B"
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
