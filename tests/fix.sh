#!/bin/sh
# --fix and --diff: the diff applies with patch(1) to give exactly what
# --fix writes; --fix keeps the file mode, is idempotent (a second run
# changes nothing), writes through symlinks, leaves no temporary file, and
# never replaces a file that changed after it was read (exit 3).
# usage: fix.sh BUILD_DIR   (prints "fix: N passed, N failed")
B=${1:-build}
tqlint=$(cd "$(dirname "$B/tqlint")" && pwd)/tqlint
sample=$(pwd)/corpora/en/garbled-seed-paris-summit.txt
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
cd "$tmp" || exit 1

cp "$sample" a.txt && chmod 640 a.txt && cp a.txt orig.txt
"$tqlint" --diff a.txt >d.patch 2>d.err
if cmp -s a.txt orig.txt && [ -s d.patch ]; then
	ok "--diff prints $(grep -c '^+[^+]' d.patch) changed lines and leaves the file alone"
else
	ko "--diff changed the file or printed nothing"
fi
# what --fix writes = the diff applied by patch(1)
cp orig.txt patched.txt
# (patch comes with build-essential's dpkg-dev)
if patch -s patched.txt <d.patch; then ok "--diff applies with patch(1)"; else ko "patch(1) rejects the diff"; fi
"$tqlint" --fix a.txt >/dev/null 2>fix1.err
n=$(sed -n "s/.*fixed \([0-9]*\) finding.*/\1/p" fix1.err)
if [ -n "$n" ] && [ "$n" -gt 0 ] && ! cmp -s a.txt orig.txt; then ok "--fix applied $n fixes"; else ko "--fix applied nothing: $(cat fix1.err)"; fi
if cmp -s a.txt patched.txt; then ok "--fix result equals the patched --diff"; else ko "--fix differs from --diff"; diff patched.txt a.txt | head; fi
mode=$(stat -c %a a.txt)
if [ "$mode" = 640 ]; then ok "--fix keeps mode 640"; else ko "--fix changed the mode to $mode"; fi
cp a.txt once.txt
"$tqlint" --fix a.txt >/dev/null 2>fix2.err
if cmp -s a.txt once.txt && ! grep -q fixed fix2.err && [ -z "$("$tqlint" --diff a.txt)" ]; then
	ok "second --fix changes nothing (idempotent), --diff is empty"
else
	ko "second --fix changed the file: $(cat fix2.err)"
fi
if [ -z "$(find . -name '.tqlint-fix-*')" ]; then ok "no temporary file left"; else ko "temporary file left"; fi
# only fixable findings: a finding with several suggestions stays
if grep -q "Ki-i-Tsinping" a.txt && grep -q "Sir Keira Starmer" a.txt; then
	ok "non-fixable findings left alone (Sir Keira Starmer, Ki-i-Tsinping's name)"
else
	ko "a non-fixable finding was changed"
fi

# symlink: the target is fixed, the link stays a link
cp orig.txt target.txt && ln -s target.txt link.txt
"$tqlint" --fix link.txt >/dev/null 2>&1
if [ -L link.txt ] && cmp -s target.txt once.txt; then ok "--fix through a symlink fixes the target, keeps the link"; else ko "symlink handling"; fi

# stale: the file changes while tqlint works on it -> untouched, exit 3
cp orig.txt s.txt
TQLINT_TEST_FIX_DELAY=2 "$tqlint" --fix s.txt >/dev/null 2>stale.err &
pid=$!
# edit once tqlint has written its temporary file (it then waits 2 s)
i=0
while [ -z "$(find . -name '.tqlint-fix-*')" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
echo "edited by someone else" >>s.txt
wait $pid
rc=$?
if [ "$rc" = 3 ] && tail -n 1 s.txt | grep -q "edited by someone else" && grep -q "changed since it was read" stale.err &&
	[ -z "$(find . -name '.tqlint-fix-*')" ]; then
	ok "a file changed after reading is not replaced (exit 3: $(grep -o 'changed since.*' stale.err))"
else
	ko "stale file: exit $rc, $(cat stale.err)"
fi

# standard input: --diff works, --fix only notes it
out=$("$tqlint" --diff - <orig.txt 2>/dev/null | grep -c '^+[^+]')
if [ "$out" -gt 0 ]; then ok "--diff on standard input"; else ko "--diff on standard input printed nothing"; fi
"$tqlint" --fix --diff a.txt >/dev/null 2>&1
if [ $? = 2 ]; then ok "--fix with --diff is a usage error"; else ko "--fix --diff accepted"; fi

echo "fix: $pass passed, $fail failed"
[ "$fail" = 0 ]
