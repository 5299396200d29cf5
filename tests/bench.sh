#!/bin/sh
# make bench: throughput and peak memory of tqlint on the Brown corpus (a
# clean English text of 6 MB, fetched by a pinned script), next to
# `hunspell -l` and codespell on the same input, in the same run.
tqlint=$1
bash tests/ext/fetch-brown.sh >/dev/null || { echo "bench: cannot fetch the Brown corpus"; exit 1; }
in=build/ext/brown/all.txt
bytes=$(wc -c <"$in")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
echo "input: $in ($mb MB, $(wc -w <"$in") words)"
printf '%-34s %9s %9s %11s %9s\n' tool seconds "MB/s" "peak RSS" findings
measure() {
	label=$1; shift
	/usr/bin/time -f '%e %M' -o build/bench.time "$@" >build/bench.out 2>/dev/null
	set -- $(cat build/bench.time | tail -n 1)
	secs=$1; rss=$2
	printf '%-34s %9s %9s %8d MB %9s\n' "$label" "$secs" \
		"$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.2f", (s > 0 ? b / 1048576 / s : 0) }')" \
		"$((rss / 1024))" "$(wc -l <build/bench.out)"
}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)"; exit 1; }
measure "tqlint -j1 (all checks)" "$tqlint" -j 1 -f tsv --fail-on none "$in"
mkdir -p build/bench-split
split -n l/8 -d "$in" build/bench-split/part- && for f in build/bench-split/part-*; do mv "$f" "$f.txt"; done 2>/dev/null
measure "tqlint -j2 (8 files)" "$tqlint" -j 2 -f tsv --fail-on none build/bench-split
command -v hunspell >/dev/null && measure "hunspell -l -d en_US" hunspell -l -d en_US "$in"
command -v codespell >/dev/null && measure "codespell" codespell "$in"
# JSON Lines: a generated stream (JSONL_MB megabytes, default 256; memory stays flat past ~64 MB) piped
# into tqlint, never stored; peak RSS must not grow with the stream
# (compare JSONL_MB=16 with the default)
jmb=${JSONL_MB:-256}
/usr/bin/time -f '%e %M' -o build/bench.time sh -c \
	"sh tests/gen-jsonl.sh $jmb '$in' | '$tqlint' -j 2 -f tsv --fail-on none --input-format jsonl - | wc -l >build/bench.out"
set -- $(tail -n 1 build/bench.time)
printf '%-34s %9s %9s %8d MB %9s\n' "tqlint -j2 jsonl stdin ($jmb MB)" "$1" \
	"$(awk -v b="$jmb" -v s="$1" 'BEGIN { printf "%.2f", (s > 0 ? b / s : 0) }')" "$(($2 / 1024))" "$(cat build/bench.out)"
# cross-file: 10,000 generated articles (Brown paragraphs, every 10th with
# a shared boilerplate paragraph), --cross-file keeps every file until the end
sh tests/gen-crossfile.sh "${CROSS_N:-10000}" build/bench-cross "$(dirname "$in")/news.txt" &&
	cbytes=$(cat build/bench-cross/*.txt | wc -c) &&
	/usr/bin/time -f '%e %M' -o build/bench.time "$tqlint" -j 2 -f tsv --fail-on none --cross-file \
		build/bench-cross >build/bench.out 2>/dev/null &&
	set -- $(tail -n 1 build/bench.time) &&
	printf '%-34s %9s %9s %8d MB %9s\n' "tqlint -j2 --cross-file (${CROSS_N:-10000} files)" "$1" \
		"$(awk -v b="$cbytes" -v s="$1" 'BEGIN { printf "%.2f", (s > 0 ? b / 1048576 / s : 0) }')" \
		"$(($2 / 1024))" "$(grep -c duplicate.cross-file build/bench.out) cross-file"
rm -rf build/bench-split build/bench.out build/bench.time build/bench-cross
