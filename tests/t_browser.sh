#!/bin/sh
# t_browser.sh -- the example pages and the site's index pages in Debian's
# headless chromium (tests/browser/check.mjs, playwright-core and axe-core
# from tests/browser/package-lock.json, installed by make deps): no
# horizontal overflow at 320, 390 and 1280 px, no axe-core violation of
# WCAG 2.x A/AA or best-practice rules in light and dark mode, keyboard
# access.  Run once, on the plain build: the browser does not exercise C
# code, so the sanitized build adds nothing here.
. "$(dirname "$0")/lib.sh"
if [ -n "$RP_SANITIZED" ]; then
	echo "# browser checks run on the plain build only"; exit 0
fi
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
NM=$ROOT/tests/browser/node_modules
skip() { echo "ok - browser checks # SKIP $*"; exit 0; }
command -v node >/dev/null 2>&1 || skip "node is not installed (make deps)"
[ -x "$CHROMIUM" ] || skip "no chromium at $CHROMIUM (make deps)"
[ -d "$NM/axe-core" ] && [ -d "$NM/playwright-core" ] ||
	skip "npm packages missing in tests/browser (make deps)"
export CHROMIUM RESPUB_DATA_DIR=$ROOT

# The site with every kind of page: resolutions, the front page, bodies,
# years, a General Assembly session, the undated, and search pages (with
# Pagefind from tests/browser, make deps) in English, Chinese and Arabic.
S=$TMP/site
export PATH="$NM/.bin:$PATH"
printf 'UNIVERSAL DECLARATION\n\nالجمعية العامة،\n\n1. تعلن أن جميع الناس يولدون أحرارا ومتساوين في الكرامة والحقوق.\n' \
    >"$TMP/undated-ar.txt"
if ! "$RESPUB" site -q -d "$S" -V base-url=https://example.org/res/ \
    "$ROOT"/examples/*.txt "$TMP/undated-ar.txt"; then
	notok "browser: respub site" "status $?"; exit 0
fi
# Search pages only with Pagefind: without it the site has none.
SEARCH=
[ -d "$NM/pagefind" ] && SEARCH="search.html search-zho.html search-ara.html"
for want in index.html index-un-sc.html index-un-sc-2001.html \
    index-un-ga-s58.html $SEARCH; do
	[ -f "$S/$want" ] || notok "browser: site page $want" "missing"
done
ls "$S"/*undated*.html >/dev/null 2>&1 || notok "browser: undated page" "missing"
# A page written alone (no site around it): the Chinese letter.
"$RESPUB" -q -t html -o "$TMP/letter-zh.html" \
    "$ROOT/examples/S-RES-2617-2021-letter-zh.txt" ||
	notok "browser: respub -t html" "status $?"
# Right to left: the Arabic Declaration and an Arabic resolution.
"$RESPUB" -q -t html -o "$TMP/udhr-ar.html" "$ROOT/tests/scripts/udhr-ar.txt" &&
"$RESPUB" -q -t html -o "$TMP/S-RES-425-ar.html" \
    "$ROOT/tests/scripts/S-RES-425-1978-ar.xml" ||
	notok "browser: respub -t html (Arabic)" "status $?"
# Language versions: the Declaration in six languages and S/RES/338
# (1973) in three, their language switches and side-by-side pages.
V=$TMP/versions
RESPUB_PAGEFIND= "$RESPUB" site -q --parallel -d "$V" \
    "$ROOT"/tests/scripts/udhr-*.txt \
    "$ROOT/tests/corpus/S_RES_0338_1973_EN_GOLD.txt" \
    "$ROOT/tests/dev/fr/S_RES_0338_1973_fr.txt" \
    "$ROOT/tests/dev/ar/S_RES_338_1973_ar_marefa.txt" 2>/dev/null ||
	notok "browser: respub site --parallel" "status $?"
node "$ROOT/tests/browser/check.mjs" "$S"/*.html "$TMP/letter-zh.html" \
    "$TMP/udhr-ar.html" "$TMP/S-RES-425-ar.html" \
    "$V"/A-RES-217-A-III*.html "$V"/S-RES-338*.html "$V"/index-un-sc-1973.html ||
	notok "browser: check.mjs" "status $?"
# Search: a word, its results, a result opened; in Chinese and Arabic too.
if [ -d "$NM/pagefind" ]; then
	node "$ROOT/tests/browser/search.mjs" "$S" search.html terrorism \
	    S-RES-1377-2001.html A-RES-58-136.html
	node "$ROOT/tests/browser/search.mjs" "$S" search-zho.html 恐怖主义 \
	    S-RES-1456-2003-zho.html
	node "$ROOT/tests/browser/search.mjs" "$S" search-ara.html الكرامة \
	    undated-ar.html
else
	echo "ok - search # SKIP pagefind missing in tests/browser (make deps)"
fi
