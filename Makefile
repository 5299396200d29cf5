# tqlint - translation-quality checker. See README.md.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/tqlint
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
B ?= build

PKGS := icu-uc icu-i18n libpcre2-8 hunspell
# Debian packages the build and the tests need (make deps installs them).
DEB_PKGS := build-essential pkg-config libicu-dev libhunspell-dev libpcre2-dev \
	hunspell-en-us hunspell-en-gb hunspell-de-de hunspell-fr hunspell-es hunspell-it \
	hunspell-ru hunspell-uk libcmocka-dev hunspell codespell time

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
	-Wno-format-nonliteral
ifdef DEVELOPER
WARN += -Werror
endif
ifdef SANITIZE
SANFLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

FINAL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -fPIC -MMD -MP $(WARN) $(SANFLAGS) $(PKG_CFLAGS) $(CFLAGS)
LIB_CFLAGS = $(FINAL_CFLAGS) -DTQL_BUILDING -fvisibility=hidden -DTQL_DATADIR='"$(DATADIR)"'
FINAL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpthread

LIB_SRC := $(sort $(wildcard src/lib/*.c src/lib/*/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all deps check-deps demo check check-sanitize test-unit test-cases eval bench clean \
	install uninstall format format-check lint-data

all: check-deps $(B)/tqlint $(B)/libtqlint.a $(B)/libtqlint.so

check-deps:
	@pkg-config --exists $(PKGS) 2>/dev/null || { \
	  echo "tqlint: missing build dependencies ($(PKGS))."; \
	  echo "Install them with: make deps   (or: sudo apt-get install $(DEB_PKGS))"; exit 1; }

deps:
	@sh tests/deps.sh $(DEB_PKGS)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(if $(findstring src/lib/,$<),$(LIB_CFLAGS),$(FINAL_CFLAGS)) -c $< -o $@

$(B)/libtqlint.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/libtqlint.so: $(LIB_OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared -Wl,-soname,libtqlint.so.0 $(FINAL_LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tqlint: $(CLI_OBJ) $(B)/libtqlint.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libtqlint.a $(LIBS)

# ---- tests -------------------------------------------------------------------
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

$(B)/tests/%: tests/unit/%.c $(B)/libtqlint.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FINAL_CFLAGS) -Isrc/lib -o $@ $< $(B)/libtqlint.a $(FINAL_LDFLAGS) $(LIBS) -lcmocka

test-unit: all $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

test-cases: all
	@sh tests/run-cases.sh $(B)/tqlint

check: deps all $(UNIT_BIN)
	@sh tests/run-all.sh $(B)

check-sanitize:
	$(MAKE) B=build/san SANITIZE=address,undefined CFLAGS="-O1 -g" check

eval: all
	@sh tests/eval.sh $(B)/tqlint corpora

bench: all
	@sh tests/bench.sh $(B)/tqlint

demo: deps all
	@echo "== tqlint on the sample article (corpora/en/garbled-seed-paris-summit.txt) =="
	@$(B)/tqlint --fail-on none corpora/en/garbled-seed-paris-summit.txt

# ---- install -----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 $(B)/tqlint $(DESTDIR)$(BINDIR)/tqlint
	install -m 644 $(B)/libtqlint.a $(DESTDIR)$(LIBDIR)/libtqlint.a
	install -m 755 $(B)/libtqlint.so $(DESTDIR)$(LIBDIR)/libtqlint.so
	install -m 644 src/tqlint.h $(DESTDIR)$(INCLUDEDIR)/tqlint.h
	install -m 644 src/cli/tqlint.1 $(DESTDIR)$(MANDIR)/man1/tqlint.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
		-e 's|@VERSION@|0.1.0|' src/tqlint.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/tqlint.pc
	cp -R dictionaries/. $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tqlint $(DESTDIR)$(LIBDIR)/libtqlint.a $(DESTDIR)$(LIBDIR)/libtqlint.so \
		$(DESTDIR)$(INCLUDEDIR)/tqlint.h $(DESTDIR)$(MANDIR)/man1/tqlint.1 \
		$(DESTDIR)$(LIBDIR)/pkgconfig/tqlint.pc
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) src/tqlint.h src/lib/*.h src/cli/*.h

format-check:
	clang-format --dry-run -Werror $(LIB_SRC) $(CLI_SRC) src/tqlint.h src/lib/*.h src/cli/*.h

clean:
	rm -rf build/san $(B)/src $(B)/tests $(B)/tqlint $(B)/libtqlint.a $(B)/libtqlint.so

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
