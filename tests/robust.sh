#!/bin/sh
# Bad and pathological inputs: each must give the documented behaviour, no
# crash, and finish well inside a generous time limit (timing is measured in
# `make bench`, not here). Prints "N passed, N failed".
tqlint=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL robust: $1"; }
run() { timeout 120 "$tqlint" "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }

# invalid UTF-8: reported at the exact byte, rest still checked
printf 'Caf\351 is fine.\nThe the end.\n' >"$tmp/bad.txt"
rc=$(run -f tsv "$tmp/bad.txt")
if [ "$rc" = 1 ] && grep -q "	1	4	1	5	error	encoding.invalid-utf8	" "$tmp/out" &&
	grep -q "duplicate.word" "$tmp/out"; then ok; else ko "invalid UTF-8 (rc=$rc)"; cat "$tmp/out" "$tmp/err"; fi

# binary file: skipped with a notice, exit 0
printf 'ELF\000\001\002binary' >"$tmp/bin.txt"
rc=$(run "$tmp/bin.txt")
if [ "$rc" = 0 ] && grep -q "skipping binary file" "$tmp/err"; then ok; else ko "binary (rc=$rc)"; fi

# empty file: fine, no findings
: >"$tmp/empty.txt"
rc=$(run "$tmp/empty.txt")
if [ "$rc" = 0 ] && [ ! -s "$tmp/out" ]; then ok; else ko "empty (rc=$rc)"; fi

# missing file: exit 3, message names the file, other inputs still checked
printf 'The the end.\n' >"$tmp/one.txt"
rc=$(run -f tsv "$tmp/nope.txt" "$tmp/one.txt")
if [ "$rc" = 3 ] && grep -q "nope.txt" "$tmp/err" && grep -q duplicate.word "$tmp/out"; then ok; else ko "missing file (rc=$rc)"; fi

# a 20 MB single line
awk 'BEGIN { s = "Leaders of about thirty western countries met in Paris on Thursday to discuss guarantees. ";
	while (length(s) < 1048576) s = s s; for (i = 0; i < 20; i++) printf "%s", s; }' >"$tmp/long.txt"
rc=$(run -f tsv "$tmp/long.txt")
# the text repeats itself, so duplicate findings are right; what matters is
# a clean finish within the time limit and no error output
if { [ "$rc" = 0 ] || [ "$rc" = 1 ]; } && [ ! -s "$tmp/err" ]; then ok; else ko "20 MB line (rc=$rc)"; head -c 500 "$tmp/err"; fi

# 100k repeated words
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "the "; print "" }' >"$tmp/rep.txt"
rc=$(run -f tsv "$tmp/rep.txt")
if [ "$rc" = 1 ] && [ "$(wc -l <"$tmp/out")" -eq 50000 ]; then ok; else ko "100k repeated words (rc=$rc, $(wc -l <"$tmp/out") findings)"; fi

# hostile strings: long runs of hyphens, spaces, combining marks, capitals
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "a -"; print "";
	for (i = 0; i < 100000; i++) printf "e\xcc\x81"; print "";
	for (i = 0; i < 50000; i++) printf "AbCd"; print "";
	for (i = 0; i < 100000; i++) printf "\xe2\x80\x8b"; print "" }' >"$tmp/hostile.txt"
rc=$(run -f tsv "$tmp/hostile.txt")
if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then ok; else ko "hostile strings (rc=$rc)"; fi

# CRLF, CR and BOM: line and column still right
printf '\357\273\277Intro line.\r\nThe the end.\rMore full -scale text.\r\n' >"$tmp/crlf.txt"
rc=$(run -f tsv "$tmp/crlf.txt")
if grep -q "	2	1	2	8	warning	duplicate.word	The the	" "$tmp/out" &&
	grep -q "	3	6	3	17	warning	garbled.space-in-word	full -scale	" "$tmp/out"; then ok; else ko "CRLF/CR/BOM positions"; cat "$tmp/out"; fi

# usage errors exit 2
rc=$(run --format nope "$tmp/one.txt")
if [ "$rc" = 2 ]; then ok; else ko "bad --format (rc=$rc)"; fi
rc=$(run --disable no.such-rule "$tmp/one.txt")
if [ "$rc" = 2 ]; then ok; else ko "unknown rule (rc=$rc)"; fi

echo "robust: $pass passed, $fail failed"
[ "$fail" = 0 ]
