# respub -- UN resolutions to Akoma Ntoso, HTML, Markdown and PDF.
#
#   make demo     install what is missing, build, convert examples/ into out/
#   make check    install what is missing, build, run every test (also under
#                 AddressSanitizer/UBSan; the browser tests once)
#   make corpus   convert every text of CORPUS (default ../shared/corpus)
#   make bench    throughput per format, side by side with a peer tool
#   make fuzz     libFuzzer targets (tests/fuzz/) for FUZZ_SECONDS each
#   make valgrind memcheck over the examples in every format and the site
#   make install  PREFIX=/usr/local DESTDIR=

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
LIBDIR	?= $(PREFIX)/lib
INCDIR	?= $(PREFIX)/include
DATADIR	?= $(PREFIX)/share/respub
MANDIR	?= $(PREFIX)/share/man
CORPUS	?= ../shared/corpus
BUILD	?= build

CC	?= cc
CFLAGS	?= -O2 -g
PKGS	:= libxml-2.0 libxslt libexslt libcmark-gfm harfbuzz-subset fribidi

# Debian packages the build and the tests need (make deps installs them).
DEB_PKGS := gcc make pkg-config libxml2-dev libxslt1-dev libcmark-gfm-dev \
	libcmark-gfm-extensions-dev libhpdf-dev libharfbuzz-dev \
	libfribidi-dev fonts-liberation fonts-arphic-uming fonts-hosny-amiri \
	libharfbuzz-bin xsltproc libxml2-utils \
	poppler-utils qpdf cmark-gfm python3 chromium \
	clang libclang-rt-dev valgrind
# Node.js and npm, when the machine has no npm of its own (Debian's; a
# machine with Node.js from elsewhere keeps it).
NODE_DEB_PKGS := nodejs npm
# npm packages of the browser tests (tests/t_browser.sh): axe-core and
# playwright-core, pinned in tests/browser/package-lock.json.
NPM_DIR := tests/browser

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm

ALL_CFLAGS = -std=c11 -Wall -Wextra -fPIC -fvisibility=hidden $(CFLAGS)
ALL_CPPFLAGS = -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) \
	-DRP_DATADIR='"$(DATADIR)"' $(CPPFLAGS)

CLI_SRC	:= src/main.c src/cli.c src/site.c
LIB_SRC	:= $(filter-out $(CLI_SRC),$(sort $(wildcard src/*.c)))
LIB_OBJ	:= $(LIB_SRC:src/%.c=$(BUILD)/%.o)
CLI_OBJ	:= $(CLI_SRC:src/%.c=$(BUILD)/%.o)
HDRS	:= $(wildcard src/*.h include/*.h)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

SOVERSION := 0

.PHONY: all deps demo check test asan-test corpus bench install uninstall \
	clean fuzz fuzz-bins valgrind

all: $(BUILD)/respub $(BUILD)/librespub.a $(BUILD)/librespub.so \
	$(BUILD)/respub.pc

deps:
	@missing=; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing $(NODE_DEB_PKGS)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	      || exit 1; \
	  else \
	    echo "missing packages; run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
	@if [ ! -f $(NPM_DIR)/node_modules/.package-lock.json ] || \
	  [ $(NPM_DIR)/package-lock.json -nt \
	    $(NPM_DIR)/node_modules/.package-lock.json ]; then \
	  echo "npm ci in $(NPM_DIR)"; \
	  npm ci --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error \
	    || exit 1; \
	fi

$(BUILD)/%.o: src/%.c $(HDRS) | $(BUILD)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD):
	@mkdir -p $(BUILD)/tests

$(BUILD)/librespub.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/librespub.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,librespub.so.$(SOVERSION) $(ALL_CFLAGS) \
		$(LDFLAGS) -o $@ $(LIB_OBJ) $(PKG_LIBS)

$(BUILD)/respub: $(CLI_OBJ) $(BUILD)/librespub.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/librespub.a \
		$(PKG_LIBS)

# Written every time: PREFIX may differ between "make" and "make install".
$(BUILD)/respub.pc: FORCE
	@printf '%s\n' 'prefix=$(PREFIX)' \
	  'libdir=$(patsubst $(PREFIX)%,$${prefix}%,$(LIBDIR))' \
	  'includedir=$(patsubst $(PREFIX)%,$${prefix}%,$(INCDIR))' \
	  '' 'Name: respub' \
	  'Description: UN resolutions to Akoma Ntoso, HTML, Markdown and PDF' \
	  'Version: $(shell sed -n 's/^#define RP_VERSION "\(.*\)"/\1/p' include/respub.h)' \
	  'Requires.private: $(PKGS)' 'Libs: -L$${libdir} -lrespub' \
	  'Libs.private: -lhpdf -lm' 'Cflags: -I$${includedir}' > $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/librespub.a $(HDRS) | $(BUILD)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILD)/librespub.a \
		$(PKG_LIBS)

demo: deps all
	@rm -rf out && mkdir -p out
	$(BUILD)/respub -t $(DEMO_FORMATS) -d out examples/*.txt
	$(BUILD)/respub site -q -d out/site examples/*.txt
	@echo "wrote:"; ls out

DEMO_FORMATS := akn,tree,md,html,pdf

# PNGs of the example pages in headless chromium (docs/html-*.png).
.PHONY: screenshots
screenshots: deps all
	@tests/tools/html_screenshots.sh $(BUILD)/respub docs

# The whole suite, then again under AddressSanitizer and UBSan.
check: deps
	@$(MAKE) --no-print-directory all units
	@$(MAKE) --no-print-directory BUILD=build-asan \
	  CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined' all units
	@tests/run.sh build build-asan

units: $(UNIT_BIN)

test: all units
	@tests/run.sh build

corpus: all
	@tests/corpus.sh $(BUILD)/respub "$(CORPUS)"

bench: all
	@tests/bench.sh $(BUILD)/respub "$(CORPUS)"

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(INCDIR) $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	install -m 755 $(BUILD)/respub $(DESTDIR)$(BINDIR)/respub
	install -m 644 $(BUILD)/librespub.a $(DESTDIR)$(LIBDIR)/librespub.a
	install -m 755 $(BUILD)/librespub.so \
		$(DESTDIR)$(LIBDIR)/librespub.so.$(SOVERSION)
	ln -sf librespub.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/librespub.so
	install -m 644 include/respub.h $(DESTDIR)$(INCDIR)/respub.h
	install -m 644 $(BUILD)/respub.pc $(DESTDIR)$(LIBDIR)/pkgconfig/respub.pc
	cp -R templates stylesheets $(DESTDIR)$(DATADIR)/
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	for f in man/*.3; do [ -f "$$f" ] && \
		install -m 644 $$f $(DESTDIR)$(MANDIR)/man3/ || true; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/respub $(DESTDIR)$(LIBDIR)/librespub.* \
		$(DESTDIR)$(INCDIR)/respub.h \
		$(DESTDIR)$(LIBDIR)/pkgconfig/respub.pc
	rm -rf $(DESTDIR)$(DATADIR)

# libFuzzer: the library built with clang under ASan and UBSan, one target
# per reader (tests/fuzz/fuzz_*.c), each run for FUZZ_SECONDS from seeds
# made of examples/ and tests/corpus/ (and their Markdown and AKN made by
# the normal build).  The corpus grows in build-fuzz/corpus-*/ from run to
# run; a crash, leak, timeout or sanitizer report is saved in
# build-fuzz/findings/ and fails the target.  Save it in
# tests/fuzz/regress/ once fixed: tests/t_fuzz.sh replays it.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build-fuzz
FUZZ_CC ?= clang
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/%)
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

fuzz: deps $(BUILD)/respub
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	  CFLAGS='-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)' fuzz-bins
	@tests/fuzz/run.sh $(BUILD)/respub $(FUZZ_BUILD) $(FUZZ_SECONDS) \
	  $(FUZZ_TARGETS)

fuzz-bins: $(FUZZ_BIN)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h \
		$(FUZZ_BUILD)/librespub.a
	$(CC) $(ALL_CPPFLAGS) -DFUZZ_DATA_DIR='"$(CURDIR)"' $(ALL_CFLAGS) \
		-fsanitize=fuzzer -o $@ $< $(FUZZ_BUILD)/librespub.a $(PKG_LIBS)

# memcheck over every example in every format, and the site command.
valgrind: deps all
	@tests/valgrind.sh $(BUILD)/respub

FORCE:

clean:
	rm -rf build build-asan build-fuzz out
