#!/bin/sh
# t_install.sh -- make install into a DESTDIR, then use what was installed:
# the binary finds its data, pkg-config gives flags that build a program
# against the shared and the static library, and that program writes what
# the command writes.
. "$(dirname "$0")/lib.sh"

if [ -n "$RP_SANITIZED" ]; then
	ok "install # SKIP the sanitized build is not installed"
	exit 0
fi
for tool in cc pkg-config; do
	command -v $tool >/dev/null 2>&1 || {
		ok "install # SKIP no $tool"; exit 0; }
done
D=$TMP/dest
build=$(basename "$BUILD_DIR")
if make -s -C "$ROOT" install BUILD="$build" DESTDIR="$D" PREFIX=/opt/rp \
    > "$TMP/install.log" 2>&1; then
	ok "install: make install PREFIX=/opt/rp DESTDIR=..."
else
	notok "install: make install" "$(tail -3 "$TMP/install.log")"
	exit 0
fi
for f in bin/respub lib/librespub.a lib/librespub.so include/respub.h \
    lib/pkgconfig/respub.pc share/respub/stylesheets/akn2html.xsl \
    share/respub/templates/markdown.conf share/man/man1/respub.1 \
    share/man/man3/librespub.3; do
	[ -e "$D/opt/rp/$f" ] || miss="$miss $f"
done
[ -z "$miss" ] && ok "install: files in place" ||
    notok "install: files missing" "$miss"
expect "install: respub.pc names the install prefix" "prefix=/opt/rp" \
    "$(head -1 "$D/opt/rp/lib/pkgconfig/respub.pc")"

# The installed binary finds its stylesheet beside it, not in the tree.
ex=$ROOT/examples/S-RES-1377-2001.txt
if (cd "$TMP" && env -u RESPUB_DATA_DIR "$D/opt/rp/bin/respub" -q -t html \
    "$ex" > "$TMP/inst.html") 2> "$TMP/err" && grep -q '<h1' "$TMP/inst.html"
then ok "install: the installed respub finds its data"
else notok "install: installed respub" "$(head -2 "$TMP/err")"; fi

# A program built with pkg-config's flags.
export PKG_CONFIG_PATH=$D/opt/rp/lib/pkgconfig
cflags=$(pkg-config --define-variable=prefix="$D/opt/rp" --cflags respub)
libs=$(pkg-config --define-variable=prefix="$D/opt/rp" --libs respub)
slibs=$(pkg-config --define-variable=prefix="$D/opt/rp" --static --libs respub)
if cc -std=c11 -Wall -Wextra -Werror $cflags "$ROOT/tests/lib_api.c" \
    -o "$TMP/api" $libs 2> "$TMP/cc.err"; then
	ok "install: a program builds against the shared library"
	LD_LIBRARY_PATH=$D/opt/rp/lib "$TMP/api" akn "$ex" > "$TMP/api.xml"
	"$RESPUB" -q -t akn "$ex" > "$TMP/cli.xml"
	cmp -s "$TMP/api.xml" "$TMP/cli.xml" &&
	    ok "install: the library writes what the command writes" ||
	    notok "install: library output differs from the command's"
else
	notok "install: build against the shared library" "$(head -3 "$TMP/cc.err")"
fi
if cc -std=c11 $cflags "$ROOT/tests/lib_api.c" -o "$TMP/api_static" \
    "$D/opt/rp/lib/librespub.a" $slibs 2> "$TMP/cc.err" &&
    "$TMP/api_static" md "$ex" | grep -q 'symbol: S/RES/1377 (2001)'; then
	ok "install: a program links the static library"
else
	notok "install: static link" "$(head -3 "$TMP/cc.err")"
fi
