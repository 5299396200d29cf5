#!/bin/sh
# Every long option in `tqlint --help` is in the man page tqlint(1) and
# every option in the man page is in --help; the man page renders without
# warnings (groff, when installed); pre-commit accepts .pre-commit-hooks.yaml.
# usage: manpage.sh BUILD_DIR
B=${1:-build}
here=$(dirname "$0")
man=$here/../src/cli/tqlint.1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$B/tqlint" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$tmp/help"
# options in roff are written \-\-name (\fB...\fR around them)
sed 's/\\-/-/g' "$man" | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$tmp/man"
n=$(wc -l <"$tmp/help")
if [ "$n" -ge 10 ] && cmp -s "$tmp/help" "$tmp/man"; then
	pass=$((pass + 1)); echo "ok   $n long options, each in both --help and tqlint(1)"
else
	fail=$((fail + 1)); echo "FAIL --help and tqlint(1) differ (< only in --help, > only in the man page):"
	diff "$tmp/help" "$tmp/man" | grep '^[<>]'
fi
if command -v groff >/dev/null 2>&1; then
	if groff -man -Tutf8 -ww -z "$man" 2>"$tmp/warn" && [ ! -s "$tmp/warn" ]; then
		pass=$((pass + 1)); echo "ok   tqlint(1) renders with groff, no warnings"
	else
		fail=$((fail + 1)); echo "FAIL groff warnings:"; cat "$tmp/warn"
	fi
fi
# the pre-commit hook manifest, checked by pre-commit itself when installed
if command -v pre-commit >/dev/null 2>&1; then
	if (cd "$here/.." && pre-commit validate-manifest .pre-commit-hooks.yaml) >"$tmp/pc" 2>&1; then
		pass=$((pass + 1)); echo "ok   .pre-commit-hooks.yaml passes pre-commit validate-manifest"
	else
		fail=$((fail + 1)); echo "FAIL .pre-commit-hooks.yaml:"; cat "$tmp/pc"
	fi
else
	echo "SKIPPED .pre-commit-hooks.yaml validation (Debian package pre-commit not installed)"
fi
echo "manpage: $pass passed, $fail failed"
[ "$fail" = 0 ]
