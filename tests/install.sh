#!/bin/sh
# make install PREFIX=tmp (own build folder, so the compiled-in data folder
# of the tree's build is not touched): the installed binary checks the
# sample with no flags and uses PREFIX/share/tqlint; a program builds
# against the installed header and library through pkg-config; DESTDIR
# stages; make uninstall removes every file install put.
# usage: install.sh BUILD_DIR   (prints "install: N passed, N failed")
B=${1:-build}
sample=corpora/en/garbled-seed-paris-summit.txt
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
ib=$B/install-test
p=$tmp/prefix
if ! make -s B="$ib" PREFIX="$p" install >"$tmp/log" 2>&1; then
	ko "make install PREFIX=$p"; tail -n 20 "$tmp/log"
	echo "install: $pass passed, $fail failed"; exit 1
fi
for f in bin/tqlint lib/libtqlint.a lib/libtqlint.so lib/libtqlint.so.0 include/tqlint.h \
	lib/pkgconfig/tqlint.pc share/man/man1/tqlint.1 share/tqlint/README.md; do
	[ -e "$p/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "make install PREFIX=<tmp>: $(find "$p" -type f | wc -l) files"; else ko "missing:$missing"; fi
# the installed binary, run from another folder with no data flags
want=$("$B/tqlint" -f tsv --fail-on none "$sample" | wc -l)
got=$(cd "$tmp" && env -u TQLINT_DATADIR "$p/bin/tqlint" -f tsv --fail-on none "$OLDPWD/$sample" | wc -l)
if [ "$got" -gt 0 ] && [ "$got" = "$want" ]; then
	ok "installed tqlint on the sample: $got findings, as the source build"
else
	ko "installed tqlint: $got findings, source build $want"
fi
# it really uses PREFIX/share/tqlint (the compiled-in DATADIR)
mv "$p/share/tqlint" "$p/share/moved"
(cd "$tmp" && env -u TQLINT_DATADIR "$p/bin/tqlint" "$OLDPWD/$sample") >/dev/null 2>"$tmp/err"
rc=$?
mv "$p/share/moved" "$p/share/tqlint"
if [ "$rc" != 0 ] && grep -q "$p/share/tqlint" "$tmp/err"; then
	ok "its data folder is the compiled-in $p/share/tqlint"
else
	ko "data folder: exit $rc, $(cat "$tmp/err")"
fi
# a program against the installed library, through pkg-config
cat >"$tmp/use.c" <<'C'
#include <tqlint.h>
#include <stdio.h>
int main(void)
{
	tql_engine *eng = NULL;
	if (tql_engine_new(NULL, &eng) != TQL_OK) {
		fprintf(stderr, "%s\n", tql_engine_errmsg(eng));
		return 1;
	}
	tql_checker *chk = NULL;
	tql_result *res = NULL;
	const char *t = "Sir Keira Starmer met Steve Witcoof.";
	if (tql_checker_new(eng, &chk) != TQL_OK || tql_check_buffer(chk, t, 36, NULL, &res) != TQL_OK)
		return 1;
	printf("%zu\n", tql_result_count(res));
	tql_result_free(res);
	tql_checker_free(chk);
	tql_engine_free(eng);
	return 0;
}
C
if PKG_CONFIG_PATH=$p/lib/pkgconfig pkg-config --exists tqlint &&
	${CC:-cc} $TQL_SANFLAGS -o "$tmp/use" "$tmp/use.c" $(PKG_CONFIG_PATH=$p/lib/pkgconfig pkg-config --cflags --libs tqlint) 2>"$tmp/err" &&
	n=$(LD_LIBRARY_PATH=$p/lib "$tmp/use") && [ "$n" -ge 2 ]; then
	ok "a program linked with pkg-config --libs tqlint (shared libtqlint.so.0) finds $n findings"
else
	ko "pkg-config build: $(head -n 5 "$tmp/err")"
fi
# DESTDIR stages under it
make -s B="$ib" PREFIX=/opt/tqlint DESTDIR="$tmp/stage" install >"$tmp/log" 2>&1
if [ -x "$tmp/stage/opt/tqlint/bin/tqlint" ] && [ -f "$tmp/stage/opt/tqlint/share/tqlint/README.md" ] &&
	grep -q '^prefix=/opt/tqlint$' "$tmp/stage/opt/tqlint/lib/pkgconfig/tqlint.pc"; then
	ok "DESTDIR stages under \$DESTDIR\$PREFIX, the .pc file names PREFIX"
else
	ko "DESTDIR install"
fi
# uninstall removes every file
make -s B="$ib" PREFIX="$p" uninstall >"$tmp/log" 2>&1
left=$(find "$p" ! -type d | wc -l)
if [ "$left" = 0 ]; then ok "make uninstall removes every installed file"; else ko "uninstall left $left files"; find "$p" ! -type d | head; fi
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
