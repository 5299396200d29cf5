"""Parses tqlint's github and checkstyle outputs with independent parsers
and compares every field with the JSON Lines report of the same input.

usage: formats.py github|checkstyle REPORT JSONL
github: a regex parser of workflow commands that undoes the runner's
escaping (%25 %0D %0A in data, also %3A %2C in properties).
checkstyle: xml.etree.ElementTree (a conforming XML parser).
Prints 'ok N findings' or the first difference; exit status 1 on failure."""
import json
import re
import sys
import xml.etree.ElementTree as ET

kind, report, jsonl = sys.argv[1:4]
want = [json.loads(l) for l in open(jsonl, encoding="utf-8") if l.strip()]


def fail(msg):
    print("FAIL", msg)
    sys.exit(1)


if not want:
    fail("the JSON report has no findings to compare")


def unescape(s, prop):
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if prop:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for a, b in pairs:
        s = s.replace(a, b)
    return s.replace("%25", "%")


got = []
if kind == "github":
    cmd_re = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
    sev = {"error": "error", "warning": "warning", "notice": "info"}
    for line in open(report, encoding="utf-8").read().split("\n"):
        if not line:
            continue
        m = cmd_re.match(line)
        if not m:
            fail("not a workflow command: %r" % line)
        props = {}
        for kv in m.group(2).split(","):
            k, _, v = kv.partition("=")
            if any(c in v for c in "\r\n:,"):
                fail("unescaped property %r" % kv)
            props[k] = unescape(v, True)
        got.append({"path": props["file"], "line": int(props["line"]),
                    "column": int(props.get("col", 0)), "severity": sev[m.group(1)],
                    "rule": props["title"], "message": unescape(m.group(3), False)})
elif kind == "checkstyle":
    root = ET.parse(report).getroot()
    if root.tag != "checkstyle":
        fail("root element is %s" % root.tag)
    for fe in root.findall("file"):
        for e in fe.findall("error"):
            got.append({"path": fe.get("name"), "line": int(e.get("line")),
                        "column": int(e.get("column")), "severity": e.get("severity"),
                        "rule": e.get("source").removeprefix("tqlint."),
                        "message": e.get("message")})
else:
    fail("unknown kind " + kind)

if len(got) != len(want):
    fail("%d findings parsed, %d in the JSON report" % (len(got), len(want)))
for g, w in zip(got, want):
    for k in g:
        exp = w[k]
        if kind == "github" and k == "column" and w["line"] != w["end_line"]:
            exp = 0
        if g[k] != exp:
            fail("%s: %r != %r (JSON) at %s:%s" % (k, g[k], exp, w["path"], w["line"]))
print("ok %d findings" % len(got))
