#!/bin/sh
# Baselines: --write-baseline records the findings of the sample; with
# --baseline the same text reports nothing, still nothing after lines are
# inserted above (keys are content, not line numbers), and a newly added
# error is reported; keys are counted (a third equal finding is new).
# usage: baseline.sh BUILD_DIR   (prints "baseline: N passed, N failed")
B=${1:-build}
tqlint=$(cd "$(dirname "$B/tqlint")" && pwd)/tqlint
sample=$(pwd)/corpora/en/garbled-seed-paris-summit.txt
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
cd "$tmp" || exit 1

cp "$sample" a.txt
all=$("$tqlint" -f tsv --fail-on none a.txt | wc -l)
"$tqlint" --write-baseline base.tsv a.txt >out 2>err
rc=$?
rec=$(grep -vc '^#' base.tsv)
if [ "$rc" = 0 ] && [ "$rec" = "$all" ] && [ "$all" -gt 0 ] && [ ! -s out ]; then
	ok "--write-baseline recorded $rec findings (exit 0, no report)"
else
	ko "--write-baseline: exit $rc, $rec recorded of $all"
fi
"$tqlint" -f tsv --baseline base.tsv a.txt >out 2>err
rc=$?
if [ "$rc" = 0 ] && [ ! -s out ]; then ok "same text with --baseline: 0 findings, exit 0"; else ko "same text: exit $rc, $(wc -l <out) findings"; fi

{ printf 'Editor note added on top.\n\nAnother paragraph inserted later.\n'; cat "$sample"; } >a.txt
"$tqlint" -f tsv --baseline base.tsv a.txt >out 2>err
rc=$?
if [ "$rc" = 0 ] && [ ! -s out ]; then ok "3 lines inserted above: still 0 findings"; else ko "inserted lines made findings new:"; cat out; fi

printf '\nThe meeting with Steve Witcoof ended late.\n' >>a.txt
"$tqlint" -f tsv --baseline base.tsv a.txt >out 2>err
rc=$?
if [ "$rc" = 1 ] && [ "$(wc -l <out)" = 1 ] && grep -q "name.variant.*Steve Witcoof" out; then
	ok "a newly added error is reported: $(cut -f2,7,8 out | tr '\t' ' ')"
else
	ko "new error: exit $rc"; cat out
fi

# counted keys: two equal findings in the baseline, a third is new
printf 'We met Steve Witcoof.\n\nWe met Steve Witcoof.\n' >c.txt
"$tqlint" --write-baseline c.tsv c.txt 2>/dev/null
printf 'We met Steve Witcoof.\n\nWe met Steve Witcoof.\n\nWe met Steve Witcoof.\n' >c.txt
n=$("$tqlint" -f tsv --baseline c.tsv --disable duplicate c.txt | wc -l)
if [ "$n" = 1 ]; then ok "baseline keys are counted: 2 recorded, the third equal finding is new"; else ko "counted keys: $n findings"; fi

# errors: a missing or malformed baseline is a usage error
"$tqlint" --baseline missing.tsv a.txt >/dev/null 2>err
if [ $? = 2 ] && grep -q "cannot open baseline" err; then ok "missing baseline: exit 2"; else ko "missing baseline"; fi
printf 'not a baseline\n' >bad.tsv
"$tqlint" --baseline bad.tsv a.txt >/dev/null 2>err
if [ $? = 2 ] && grep -q "bad.tsv' line 1" err; then ok "malformed baseline: exit 2 naming the line"; else ko "malformed baseline: $(cat err)"; fi

echo "baseline: $pass passed, $fail failed"
[ "$fail" = 0 ]
