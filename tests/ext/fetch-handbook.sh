#!/usr/bin/env bash
# fetch-handbook.sh [--force]
# Fetch the Debian package debian-handbook (The Debian Administrator's
# Handbook), pinned to the version Debian 12 "bookworm" serves and to the
# sha256 of the .deb, unpack it with dpkg-deb -x and write:
#   build/ext/handbook/<lang>/*.html  the book's HTML pages for en de fr es it ru
#                                     (uk is asked for too; the package has none)
#   build/ext/handbook/<lang>.txt     prose paragraphs (DocBook <para>, rendered
#                                     as <div class="para">, and plain <p>) as
#                                     text, blank-line separated, <= 300 KB,
#                                     untranslated (English) paragraphs left out
#   build/ext/handbook/untranslated.tsv  per language: pages, paragraphs,
#                                     untranslated paragraphs, % , written, bytes
#   build/ext/handbook/LANGUAGES.txt  all translations the package ships
#   build/ext/handbook/copyright      Debian copyright file (GPL-2+ or CC-BY-SA-3.0)
# Idempotent (build/ext/handbook/.stamp); --force redoes it.

# shellcheck disable=SC2034  # used by log/die in lib.sh
EXT_NAME=handbook
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

HB_PKG=debian-handbook
HB_VERSION=11.20220922
HB_SHA256=3d5dbeac1f1afc9c094eab9d0f701f6ecff99c4927d5a4794cf6c85678134faa
HB_MAX_BYTES=300000
# short code : directory in usr/share/doc/debian-handbook/html
HB_LANGS="en:en-US de:de-DE fr:fr-FR es:es-ES it:it-IT ru:ru-RU uk:uk-UA"

parse_common_args "$@"
need bash sha256sum python3 apt-get apt-cache dpkg-deb
OUT="$EXT_OUT/handbook"
STAMP=$(stamp_value "$HB_PKG=$HB_VERSION $HB_SHA256 $HB_MAX_BYTES $HB_LANGS" "$0" "$EXT_DIR/handbook2txt.py" "$EXT_DIR/lib.sh")
if up_to_date "$OUT" "$STAMP"; then
    log "up to date: $OUT ($HB_PKG $HB_VERSION)"
    exit 0
fi

# apt must know the pinned version (its package lists may be missing or stale).
# (apt-cache show PKG=BADVERSION exits 0, so ask madison.)
apt_has_pin() {
    apt-cache madison "$HB_PKG" 2>/dev/null | awk -F'|' -v v="$HB_VERSION" \
        '{gsub(/ /, "", $2)} $2 == v {found=1} END {exit !found}'
}
if ! apt_has_pin; then
    if [ "$(id -u)" = 0 ]; then
        log "apt does not list $HB_PKG=$HB_VERSION; running apt-get update"
        apt-get -q -o Acquire::Retries=1 update >/dev/null 2>&1 \
            || die "apt-get update failed: the Debian archive is not reachable"
    fi
    apt_has_pin || die \
        "apt does not offer $HB_PKG=$HB_VERSION (apt-cache policy $HB_PKG shows what it has). Run 'apt-get update' as root, or, if Debian has replaced the version, update the pin and checksum in $0."
fi

make_tmp
# let apt's unprivileged download user write into the temp dir (avoids a warning)
if [ "$(id -u)" = 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$TMP_WORK"; fi
log "apt-get download $HB_PKG=$HB_VERSION"
if ! (cd "$TMP_WORK" && apt-get -q -o Acquire::Retries=1 -o Acquire::http::Timeout=60 \
        download "$HB_PKG=$HB_VERSION" >"$TMP_WORK/apt.log" 2>&1); then
    sed 's/^/    /' "$TMP_WORK/apt.log" | tail -n 15 >&2
    die "could not download $HB_PKG=$HB_VERSION from the Debian archive (network or archive not reachable). Nothing was changed in $EXT_OUT."
fi
deb="$TMP_WORK/${HB_PKG}_${HB_VERSION}_all.deb"
[ -f "$deb" ] || die "apt-get download did not produce $(basename "$deb")"
verify_sha256 "$deb" "$HB_SHA256"
dpkg-deb -x "$deb" "$TMP_WORK/x"
html="$TMP_WORK/x/usr/share/doc/$HB_PKG/html"
[ -d "$html/en-US" ] || die "unexpected package layout: $html/en-US missing"

ensure_out_dir
staging="$EXT_OUT/.handbook.tmp"
rm -rf "$staging"
mkdir -p "$staging"
find "$html" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort > "$staging/LANGUAGES.txt"
cp "$TMP_WORK/x/usr/share/doc/$HB_PKG/copyright" "$staging/copyright"
printf 'lang\tdir\tpages\tparagraphs\tuntranslated\tuntranslated_pct\twritten\tbytes\n' > "$staging/untranslated.tsv"
missing=""
for spec in $HB_LANGS; do
    lang=${spec%%:*} dir=${spec#*:}
    if [ ! -d "$html/$dir" ]; then
        log "note: the package has no '$dir' translation; skipping $lang"
        missing="$missing $lang"
        continue
    fi
    mkdir -p "$staging/$lang"
    cp "$html/$dir"/*.html "$staging/$lang/"
    row=$(python3 "$EXT_DIR/handbook2txt.py" "$html" "$dir" "$staging/$lang.txt" "$HB_MAX_BYTES" en-US) \
        || die "conversion failed for $lang"
    printf '%s\t%s\t%s\n' "$lang" "$dir" "$(printf '%s' "$row" | cut -f2-)" >> "$staging/untranslated.tsv"
done
[ -z "$missing" ] || printf '# not in the package:%s\n' "$missing" >> "$staging/untranslated.tsv"
publish "$staging" "$OUT" "$STAMP"
while IFS=$'\t' read -r lang dir pages paras untr pct written bytes; do
    case $lang in lang|'#'*) continue ;; esac
    log "wrote $OUT/$lang.txt: $bytes bytes / $(wc -w < "$OUT/$lang.txt") words, $written paragraphs; $pages pages; untranslated $untr of $paras paragraphs ($pct %)"
done < "$OUT/untranslated.tsv"
