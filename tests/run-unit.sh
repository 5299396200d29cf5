#!/bin/sh
# Runs each cmocka unit-test binary; prints "N passed, N failed" over binaries.
pass=0 fail=0
for t in "$@"; do
	if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $t"; fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" = 0 ]
