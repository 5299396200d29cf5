#!/bin/sh
# Content-repository inputs (issue 7): Markdown and HTML give the same
# findings, broken configs exit 2 naming file and line, JSON Lines records
# carry their id and a bad line does not stop the stream, folder walks honour
# --include/--exclude/ignore and skip hidden folders, and -j 2 output equals
# -j 1. Prints "inputs: N passed, N failed".
tqlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL inputs: $1"; }

# the same article as Markdown and as HTML: the same (rule, text) findings
c=$root/tests/cases
"$tqlint" -f tsv --input-format markdown "$c/markdown/article.in" | cut -f7,8 | sort >"$tmp/md"
"$tqlint" -f tsv --input-format html "$c/html/article.in" | cut -f7,8 | sort >"$tmp/html"
if [ -s "$tmp/md" ] && [ "$(wc -l <"$tmp/md")" -ge 10 ] && cmp -s "$tmp/md" "$tmp/html"; then ok
else ko "markdown and html findings differ"; diff "$tmp/md" "$tmp/html"; fi

# a broken config: exit 2, message names the file, the line and the key
mkdir -p "$tmp/proj/docs"
printf 'lang = en\n\n[severity]\nname.variant = fatal\n' >"$tmp/proj/.tqlint.ini"
printf 'Steve Witcoof.\n' >"$tmp/proj/docs/a.md"
"$tqlint" "$tmp/proj/docs/a.md" >/dev/null 2>"$tmp/err"; rc=$?
if [ "$rc" = 2 ] && grep -q "\.tqlint\.ini:4: invalid severity 'fatal' for 'name.variant'" "$tmp/err"; then ok
else ko "invalid severity (rc=$rc)"; cat "$tmp/err"; fi
printf 'lang = en\ncolour = red\n' >"$tmp/proj/.tqlint.ini"
"$tqlint" "$tmp/proj/docs/a.md" >/dev/null 2>"$tmp/err"; rc=$?
if [ "$rc" = 2 ] && grep -q "\.tqlint\.ini:2: unknown key 'colour'" "$tmp/err"; then ok
else ko "unknown key (rc=$rc)"; cat "$tmp/err"; fi
printf 'disable = name.nonsense\n' >"$tmp/proj/.tqlint.ini"
"$tqlint" "$tmp/proj/docs/a.md" >/dev/null 2>"$tmp/err"; rc=$?
if [ "$rc" = 2 ] && grep -q "\.tqlint\.ini:1: unknown rule or category 'name.nonsense'" "$tmp/err"; then ok
else ko "unknown rule (rc=$rc)"; cat "$tmp/err"; fi

# nearest config wins; ignore globs; --include / --exclude; hidden folders
printf 'disable = name\n' >"$tmp/proj/.tqlint.ini"
printf 'ignore = drafts, *.draft.md\n' >"$tmp/proj/docs/.tqlint.ini"
mkdir -p "$tmp/proj/docs/drafts" "$tmp/proj/docs/.hidden" "$tmp/proj/other"
for f in docs/drafts/b.md docs/c.draft.md docs/.hidden/d.md other/e.md other/f.txt; do
	printf 'Steve Witcoof.\n' >"$tmp/proj/$f"
done
"$tqlint" -f tsv "$tmp/proj" 2>"$tmp/err" | cut -f1 | sed "s|$tmp/proj/||" | sort -u >"$tmp/got"
printf 'docs/a.md\n' >"$tmp/want"
if cmp -s "$tmp/got" "$tmp/want"; then ok; else ko "nearest config / ignore"; cat "$tmp/got" "$tmp/err"; fi
rm "$tmp/proj/.tqlint.ini" "$tmp/proj/docs/.tqlint.ini"
"$tqlint" -f tsv --include '*.md' --exclude drafts "$tmp/proj" | cut -f1 | sed "s|$tmp/proj/||" | sort -u >"$tmp/got"
printf 'docs/a.md\ndocs/c.draft.md\nother/e.md\n' >"$tmp/want"
if cmp -s "$tmp/got" "$tmp/want"; then ok; else ko "--include/--exclude"; cat "$tmp/got"; fi

# JSON Lines: ids, a bad line is an error with its line number, the rest goes on
{ printf '{"id": "r1", "text": "Steve Witcoof arrived."}\n'
  printf '{"id": "r2", "text": "broken\n'
  printf '\n'
  printf '{"id": "r4", "text": "Ki -i -Tsinping left.", "lang": "en"}\n'; } >"$tmp/a.jsonl"
"$tqlint" -f tsv "$tmp/a.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ "$rc" = 3 ] && grep -q "a.jsonl:2:.*invalid record: unterminated string" "$tmp/err" &&
	[ "$(cut -f1 "$tmp/out" | sort -u | tr '\n' ' ')" = "r1 r4 " ]; then ok
else ko "jsonl (rc=$rc)"; cat "$tmp/out" "$tmp/err"; fi
# standard input with --input-format jsonl, several threads, output in order
awk 'BEGIN { for (i = 1; i <= 300; i++) printf "{\"id\": \"n%d\", \"text\": \"Record %d: Steve Witcoof spoke.\"}\n", i, i }' >"$tmp/many.jsonl"
"$tqlint" -f tsv -j 2 --input-format jsonl - <"$tmp/many.jsonl" | cut -f1 >"$tmp/ids"
awk 'BEGIN { for (i = 1; i <= 300; i++) print "n" i }' >"$tmp/want"
if cmp -s "$tmp/ids" "$tmp/want"; then ok; else ko "jsonl order with -j 2"; head "$tmp/ids"; fi

# -j 2 output identical to -j 1 over the corpora. Hunspell suggestions run
# under a time budget (spelling.unknown), so which ones are found depends on
# load: the findings are compared in full, and the whole output with that
# rule off.
"$tqlint" -f tsv -j 1 --fail-on none "$root/corpora" >"$tmp/j1" 2>/dev/null
"$tqlint" -f tsv -j 2 --fail-on none "$root/corpora" >"$tmp/j2" 2>/dev/null
cut -f1-8 "$tmp/j1" >"$tmp/j1f"; cut -f1-8 "$tmp/j2" >"$tmp/j2f"
if [ -s "$tmp/j1" ] && cmp -s "$tmp/j1f" "$tmp/j2f"; then ok; else ko "-j 2 findings differ from -j 1"; diff "$tmp/j1f" "$tmp/j2f" | head; fi
"$tqlint" -f tsv -j 1 --fail-on none --disable spelling "$root/corpora" >"$tmp/j1" 2>/dev/null
"$tqlint" -f tsv -j 2 --fail-on none --disable spelling "$root/corpora" >"$tmp/j2" 2>/dev/null
if [ -s "$tmp/j1" ] && cmp -s "$tmp/j1" "$tmp/j2"; then ok; else ko "-j 2 output differs from -j 1"; diff "$tmp/j1" "$tmp/j2" | head; fi

echo "inputs: $pass passed, $fail failed"
[ "$fail" = 0 ]
