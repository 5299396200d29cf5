#!/bin/sh
# gen-jsonl.sh MB SOURCE.txt: writes about MB megabytes of JSON Lines records
# {"id", "lang", "text"} (articles of 40 lines of SOURCE, cycled) to stdout,
# for the constant-memory benchmark (make bench pipes it into tqlint).
awk -v limit="$1" 'BEGIN { limit = limit * 1048576 }
	{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, " "); lines[n++] = $0 }
	END { if (!n) exit 1; id = 0; out = 0; i = 0
		while (out < limit) { t = ""; for (k = 0; k < 40; k++) { t = t lines[i] "\\n"; i = (i + 1) % n }
			rec = "{\"id\": \"a" ++id "\", \"lang\": \"en\", \"text\": \"" t "\"}"; print rec; out += length(rec) + 1 } }' "$2"
