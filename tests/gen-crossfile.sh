#!/bin/sh
# Generates N articles (default 10000) in DIR (default build/bench-cross) for
# the cross-file benchmark: each takes 8 paragraphs of the Brown news corpus
# (a deterministic pseudo-random pick, numbered so that each is unique) and
# every 10th also carries one of
# three shared boilerplate paragraphs, as scraped sites do.
src=${3:-build/ext/brown/news.txt}
dir=${2:-build/bench-cross}
n=${1:-10000}
[ -f "$src" ] || { echo "gen-crossfile: $src missing (tests/ext/fetch-brown.sh)" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" '
BEGIN { RS = ""; seed = 12345 }
{ gsub(/\n/, " "); para[np++] = $0 }
END {
	shared[0] = "Sign up for our newsletter to receive the most important news of the day every morning in your inbox."
	shared[1] = "This article was produced with the help of automatic translation and checked by our editorial team."
	shared[2] = "Follow us on Telegram, Facebook and Viber to get the latest news from the region as it happens."
	for (a = 0; a < n; a++) {
		f = sprintf("%s/%05d.txt", dir, a)
		for (k = 0; k < 8; k++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			printf "%s (%d.%d)\n\n", para[int(seed / 65536) % np], a, k > f
		}
		if (a % 10 == 0) printf "%s\n", shared[(a / 10) % 3] > f
		close(f)
	}
}' "$src"
