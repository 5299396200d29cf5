#!/bin/sh
# --changed-since REF on a small git history: only findings on lines added
# or modified since the merge base of REF and HEAD (three-dot: a change
# made on REF's branch after the fork does not count), uncommitted edits
# and untracked files included; clear errors outside a repository and for
# an unknown revision. usage: changed.sh BUILD_DIR
B=${1:-build}
tqlint=$(cd "$(dirname "$B/tqlint")" && pwd)/tqlint
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
if ! command -v git >/dev/null 2>&1; then
	echo "SKIPPED changed-since (git missing)"; echo "changed: 0 passed, 0 failed"; exit 0
fi
cd "$tmp" || exit 1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
git init -q -b main repo && cd repo || exit 1
printf 'Line one mentions Steve Witcoof.\nLine two is clean.\nLine three mentions Mark Ruthte.\n' >a.txt
git add a.txt && git commit -qm base
git checkout -qb feature
# feature: modify line 2 (adds an error), add line 4 (an error)
printf 'Line one mentions Steve Witcoof.\nLine two now names John Hill, the minister.\nLine three mentions Mark Ruthte.\nLine four adds the the duplicate.\n' >a.txt
git commit -qam feature
# main moves on after the fork: its own change must not count (three-dot)
git checkout -q main
# (main fixes line 3: compared with main itself, two-dot, line 3 would differ)
printf 'Line one mentions Steve Witcoof.\nLine two is clean.\nLine three mentions Mark Rutte.\n' >a.txt
git commit -qam main-later
git checkout -q feature

"$tqlint" -f tsv --fail-on none a.txt | cut -f2,7 | tr '\t' ' ' >all
"$tqlint" -f tsv --changed-since main a.txt | cut -f2,7 | tr '\t' ' ' >got
if [ "$(wc -l <all)" -ge 4 ] && printf '2 name.variant\n4 duplicate.word\n' | cmp -s - got; then
	ok "--changed-since main: $(wc -l <got) of $(wc -l <all) findings (lines 2 and 4: $(tr '\n' ';' <got))"
else
	ko "--changed-since main:"; cat got
fi
# uncommitted edit: line 1 changed in the working tree counts
printf 'Line one now mentions Steve Witcoof twice, Steve Witcoof.\nLine two now names John Hill, the minister.\nLine three mentions Mark Ruthte.\nLine four adds the the duplicate.\n' >a.txt
n=$("$tqlint" -f tsv --changed-since main a.txt | cut -f2 | sort -u | tr '\n' ' ')
if [ "$n" = "1 2 4 " ]; then ok "uncommitted edits count (lines $n)"; else ko "uncommitted edits: lines $n"; fi
# since HEAD: only the uncommitted line
n=$("$tqlint" -f tsv --changed-since HEAD a.txt | cut -f2 | sort -u | tr '\n' ' ')
if [ "$n" = "1 " ]; then ok "--changed-since HEAD: only the edited line 1"; else ko "--changed-since HEAD: lines $n"; fi
# untracked file: every line is new
printf 'New file with Steve Witcoof.\n' >new.txt
n=$("$tqlint" -f tsv --changed-since main new.txt | wc -l)
if [ "$n" = 1 ]; then ok "untracked file: all lines new"; else ko "untracked file: $n findings"; fi
# unknown revision, outside a repository
"$tqlint" --changed-since no-such-branch a.txt >/dev/null 2>err
if [ $? = 2 ] && grep -q "unknown revision 'no-such-branch'" err; then ok "unknown revision: exit 2 ($(cat err))"; else ko "unknown revision: $(cat err)"; fi
mkdir "$tmp/plain" && cp a.txt "$tmp/plain/" && cd "$tmp/plain" || exit 1
"$tqlint" --changed-since main a.txt >/dev/null 2>err
if [ $? = 2 ] && grep -q "not in a git repository" err; then ok "outside a repository: exit 2 ($(cat err))"; else ko "not a repo: $(cat err)"; fi

echo "changed: $pass passed, $fail failed"
[ "$fail" = 0 ]
