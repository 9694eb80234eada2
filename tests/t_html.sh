#!/bin/sh
# t_html.sh -- the HTML writer, its stylesheet and respub site.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $TESTS_DIR/tools/html_check.py"
XSL=$ROOT/stylesheets/akn2html.xsl
export RESPUB_DATA_DIR=$ROOT

# check_page NAME PAGE [INPUT [AKN]]: parse, ids, internal links, inert,
# words (but those of the page furniture the AKN keeps apart).
check_page() {
	if out=$($CHECK "$2" $3 $4 2>/dev/null); then ok "$1"
	else notok "$1" "$(echo "$out" | head -3 | tr '\n' ';')"; fi
}

inputs=$(ls "$ROOT"/examples/*.txt)
# A corpus sample, except under the sanitizers (slow there).
if [ -z "$RP_SANITIZED" ] && [ -d "$ROOT/../shared/corpus" ]; then
	inputs="$inputs $(ls "$ROOT"/../shared/corpus/unsc-en/*.txt 2>/dev/null | sed -n '1p;200p;400p')"
	inputs="$inputs $(ls "$ROOT"/../shared/corpus/ga80-en/*.txt 2>/dev/null | sed -n '1p;20p')"
fi

for f in $inputs; do
	stem=$(basename "$f" .txt)
	if ! "$RESPUB" -q -t html -o "$TMP/$stem.html" "$f"; then
		notok "html $stem" "respub failed"; continue
	fi
	"$RESPUB" -q -t akn -o "$TMP/$stem.xml" "$f"
	check_page "html $stem: valid, ids unique, links resolve, all words" \
	    "$TMP/$stem.html" "$f" "$TMP/$stem.xml"
	# The same stylesheet outside respub gives the same page.
	xsltproc --nonet --nowrite --nomkdir "$XSL" "$TMP/$stem.xml" \
	    >"$TMP/$stem.x.html" 2>"$TMP/err"
	if cmp -s "$TMP/$stem.html" "$TMP/$stem.x.html"; then
		ok "html $stem: xsltproc gives the same page"
	else notok "html $stem: xsltproc gives the same page" "$(head -2 "$TMP/err")"; fi
done

# Languages: a Chinese letter around an English resolution.
p=$TMP/S-RES-2617-2021-letter-zh.html
expect "html: page language of a Chinese letter" 1 \
    "$(grep -c '<html lang="zh-Hans" dir="ltr">' "$p")"
expect "html: English annex inside it" 1 \
    "$(grep -c '<section class="annex" id="att_1" lang="en" dir="ltr">' "$p")"
expect "html: vote record as a table" 3 \
    "$(grep -o '<th scope="row">' "$p" | wc -l | tr -d ' ')"
p=$TMP/E-RES-2005-19.html
expect "html: a note called three times links back three times" 3 \
    "$(grep -o 'href="#fnref-authorialNote_4-[0-9]"' "$p" | wc -l | tr -d ' ')"
expect "html: operative paragraphs keep their numbers" 1 \
    "$(grep -c '<li id="para_12" value="12"><span class="num">12.</span>' "$p")"
grep -q '"@type":"Legislation","name":.*"legislationIdentifier":"E/RES/2005/19"' "$p" &&
    ok "html: JSON-LD Legislation" || notok "html: JSON-LD Legislation"

# Parameters: canonical URL, site name, link pattern.
"$RESPUB" -q -t html -V base-url=https://example.org/r -V page=x.html \
    -V site-name='A & B' -V 'ref-url=https://docs.example/{actor}/{number}' \
    "$ROOT/examples/S-RES-1377-2001.txt" >"$TMP/p.html"
grep -q '<link rel="canonical" href="https://example.org/r/x.html">' "$TMP/p.html" &&
grep -q '<meta property="og:site_name" content="A &amp; B">' "$TMP/p.html" &&
grep -q 'href="https://docs.example/un-sc/1373"' "$TMP/p.html" &&
    ok "html: -V base-url, site-name, ref-url" ||
    notok "html: -V base-url, site-name, ref-url"

# Hostile text comes out inert.
cat >"$TMP/evil.txt" <<'EOF'
The Security Council,

1. Decides <script>alert(1)</script> and <img src=x onerror=alert(2)>;

2. Notes [click](javascript:alert(3)) and [that](JaVaScRiPt:alert(4)) and [ok](https://un.org/);
EOF
"$RESPUB" -q -t html -o "$TMP/evil.html" "$TMP/evil.txt"
# (the link targets are not page text: no word check)
check_page "html: hostile text is inert" "$TMP/evil.html"
grep -qi 'href="javascript' "$TMP/evil.html" && notok "html: no javascript: link" ||
    ok "html: no javascript: link"
grep -q '&lt;script&gt;alert(1)' "$TMP/evil.html" &&
    ok "html: markup in the text stays text" ||
    notok "html: markup in the text stays text"

# Hostile AKN through the stylesheet: </script> in a title, bad links.
cat >"$TMP/evil.xml" <<'EOF'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta><identification source="#x"><FRBRWork><FRBRalias name="unSymbol" value="S/RES/1 (2000)&lt;/script&gt;"/><FRBRdate date="2000-01-01" name="adoption"/></FRBRWork><FRBRExpression><FRBRlanguage language="ara"/></FRBRExpression></identification></meta>
<preface><p><docTitle>T&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"\</docTitle></p></preface>
<mainBody><paragraph eId="para_1"><num>1.</num><content><p><ref href=" java&#9;script:alert(1)">a</ref> <ref href="data:text/html,x">b</ref> <ref href="#nowhere">c</ref> <ref href="#para_1">d</ref> <ref href="mailto:x@un.org">e</ref></p></content></paragraph></mainBody></statement></akomaNtoso>
EOF
xsltproc --nonet --nowrite --nomkdir "$XSL" "$TMP/evil.xml" >"$TMP/evilx.html"
check_page "xsl: hostile AKN is inert" "$TMP/evilx.html"
expect "xsl: only safe links kept" '#para_1 mailto:x@un.org' \
    "$(sed -n 's/.*<p>\(.*\)<\/p>.*/\1/p' "$TMP/evilx.html" | grep -o 'href="[^"]*"' | sed 's/href="//; s/"//' | tr '\n' ' ' | sed 's/ $//')"
expect "xsl: Arabic pages are right to left" 1 \
    "$(grep -c '<html lang="ar" dir="rtl">' "$TMP/evilx.html")"

# The sandbox: a stylesheet may not read other files or write any.
cat >"$TMP/read.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><x><xsl:value-of select="document('/etc/passwd')"/></x></xsl:template></xsl:stylesheet>
EOF
cat >"$TMP/write.xsl" <<EOF
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
<xsl:template match="/"><exsl:document href="$TMP/pwned.txt" method="text">x</exsl:document><x/></xsl:template></xsl:stylesheet>
EOF
if "$RESPUB" -t html --stylesheet "$TMP/read.xsl" "$ROOT/examples/S-RES-1377-2001.txt" \
    >"$TMP/r.out" 2>"$TMP/r.err" || ! grep -q root "$TMP/r.out"; then
	grep -q 'refused' "$TMP/r.err" && ok "sandbox: no file read" ||
	    notok "sandbox: no file read" "$(head -1 "$TMP/r.err")"
else notok "sandbox: no file read" "read /etc/passwd"; fi
"$RESPUB" -t html --stylesheet "$TMP/write.xsl" "$ROOT/examples/S-RES-1377-2001.txt" \
    >/dev/null 2>&1
[ -e "$TMP/pwned.txt" ] && notok "sandbox: no file write" ||
    ok "sandbox: no file write"

# The site.
S=$TMP/site
"$RESPUB" site -q -d "$S" -V base-url=https://example.org/res/ \
    "$ROOT"/examples/*.txt || notok "site: respub site" "status $?"
for pg in index.html index-un-sc.html S-RES-1377-2001.html A-RES-58-136.html \
    S-RES-2617-2021.html S-RES-1456-2003-zho.html; do
	[ -f "$S/$pg" ] && check_page "site: $pg" "$S/$pg" ||
	    notok "site: $pg" "missing"
done
grep -q '<a href="A-RES-58-136.html">A/RES/58/136</a>' "$S/S-RES-1377-2001.html" &&
    ok "site: cited-by list" || notok "site: cited-by list"
grep -q 'href="S-RES-1377-2001.html">1377 (2001)' "$S/A-RES-58-136.html" &&
    ok "site: references link to pages of the site" ||
    notok "site: references link to pages of the site"
grep -q '<td lang="en"><span class="subject">Decides to adopt the attached declaration on the global effort to combat terrorism</span></td>' "$S/index.html" &&
grep -q '<td lang="zh-Hans"><span class="subject">决定通过所附关于打击恐怖主义的宣言。</span></td>' "$S/index.html" &&
    ok "site: untitled resolutions are listed by their first operative paragraph" ||
    notok "site: untitled resolutions are listed by their first operative paragraph"
grep -q '<meta property="og:type" content="website">' "$S/index.html" &&
grep -q '<meta property="og:type" content="article">' "$S/S-RES-1377-2001.html" &&
    ok "site: og:type website for indexes, article for pages" ||
    notok "site: og:type website for indexes, article for pages"
# A Chinese letter carrying an English resolution: the Legislation is the
# resolution, named and tagged in its own language.
grep -q '"@type":"Legislation","name":"Resolution 2617 (2021)","legislationIdentifier":"S/RES/2617 (2021)","legislationDate":"2021-12-30","legislationPassedBy":{"@type":"Organization","name":"Security Council"},"inLanguage":"en","url":"https://example.org/res/S-RES-2617-2021.html"}' \
    "$S/S-RES-2617-2021.html" &&
    ok "site: JSON-LD of a letter names its resolution" ||
    notok "site: JSON-LD of a letter names its resolution"
grep -q 'Download: <a href="S-RES-1377-2001.xml"' "$S/S-RES-1377-2001.html" &&
    ok "site: downloads" || notok "site: downloads"
xmllint --nonet --noout "$S/sitemap.xml" "$S/catalog.xml" 2>/dev/null &&
grep -q '<loc>https://example.org/res/S-RES-1377-2001.html</loc>' "$S/sitemap.xml" &&
    ok "site: sitemap.xml" || notok "site: sitemap.xml"
before=$(cd "$S" && ls -l --time-style=+%s.%N | md5sum)
sums=$(cd "$S" && md5sum * | md5sum)
"$RESPUB" site -d "$S" -V base-url=https://example.org/res/ \
    "$ROOT"/examples/*.txt 2>"$TMP/site.err"
expect "site: a second run rewrites nothing" "$before" \
    "$(cd "$S" && ls -l --time-style=+%s.%N | md5sum)"
expect "site: byte-identical output" "$sums" "$(cd "$S" && md5sum * | md5sum)"

# Output names come only from [A-Za-z0-9-].
mkdir -p "$TMP/in" "$TMP/jail"
printf 'The Council,\n\n1. Decides.\n' >"$TMP/in/..;x y%2F..txt"
(cd "$TMP/jail" && "$RESPUB" site -q -d out "$TMP/in/..;x y%2F..txt")
expect "site: names are sanitized" "" \
    "$(cd "$TMP/jail" && find . -type f | grep -v '^\./out/[A-Za-z0-9-]*\.[a-z]*$')"

# Overflow, accessibility (axe-core) and keyboard checks in a real browser:
# tests/t_browser.sh.
