#!/bin/sh
# Output formats checked by real consumers: the SARIF log is validated
# against the SARIF 2.1.0 JSON schema (ajv + the schema from npm, pinned in
# tests/npm/) and must hold as many results as the JSON report has
# findings; the github format must equal what @actions/core writes for the
# same findings and parse back (regex parser); checkstyle must parse as XML
# (python3 xml.etree, xmllint) with the same findings; SARIF fingerprints
# must not change when lines are inserted above.
# usage: formats.sh BUILD_DIR   (prints "formats: N passed, N failed")
B=${1:-build}
tqlint=$B/tqlint
here=$(dirname "$0")
sample=corpora/en/garbled-seed-paris-summit.txt
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
skipped() { skip=$((skip + 1)); echo "SKIPPED $1"; }

# an input whose path needs escaping in every format
odd="$tmp/odd, name: 100% & <x> \"q\" 'a'
second line.txt"
printf 'Paul KirbyDigital editor said the the plan works.\nUK Prime Minister Sir Keira Starmer spoke.\nMark Ruthte and Mark Rute met.\n' >"$odd"

count_json() { python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["findings"])'; }

nm=$(sh "$here/npm-tools.sh" "$B")
# -- SARIF ---------------------------------------------------------------------
for input in "$sample" corpora "$odd"; do
	name=$(basename "$input" | head -n 1)
	"$tqlint" -f sarif --fail-on none "$input" >"$tmp/out.sarif" 2>"$tmp/err" || { ko "sarif $name: exit status"; continue; }
	if [ -z "$nm" ]; then
		skipped "sarif $name: schema validation (npm or the registry is not available)"
		continue
	fi
	if NODE_PATH=$nm node "$here/sarif-validate.js" "$tmp/out.sarif" >"$tmp/val" 2>&1; then
		n_sarif=$(sed -n 's/.*valid, \([0-9]*\) results/\1/p' "$tmp/val")
		n_json=$("$tqlint" -f json --fail-on none "$input" | count_json)
		if [ "$n_sarif" = "$n_json" ] && [ "$n_json" -gt 0 ]; then
			ok "sarif $name: valid against the SARIF 2.1.0 schema, $n_sarif results = $n_json JSON findings"
		else
			ko "sarif $name: $n_sarif results, JSON has $n_json findings"
		fi
	else
		ko "sarif $name: schema validation"; sed 's/^/  /' "$tmp/val" | head -n 20
	fi
done
# partialFingerprints survive lines inserted above; line numbers move
fps() { python3 -c '
import json,sys
for r in json.load(sys.stdin)["runs"][0]["results"]:
    print(r["ruleId"], r["partialFingerprints"]["tqlintContext/v1"])' | sort; }
"$tqlint" -f sarif --fail-on none "$sample" | fps >"$tmp/fp1"
{ printf 'Inserted line one.\n\nInserted line three.\n'; cat "$sample"; } >"$tmp/shifted.txt"
"$tqlint" -f sarif --fail-on none "$tmp/shifted.txt" | fps >"$tmp/fp2"
if [ -s "$tmp/fp1" ] && cmp -s "$tmp/fp1" "$tmp/fp2"; then
	ok "sarif: $(wc -l <"$tmp/fp1") partialFingerprints unchanged by 3 lines inserted above"
else
	ko "sarif: fingerprints changed by inserted lines"; diff "$tmp/fp1" "$tmp/fp2" | head
fi

# -- github --------------------------------------------------------------------
for input in "$sample" "$odd"; do
	name=$(basename "$input" | head -n 1)
	"$tqlint" -f github --fail-on none "$input" >"$tmp/gh" 2>/dev/null
	"$tqlint" -f jsonl --fail-on none "$input" >"$tmp/jsonl" 2>/dev/null
	if ! command -v python3 >/dev/null 2>&1; then
		skipped "github $name: parser (python3 missing)"
	elif python3 "$here/formats.py" github "$tmp/gh" "$tmp/jsonl" >"$tmp/res" 2>&1; then
		ok "github $name: parsed back by a workflow-command parser, $(cat "$tmp/res")"
	else
		ko "github $name: $(cat "$tmp/res")"
	fi
	if [ -z "$nm" ]; then
		skipped "github $name: comparison with @actions/core (npm not available)"
	elif NODE_PATH=$nm node "$here/github-expect.js" <"$tmp/jsonl" >"$tmp/gh.want" 2>&1 &&
		cmp -s "$tmp/gh" "$tmp/gh.want"; then
		ok "github $name: byte-identical to @actions/core issueCommand ($(wc -l <"$tmp/gh") commands)"
	else
		ko "github $name: differs from @actions/core"; diff "$tmp/gh.want" "$tmp/gh" | head
	fi
done

# -- checkstyle ----------------------------------------------------------------
for input in "$sample" "$odd"; do
	name=$(basename "$input" | head -n 1)
	"$tqlint" -f checkstyle --fail-on none "$input" >"$tmp/cs.xml" 2>/dev/null
	"$tqlint" -f jsonl --fail-on none "$input" >"$tmp/jsonl" 2>/dev/null
	if ! command -v python3 >/dev/null 2>&1; then
		skipped "checkstyle $name: xml.etree (python3 missing)"
	elif python3 "$here/formats.py" checkstyle "$tmp/cs.xml" "$tmp/jsonl" >"$tmp/res" 2>&1; then
		ok "checkstyle $name: parsed by xml.etree, $(cat "$tmp/res")"
	else
		ko "checkstyle $name: $(cat "$tmp/res")"
	fi
	if ! command -v xmllint >/dev/null 2>&1; then
		skipped "checkstyle $name: xmllint (Debian libxml2-utils) missing"
	elif xmllint --noout "$tmp/cs.xml" 2>"$tmp/res"; then
		ok "checkstyle $name: well-formed for xmllint"
	else
		ko "checkstyle $name: xmllint: $(head -n 3 "$tmp/res")"
	fi
done

echo "formats: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
