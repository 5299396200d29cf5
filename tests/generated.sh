#!/bin/sh
# The generated tables are current: rebuilding dictionaries/names/cldr.tsv,
# cldr-foreign.tsv, pinyin.tsv and dictionaries/places/geonames.tsv with their tools (src/tools/) from the same ICU gives the
# committed files byte for byte. Skipped (counted as passed with a note) when
# the machine's ICU is not the one named in the file header, since CLDR data
# changes between ICU releases. Argument: the build folder.
B=${1:-build}
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
icu=$(pkg-config --modversion icu-uc 2>/dev/null)
want=$(sed -n 's/.*from ICU \([0-9.]*\).*/\1/p' dictionaries/names/cldr.tsv | head -n 1)
check() { # name, command...
	name=$1; shift
	if "$@"; then echo "ok   $name"; pass=$((pass + 1)); else echo "FAIL $name"; fail=$((fail + 1)); fi
}
if [ -z "$icu" ] || [ "$icu" != "$want" ]; then
	echo "ok   generated tables: skipped (ICU ${icu:-missing}, tables from ICU $want)"
	pass=$((pass + 1))
else
	CXX=${CXX:-g++}
	flags=$(pkg-config --cflags --libs icu-uc icu-i18n hunspell)
	check "cldr-names builds" $CXX -std=c++17 -O1 src/tools/cldr-names.cc $flags -o "$tmp/cldr-names"
	check "zh-pinyin builds" $CXX -std=c++17 -O1 src/tools/zh-pinyin.cc $flags -o "$tmp/zh-pinyin"
	check "cldr-foreign builds" $CXX -std=c++17 -O1 src/tools/cldr-foreign.cc $flags -o "$tmp/cldr-foreign"
	if [ -x "$tmp/cldr-names" ]; then
		"$tmp/cldr-names" dictionaries/names/places.tsv >"$tmp/cldr.tsv" 2>/dev/null
		check "cldr.tsv is current (src/tools/cldr-names.cc)" cmp -s "$tmp/cldr.tsv" dictionaries/names/cldr.tsv
	fi
	if [ -x "$tmp/cldr-foreign" ]; then
		"$tmp/cldr-foreign" dictionaries/names >"$tmp/cldr-foreign.tsv" 2>/dev/null
		check "cldr-foreign.tsv is current (src/tools/cldr-foreign.cc)" cmp -s "$tmp/cldr-foreign.tsv" dictionaries/names/cldr-foreign.tsv
	fi
	if [ -x "$tmp/zh-pinyin" ]; then
		"$tmp/zh-pinyin" dictionaries/names >"$tmp/pinyin.tsv" 2>/dev/null
		check "pinyin.tsv is current (src/tools/zh-pinyin.cc)" cmp -s "$tmp/pinyin.tsv" dictionaries/names/pinyin.tsv
	fi
fi
# The gazetteer from GeoNames as Debian ships it (libgeonames): skipped when the
# library is missing or its version is not the one named in the file header.
geo=$(dpkg-query -W -f '${Version}' libgeonames-common 2>/dev/null)
geowant=$(sed -n 's/.*libgeonames-common \([^ ;,]*\).*/\1/p' dictionaries/places/geonames.tsv | head -n 1)
if ! pkg-config --exists geonames 2>/dev/null || [ -z "$geo" ] || [ "$geo" != "$geowant" ]; then
	echo "ok   gazetteer: skipped (libgeonames-common ${geo:-missing}, table from ${geowant:-?})"
	pass=$((pass + 1))
else
	CC=${CC:-cc}
	check "geonames-places builds" $CC -std=c11 -O1 src/tools/geonames-places.c $(pkg-config --cflags --libs geonames) -o "$tmp/geonames-places"
	if [ -x "$tmp/geonames-places" ]; then
		GEONAMES_VERSION=$geo "$tmp/geonames-places" >"$tmp/geonames.tsv" 2>/dev/null
		check "places/geonames.tsv is current (src/tools/geonames-places.c)" cmp -s "$tmp/geonames.tsv" dictionaries/places/geonames.tsv
	fi
fi
echo "generated: $pass passed, $fail failed"
[ "$fail" = 0 ]
