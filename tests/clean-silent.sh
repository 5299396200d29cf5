#!/bin/sh
# Every clean text in corpora/ (clean-*.txt, .md, .html) must produce no
# finding at all. Prints "N passed, N failed" over files.
tqlint=$1; dir=${2:-corpora}
pass=0 fail=0
for f in $(find "$dir" -name 'clean-*' \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort); do
	lang=$(basename "$(dirname "$f")")
	out=$("$tqlint" -l "$lang" -f tsv --fail-on none "$f" 2>&1)
	if [ -z "$out" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL clean text $f:"; printf '%s\n' "$out" | sed 's/^/  /' | head -20
	fi
done
echo "clean: $pass passed, $fail failed"
[ "$fail" = 0 ]
