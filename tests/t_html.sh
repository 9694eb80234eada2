#!/bin/sh
# t_html.sh -- the HTML writer, its stylesheet and respub site.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $TESTS_DIR/tools/html_check.py"
XSL=$ROOT/stylesheets/akn2html.xsl
export RESPUB_DATA_DIR=$ROOT
# The interface strings, which respub hands the stylesheet itself, for
# xsltproc (templates/labels/*.conf and the months of lang/*.conf).
"$RESPUB" --strings -o "$TMP/strings.xml"
STRINGS="--stringparam strings $TMP/strings.xml"

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
	# The same stylesheet outside respub gives the same page, but for
	# the typographic quotes respub sets before it (-V quotes).
	xsltproc --nonet --nowrite --nomkdir $STRINGS "$XSL" "$TMP/$stem.xml" \
	    >"$TMP/$stem.x.html" 2>"$TMP/err"
	"$RESPUB" -q -t html -V quotes=no -o "$TMP/$stem.straight.html" "$f"
	if cmp -s "$TMP/$stem.straight.html" "$TMP/$stem.x.html"; then
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
xsltproc --nonet --nowrite --nomkdir $STRINGS "$XSL" "$TMP/evil.xml" >"$TMP/evilx.html"
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

# Navigation: breadcrumb site > body > year, previous/next in the body.
grep -q '<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="index.html">United Nations resolutions</a></li><li><a href="index-un-sc.html">Security Council</a></li><li><a href="index-un-sc-2001.html">2001</a></li></ol></nav>' \
    "$S/S-RES-1377-2001.html" &&
grep -q '<span aria-current="page">2001</span>' "$S/index-un-sc-2001.html" &&
    ok "site: breadcrumb on pages and indexes" ||
    notok "site: breadcrumb on pages and indexes"
grep -q '<a href="S-RES-2617-2021.html" rel="next">' "$S/S-RES-1377-2001.html" &&
grep -q '<a href="S-RES-1377-2001.html" rel="prev">' "$S/S-RES-2617-2021.html" &&
    ok "site: previous and next resolution of the body" ||
    notok "site: previous and next resolution of the body"
grep -q '<a href="A-RES-58-136.html">A/RES/58/136</a></td><td><time datetime="2003-12-22">22 December 2003</time>' \
    "$S/index-un-ga-s58.html" &&
    ok "site: General Assembly by session, dates as readers write them" ||
    notok "site: General Assembly by session, dates as readers write them"
# Every index table has the same fixed columns.
expect "site: one column layout for every index table" 1 \
    "$(cat "$S"/index*.html | grep -o '<colgroup>.*</colgroup>' | sort -u | wc -l | tr -d ' ')"

# Titles: no catalogue debris; the adoption date, not the issue date.
W=$TMP/w
mkdir -p "$W"
printf '%s\n' '---' 'symbol: A/RES/80/944' 'title: "Regional disarmament :"' \
    'date: "2025-12-05"' '---' '' 'United Nations' '' \
    'General Assembly Distr.: General 5 December 2025' '' \
    'Eightieth session Agenda item 99 Regional disarmament' '' \
    'Resolution adopted by the General Assembly on 1 December 2025' '' \
    '80/944. Regional disarmament' '' 'The General Assembly,' '' \
    '1. Decides to remain seized of the matter.' >"$W/a.md"
"$RESPUB" site -q -d "$W/s" "$W/a.md" 2>/dev/null
grep -q '<td><time datetime="2025-12-01">1 December 2025</time></td><td lang="en">Regional disarmament</td>' \
    "$W/s/index-un-ga-2025.html" &&
    ok "site: index titles without ' :', the adoption date" ||
    notok "site: index titles without ' :', the adoption date"

# Duplicates: the same symbol and language twice; the later is kept.
cp "$ROOT/examples/S-RES-1377-2001.txt" "$W/first.txt"
sed 's/combat terrorism/combat terrorism everywhere/' \
    "$ROOT/examples/S-RES-1377-2001.txt" >"$W/second.txt"
"$RESPUB" site -q -d "$W/d" "$W/first.txt" "$W/second.txt" 2>"$W/d.err"
grep -q "first.txt: warning: S/RES/1377 (2001) (eng) is also in .*second.txt: keeping .*second.txt" "$W/d.err" &&
[ "$(ls "$W/d" | grep -c '^S-RES-1377-2001.*html$')" = 1 ] &&
grep -q 'terrorism everywhere' "$W/d/S-RES-1377-2001.html" &&
    ok "site: a duplicate is reported, the later kept" ||
    notok "site: a duplicate is reported, the later kept" "$(head -1 "$W/d.err")"

# Names of the site's own files are reserved; no year: "date unknown".
printf 'The General Assembly,\n\n1. Decides.\n' >"$W/index.txt"
printf 'The General Assembly,\n\n1. Decides again.\n' >"$W/catalog.txt"
"$RESPUB" site -d "$W/r" "$W/index.txt" "$W/catalog.txt" 2>"$W/r.err"
[ -f "$W/r/r-index.html" ] && [ -f "$W/r/r-catalog.html" ] &&
grep -q '"index" is a name of the site' "$W/r.err" &&
grep -q '<s:site' "$W/r/catalog.xml" &&
grep -q '<h1 id="title">United Nations resolutions' "$W/r/index.html" &&
    ok "site: index, catalog, sitemap... are reserved names" ||
    notok "site: index, catalog, sitemap... are reserved names"
# An input named r-index keeps its name; index.txt takes the next.
printf 'The General Assembly,\n\n1. Decides once more.\n' >"$W/r-index.txt"
"$RESPUB" site -d "$W/r2" "$W/r-index.txt" "$W/index.txt" 2>"$W/r2.err"
grep -q 'Decides once' "$W/r2/r-index.html" &&
grep -q 'index.txt: .*"index" is a name .*: the page is r-index-2.html' "$W/r2.err" &&
    ok "site: an input named r-index keeps its name" ||
    notok "site: an input named r-index keeps its name" "$(head -1 "$W/r2.err")"
grep -q 'index.txt: warning: no year of adoption: listed under "date unknown"' "$W/r.err" &&
grep -q 'href="r-index.html"' "$W/r/index-un-ga-undated.html" &&
grep -q 'Date unknown' "$W/r/index-un-ga-undated.html" &&
    ok "site: resolutions without a year are listed under date unknown" ||
    notok "site: resolutions without a year are listed under date unknown"

# Pages of at most --rows rows, linked to each other.
mkdir -p "$W/many"
for i in 1 2 3 4 5; do
	sed "s|1377 (2001)|137$i (2001)|g" \
	    "$ROOT/examples/S-RES-1377-2001.txt" >"$W/many/$i.txt"
done
"$RESPUB" site -q --rows 2 -d "$W/m" "$W"/many/*.txt
expect "site: --rows 2 splits a year of 5 into 3 pages" "2 2 1" \
    "$(for p in index-un-sc-2001.html index-un-sc-2001-2.html index-un-sc-2001-3.html; do
	grep -o '<tr><td>' "$W/m/$p" | wc -l | tr -d ' '; done | tr '\n' ' ' | sed 's/ $//')"
grep -q 'Pages: <a href="index-un-sc-2001.html">1</a> · <a href="index-un-sc-2001-2.html" aria-current="page">2</a>' \
    "$W/m/index-un-sc-2001-2.html" &&
    ok "site: pages of a year link each other" ||
    notok "site: pages of a year link each other"

# Feeds: Atom (RFC 4287) as a parser reads them; sitemap.xml always.
if python3 "$TESTS_DIR/tools/atom_check.py" "$S"/feed-*.xml \
    "$W"/s/feed-*.xml >"$W/atom.out" 2>&1; then
	ok "site: Atom feeds have what RFC 4287 requires"
else notok "site: Atom feeds have what RFC 4287 requires" \
    "$(head -2 "$W/atom.out" | tr '\n' ';')"; fi
grep -q '<loc>r-index.html</loc>' "$W/r/sitemap.xml" &&
    ok "site: sitemap.xml without base-url, relative" ||
    notok "site: sitemap.xml without base-url, relative"

# Incremental: after one input changes, only what depends on it is
# rewritten (its files, the cited-by lists of what it cites, its indexes).
I=$TMP/inc
mkdir -p "$I/in"
cp "$ROOT"/examples/*.txt "$I/in/"
"$RESPUB" site -q -d "$I/s" "$I"/in/*.txt
touch "$I/stamp"
sleep 1
sed -i 's/^ 58\/136\. Strengthening/ 58\/136. Further strengthening/' \
    "$I/in/A-RES-58-136.txt"
"$RESPUB" site -q -d "$I/s" "$I"/in/*.txt
changed=$(cd "$I/s" && find . -type f -newer "$I/stamp" ! -path './pagefind/*' |
    sed 's|^\./||' | sort | tr '\n' ' ')
case $changed in
*A-RES-58-136.html*A-RES-58-136.md*A-RES-58-136.pdf*A-RES-58-136.xml*S-RES-1377-2001.html*S-RES-1456-2003-zho.html*)
	ok "site: a rebuild rewrites the changed input's files and the cited-by lists" ;;
*)	notok "site: a rebuild rewrites the changed input's files and the cited-by lists" "$changed" ;;
esac
case $changed in
*E-RES*|*S-RES-1377-2001.xml*|*S-RES-1377-2001.pdf*|*S-RES-2617*|*index-un-sc*|*index-un-ecosoc*)
	notok "site: a rebuild leaves the rest alone" "$changed" ;;
*)	ok "site: a rebuild leaves the rest alone" ;;
esac
# A rebuild gives the site a build from nothing gives, byte for byte:
# after a title changed (above), after a text changed and nothing it
# says of itself (only its own files are made again), after an input
# was added.
fresh_as() {	# what, inputs...: the site against one built afresh
	what=$1; shift
	rm -rf "$I/fresh"
	"$RESPUB" site -q -d "$I/fresh" "$@"
	if diff -r -x pagefind "$I/s" "$I/fresh" >"$I/fresh.diff" 2>&1; then
		ok "site: a rebuild $what is a build from nothing"
	else notok "site: a rebuild $what is a build from nothing" \
	    "$(head -3 "$I/fresh.diff" | tr '\n' ';')"; fi
}
fresh_as "after a title changed" "$I"/in/*.txt
touch "$I/stamp"
sleep 1
printf '\n3. Decides to remain seized of the matter.\n' >>"$I/in/S-RES-1377-2001.txt"
"$RESPUB" site -q -d "$I/s" "$I"/in/*.txt
expect "site: a text changed, not what it says of itself: its own files rewritten" \
    "S-RES-1377-2001.html S-RES-1377-2001.md S-RES-1377-2001.pdf S-RES-1377-2001.xml catalog.tsv " \
    "$(cd "$I/s" && find . -type f -newer "$I/stamp" ! -path './pagefind/*' |
    sed 's|^\./||' | sort | tr '\n' ' ')"
fresh_as "after a text changed" "$I"/in/*.txt
# A rebuild of the inputs given: the index pages it made again.
index_rewritten() {
	touch "$I/stamp"
	sleep 1
	"$RESPUB" site -q -d "$I/s" "$@"
	(cd "$I/s" && find . -name 'index*.html' -newer "$I/stamp" |
	    sed 's|^\./||' | sort | tr '\n' ' ')
}
cp "$ROOT/examples/S-RES-1377-2001.txt" "$I/S-RES-1378-2001.txt"
sed -i 's/1377 (2001)/1378 (2001)/' "$I/S-RES-1378-2001.txt"
# Its year's page and its body's are made again; other years' are not
# (they link the years without counting them).
expect "site: an input added rewrites its year's page, not the others'" \
    "index-un-sc-2001.html index-un-sc.html index.html " \
    "$(index_rewritten "$I"/in/*.txt "$I/S-RES-1378-2001.txt")"
fresh_as "after an input was added" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
# Its date changed: it comes before 1377 (2001), whose neighbours change.
# What is rewritten is what lists or links it: its files, its old and new
# neighbours' pages (1377 and 2617), its year's page, the body's and the
# front page and the feed (the latest), the sitemap (its order),
# catalog.xml; nothing else.
touch "$I/stamp"
sleep 1
sed -i 's/12 November 2001/2 January 2001/' "$I/S-RES-1378-2001.txt"
"$RESPUB" site -q -d "$I/s" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
expect "site: a date changed rewrites what lists or links it, nothing else" \
    "S-RES-1377-2001.html S-RES-1378-2001.html S-RES-1378-2001.md S-RES-1378-2001.pdf S-RES-1378-2001.xml S-RES-2617-2021.html catalog.tsv catalog.xml feed-un-sc.xml index-un-sc-2001.html index-un-sc.html index.html sitemap.xml " \
    "$(cd "$I/s" && find . -type f -newer "$I/stamp" ! -path './pagefind/*' |
    sed 's|^\./||' | sort | tr '\n' ' ')"
grep -q 'href="S-RES-1377-2001.html" rel="next"' "$I/s/S-RES-1378-2001.html" &&
    ok "site: a date changed gives a resolution its new neighbours" ||
    notok "site: a date changed gives a resolution its new neighbours"
fresh_as "after a date changed" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
# Its symbol and date changed to another year: the year pages it leaves
# and joins are made again, the other years' are not (they link the years
# without counting them).
sed -i 's/1378 (2001)/1378 (2003)/; s/2 January 2001/3 March 2003/' \
    "$I/S-RES-1378-2001.txt"
expect "site: a resolution moved to another year rewrites the year pages it leaves and joins, no other" \
    "index-un-sc-2001.html index-un-sc-2003.html index-un-sc.html index.html " \
    "$(index_rewritten "$I"/in/*.txt "$I/S-RES-1378-2001.txt")"
fresh_as "after it moved to another year" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
# And to a year of its own: it leaves its year page for a new one; the
# pages of the years beside the new one (2003, 2021) are made again (they
# link it), not the others' (2001).
sed -i 's/1378 (2003)/1378 (2004)/; s/3 March 2003/3 March 2004/' \
    "$I/S-RES-1378-2001.txt"
expect "site: a new year rewrites the pages of the years beside it, no other" \
    "index-un-sc-2003.html index-un-sc-2004.html index-un-sc-2021.html index-un-sc.html index.html " \
    "$(index_rewritten "$I"/in/*.txt "$I/S-RES-1378-2001.txt")"
grep -q 'href="index-un-sc-2004.html"' "$I/s/S-RES-1378-2004.html" &&
    [ ! -e "$I/s/S-RES-1378-2001.html" ] &&
    ok "site: a symbol and date changed move a resolution to its new year" ||
    notok "site: a symbol and date changed move a resolution to its new year"
fresh_as "after a symbol and date changed" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
# Its symbol alone changed: renamed, in the same place.
sed -i 's/1378 (2004)/1379 (2004)/' "$I/S-RES-1378-2001.txt"
"$RESPUB" site -q -d "$I/s" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
fresh_as "after a symbol changed" "$I"/in/*.txt "$I/S-RES-1378-2001.txt"
# An input no longer given: its files go.
"$RESPUB" site -q -d "$I/s" $(ls "$I"/in/*.txt | grep -v E-RES)
[ ! -e "$I/s/E-RES-2005-19.html" ] && [ ! -e "$I/s/E-RES-2005-19.pdf" ] &&
[ ! -e "$I/s/index-un-ecosoc.html" ] && [ -e "$I/s/A-RES-58-136.html" ] &&
    ok "site: files of inputs no longer given are removed" ||
    notok "site: files of inputs no longer given are removed"
fresh_as "after inputs were removed" $(ls "$I"/in/*.txt | grep -v E-RES)

# Nothing changed: nothing rewritten.  A previous catalog.tsv (the state
# rebuilds read) cut short (a run killed while writing it elsewhere, a
# disk full) is not trusted: every input is read again and the site comes
# out the same.
touch "$I/stamp"
sleep 1
"$RESPUB" site -q -d "$I/s" $(ls "$I"/in/*.txt | grep -v E-RES)
expect "site: a rebuild with nothing changed writes nothing" "" \
    "$(find "$I/s" -type f -newer "$I/stamp" ! -path '*/pagefind/*')"
cp -r "$I/s" "$I/full"
head -c $(($(wc -c <"$I/full/catalog.tsv") / 2)) "$I/full/catalog.tsv" >"$I/s/catalog.tsv"
"$RESPUB" site -q -d "$I/s" $(ls "$I"/in/*.txt | grep -v E-RES) 2>"$I/cut.err"
expect "site: a catalog.tsv cut short is read again from the inputs" "0 0" \
    "$? $(diff -r -x pagefind "$I/s" "$I/full" >/dev/null; echo $?)"

# A rebuild after texts changed, none saying anything new of itself,
# plans nothing (catalog.tsv's plan): pages showing citers, versions
# and neighbours, and a duplicate left out, come out as a build from
# nothing makes them.
Q=$TMP/quick
mkdir -p "$Q/in"
cp "$ROOT"/examples/*.txt "$ROOT"/tests/scripts/udhr-*.txt "$Q/in/"
printf 'Resolution 1500 (2003)\n\nThe Security Council,\n\nRecalling its resolution 1377 (2001),\n\n1. Decides to remain seized of the matter.\n' >"$Q/in/S-RES-1500-2003.txt"
cp "$ROOT/examples/E-RES-2005-19.txt" "$Q/in/A-dup.txt"
"$RESPUB" site -q -d "$Q/s" "$Q"/in/*.txt 2>/dev/null
touch "$Q/stamp"
sleep 1
for f in S-RES-1377-2001 S-RES-1500-2003 udhr-fr A-dup; do
	printf '\nNothing new of itself.\n' >>"$Q/in/$f.txt"
done
"$RESPUB" site -q -d "$Q/s" "$Q"/in/*.txt 2>/dev/null
expect "site: texts changed, nothing planned again: their own files rewritten" \
    "A-RES-217-A-III-fra.html A-RES-217-A-III-fra.md A-RES-217-A-III-fra.pdf A-RES-217-A-III-fra.xml S-RES-1377-2001.html S-RES-1377-2001.md S-RES-1377-2001.pdf S-RES-1377-2001.xml S-RES-1500-2003.html S-RES-1500-2003.md S-RES-1500-2003.pdf S-RES-1500-2003.xml catalog.tsv " \
    "$(cd "$Q/s" && find . -type f -newer "$Q/stamp" | sed 's|^\./||' | sort | tr '\n' ' ')"
q_fresh_as() {	# what: the site against one built afresh
	rm -rf "$Q/fresh"
	"$RESPUB" site -q -d "$Q/fresh" "$Q"/in/*.txt 2>/dev/null
	diff -r "$Q/s" "$Q/fresh" >"$Q/diff" 2>&1 &&
	    ok "site: $1: a build from nothing" ||
	    notok "site: $1: a build from nothing" \
	    "$(head -3 "$Q/diff" | tr '\n' ';')"
}
q_fresh_as "texts changed, nothing planned again"

# A file of the site removed by hand is made again by a run with nothing
# changed (the directory's time says it changed).
rm "$Q/s/A-RES-217-A-III-rus.pdf"
"$RESPUB" site -q -d "$Q/s" "$Q"/in/*.txt 2>/dev/null
[ -s "$Q/s/A-RES-217-A-III-rus.pdf" ] && ok "site: a file removed by hand is made again" ||
    notok "site: a file removed by hand is made again"

# What a language version says of itself changed (its title), then a
# version removed: the site planned again, the pages of what did not
# change taken as they were (site_clean.c), the other versions' files
# made again (they list the versions), as a build from nothing.
sed -i '1s/^Déclaration universelle/La Déclaration universelle/' "$Q/in/udhr-fr.txt"
"$RESPUB" site -q -d "$Q/s" "$Q"/in/*.txt 2>/dev/null
q_fresh_as "a version's title changed"
rm "$Q/in/udhr-ru.txt"
"$RESPUB" site -q -d "$Q/s" "$Q"/in/*.txt 2>/dev/null
q_fresh_as "a version removed"

# Two runs into one directory: the second fails, clearly.
if command -v flock >/dev/null 2>&1; then
	flock "$I/s" sleep 3 &
	sleep 1
	"$RESPUB" site -q -d "$I/s" "$I"/in/*.txt 2>"$I/lock.err"
	expect "site: a run into a directory another run holds fails (exit 3)" \
	    "3 1" "$? $(grep -c 'another respub site is writing' "$I/lock.err")"
	wait
fi

# Without Pagefind the site is built, without search, and says so; a
# Pagefind that fails is an error.
RESPUB_PAGEFIND= "$RESPUB" site -d "$W/n" "$ROOT/examples/S-RES-1377-2001.txt" 2>"$W/n.err"
st=$?
[ $st = 0 ] && grep -q 'pagefind not found.*the site has no search' "$W/n.err" &&
[ ! -e "$W/n/search.html" ] && ! grep -q 'search-link' "$W/n/index.html" &&
    ok "site: without pagefind, no search and a note" ||
    notok "site: without pagefind, no search and a note" "status $st"
RESPUB_PAGEFIND=/bin/false "$RESPUB" site -q -d "$W/f" \
    "$ROOT/examples/S-RES-1377-2001.txt" 2>"$W/f.err"
expect "site: a failing pagefind is an error (exit 3)" "3 1" \
    "$? $(grep -c 'pagefind failed' "$W/f.err")"
grep -q 'href="search.html">Search</a>' "$W/f/S-RES-1377-2001.html" &&
    ok "site: with pagefind, every page links the search" ||
    notok "site: with pagefind, every page links the search"

# Runs of numbered paragraphs go to one list each, in blocks of 64 and
# 4096 items (akn2html.xsl, "run"): runs that end on either side of the
# block edges, broken by a heading and by an unnumbered paragraph.
python3 - "$TMP/runs.xml" <<'PY'
import sys
runs = [4096 + 64 + 1, 4096, 64, 63, 65, 1]
body, n = [], 0
for i, r in enumerate(runs):
    for _ in range(r):
        n += 1
        body.append('<paragraph eId="para_%d"><num>%d.</num><content><p>Decides %d;</p></content></paragraph>' % (n, n, n))
    body.append('<crossHeading>Part %d</crossHeading>' % i if i % 2 else
                '<paragraph><content><p>Unnumbered %d.</p></content></paragraph>' % i)
open(sys.argv[1], 'w').write(
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><meta><identification source="#r">'
    '<FRBRWork><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2001-01-01" name="adoption"/>'
    '<FRBRauthor href="#un"/><FRBRcountry value="un"/></FRBRWork></identification></meta>'
    '<mainBody>' + ''.join(body) + '</mainBody></statement></akomaNtoso>')
PY
if xsltproc --nonet $STRINGS "$XSL" "$TMP/runs.xml" >"$TMP/runs.html" 2>"$TMP/err"; then
	got=$(python3 -c '
import re, sys
html = open(sys.argv[1]).read()
lists = re.findall(r"<ol class=\"op\">(.*?)</ol>", html, re.S)
values = [int(v) for v in re.findall(r"<li id=\"para_\d+\" value=\"(\d+)\"", html)]
print(" ".join(str(len(re.findall(r"<li ", l))) for l in lists),
      "in order" if values == list(range(1, len(values) + 1)) else "out of order")
' "$TMP/runs.html")
	expect "html: long runs of items, one list each, in order" \
	    "4161 4096 64 63 65 1 in order" "$got"
else
	notok "html: long runs of items, one list each, in order" "$(head -2 "$TMP/err")"
fi

# Overflow, accessibility (axe-core) and keyboard checks in a real browser:
# tests/t_browser.sh.

# A relative --data-dir: the stylesheet still finds its page template.
mkdir -p "$TMP/reldd"
if (cd "$ROOT" && "$RESPUB" site -q --data-dir . -d "$TMP/reldd" \
    examples/S-RES-1377-2001.txt 2>/dev/null) &&
    ls "$TMP"/reldd/*.html >/dev/null 2>&1 &&
    grep -q '<main' "$TMP"/reldd/index.html; then
	ok "site with a relative --data-dir writes its pages"
else
	notok "site with a relative --data-dir writes its pages"
fi
