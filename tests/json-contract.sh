#!/bin/sh
# The JSON output contract (design §3) over every corpus file: valid JSON,
# for every finding the bytes at offset/length are `text`, and line/column
# (1-based, code points) agree with the offset. Uses python3's json module
# as the independent parser; prints "N passed, N failed".
tqlint=$1; dir=${2:-corpora}
if ! command -v python3 >/dev/null 2>&1; then
	echo "json: 0 passed, 0 failed (python3 not installed: skipped)"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$tqlint" -f json --fail-on none "$dir" >"$tmp/out.json" 2>"$tmp/err"
python3 - "$tmp/out.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
ok = bad = 0
for f in doc["files"]:
    data = open(f["path"], "rb").read()
    for x in f["findings"]:
        o, n = x["offset"], x["length"]
        span = data[o:o + n].decode("utf-8", "replace")
        if span != x["text"] and not (x["rule"] == "encoding.invalid-utf8"):
            bad += 1; print("FAIL json: %s:%d text %r != bytes %r" % (f["path"], x["line"], x["text"], span)); continue
        # recompute line/column from the offset (LF, CRLF, CR; BOM not counted)
        start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        before = data[start:o]
        lines = before.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        line, col = len(lines), len(lines[-1].decode("utf-8", "replace")) + 1
        if (line, col) != (x["line"], x["column"]):
            bad += 1; print("FAIL json: %s: %s at offset %d: line/col %d:%d, expected %d:%d" % (f["path"], x["rule"], o, x["line"], x["column"], line, col)); continue
        ok += 1
s = doc["summary"]
if s["findings"] != sum(len(f["findings"]) for f in doc["files"]):
    bad += 1; print("FAIL json: summary count")
print("json: %d passed, %d failed" % (ok, bad))
sys.exit(1 if bad else 0)
PY
