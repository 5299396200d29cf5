#!/bin/sh
# make eval: runs tqlint over the annotated corpora (corpora/<lang>/*.txt with
# .ann beside) and prints per category: expected, caught, missed, unexpected,
# recall, precision; per language: recall on garbled texts and unexpected
# findings per 1000 words on clean texts, on the UDHR and on the Debian
# handbook translations (fetched by tests/ext/fetch-all.sh when reachable).
tqlint=$1; dir=${2:-corpora}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ext=build/ext
if [ -z "$TQL_EVAL_NO_FETCH" ]; then
	bash tests/ext/fetch-all.sh >"$tmp/fetch.log" 2>&1 || echo "(external corpora not fetched: see tests/ext/README.md)"
fi
: >"$tmp/all"
for f in $(find "$dir" -mindepth 2 -maxdepth 2 \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort); do
	ann=${f%.*}.ann
	[ -f "$ann" ] || continue
	lang=$(basename "$(dirname "$f")")
	kind=clean; case $(basename "$f") in garbled-*) kind=garbled ;; esac
	words=$(wc -w <"$f")
	"$tqlint" -l "$lang" -f tsv --fail-on none "$f" >"$tmp/out" 2>/dev/null
	# one record per file: F, then E (expected) and R (reported) lines
	{
		printf 'F\t%s\t%s\t%s\t%s\n' "$f" "$lang" "$kind" "$words"
		grep -v '^#' "$ann" | awk -F'\t' 'NF >= 3 { printf "E\t%s\t%s\t%s\n", $1, $2, $3 }'
		awk -F'\t' '{ split($7, r, "."); printf "R\t%s\t%s\t%s\t%s\t%s\n", $2, $4, r[1], $8, $7 }' "$tmp/out"
	} >>"$tmp/all"
done
# external clean corpora: only unexpected findings per 1000 words
for lang in en de fr es it ru uk; do
	for src in "udhr:$ext/udhr/$lang.txt" "handbook:$ext/handbook/$lang.txt"; do
		name=${src%%:*}; f=${src#*:}
		[ -f "$f" ] || continue
		words=$(wc -w <"$f")
		"$tqlint" -l "$lang" -f tsv --fail-on none "$f" >"$tmp/out" 2>/dev/null
		printf 'X\t%s\t%s\t%s\t%s\n' "$name" "$lang" "$words" "$(wc -l <"$tmp/out")" >>"$tmp/all"
		awk -F'\t' '{ print $7 }' "$tmp/out" | sort | uniq -c | sort -rn | head -5 |
			awk -v n="$name" -v l="$lang" '{ printf "Y\t%s\t%s\t%s\t%s\n", n, l, $2, $1 }' >>"$tmp/all"
	done
done
# language.switch on whole handbook pages (build/ext/handbook/<lang>/*.html):
# paragraphs labelled untranslated (identical to the en page) or translated
# by tests/lang/handbook_paras.py, cached in build/ext/handbook-switch/
for lang in de fr es it ru; do
	[ -d "$ext/handbook/$lang" ] || continue
	sw=$ext/handbook-switch; mkdir -p "$sw"
	if [ ! -s "$sw/$lang.labels" ] || [ tests/lang/handbook_paras.py -nt "$sw/$lang.labels" ] ||
		[ "$ext/handbook/$lang" -nt "$sw/$lang.labels" ]; then
		python3 tests/lang/handbook_paras.py "$ext/handbook" "$lang" "$sw/$lang.txt" "$sw/$lang.labels.tmp" &&
			mv "$sw/$lang.labels.tmp" "$sw/$lang.labels" || continue
	fi
	"$tqlint" -l "$lang" -f tsv --fail-on none "$sw/$lang.txt" >"$tmp/out" 2>/dev/null
	awk -F'\t' -v l="$lang" 'FNR == NR { if ($7 == "language.switch") rep[$2] = 1; next }
		{ if ($2 == "en") { ne++; tp += ($1 in rep) } else { nt++; fp += ($1 in rep) } }
		END { printf "S\t%s\t%d\t%d\t%d\t%d\n", l, ne, tp, nt, fp }' "$tmp/out" "$sw/$lang.labels" >>"$tmp/all"
done
if [ -f "$ext/brown/news.txt" ]; then
	f=$ext/brown/news.txt
	"$tqlint" -l en -f tsv --fail-on none "$f" >"$tmp/out" 2>/dev/null
	printf 'X\t%s\t%s\t%s\t%s\n' "brown-news" en "$(wc -w <"$f")" "$(wc -l <"$tmp/out")" >>"$tmp/all"
	awk -F'\t' '{ print $7 }' "$tmp/out" | sort | uniq -c | sort -rn | head -8 |
		awk '{ printf "Y\tbrown-news\ten\t%s\t%s\n", $2, $1 }' >>"$tmp/all"
fi
awk -F'\t' -f tests/eval.awk "$tmp/all"
