#!/bin/sh
# t_versions.sh -- language versions of one resolution: one Work in the
# Akoma Ntoso, linked pages (head links, the language switch) and one
# index row in respub site; the side-by-side page (--parallel).
# Inputs: the Universal Declaration in six languages (tests/scripts) and
# S/RES/338 (1973) in English (its text prints the symbol), French and
# Arabic (web copies that print none: the file names give it).
. "$(dirname "$0")/lib.sh"

R="$RESPUB --data-dir $ROOT"
UDHR=$ROOT/tests/scripts
EN338=$ROOT/tests/corpus/S_RES_0338_1973_EN_GOLD.txt
FR338=$ROOT/tests/dev/fr/S_RES_0338_1973_fr.txt
AR338=$ROOT/tests/dev/ar/S_RES_338_1973_ar_marefa.txt
AR338B=$ROOT/tests/dev/ar/S_RES_338_1973_ar_aljazeera.txt

# The hrefs of a page's language switch, in order.
switch_of() {
	sed -n 's/.*<nav class="langs"[^>]*>\(.*\)<\/nav>.*/\1/p' "$1" |
	    grep -o 'href="[^"]*"' | tr '\n' ' '
}
# The hreflang of a page's head links, in order.
alternates_of() {
	grep -o '<link rel="alternate" href="[^"]*" hreflang="[^"]*"' "$1" |
	    sed 's/.*hreflang="//; s/"$//' | tr '\n' ' '
}

S=$TMP/site
RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" -q -d "$S" "$UDHR"/udhr-*.txt "$EN338" "$FR338" \
    "$AR338B" "$AR338" 2>"$TMP/site.err" ||
    notok "site: builds" "$(cat "$TMP/site.err")"

# One Work each: S/RES/338 (1973) in three languages, the Declaration in
# six, the two Arabic copies of 338 one page (the later kept, said).
expect "site: the Arabic copies of 338 are one page, the later kept" \
    "keeping $AR338 [duplicate]" \
    "$(grep -o 'keeping .*' "$TMP/site.err")"
expect "site: 338 is one row of its year, linking three languages" \
    "1 3" \
    "$(grep -c '<tr><td>' "$S/index-un-sc-1973.html") $(grep -o '<span class="versions">.*</span>' "$S/index-un-sc-1973.html" | grep -o '<a ' | wc -l)"
# Its year comes from the versions that print it (ar, ru, zh).
expect "site: the Declaration is one row of 1948, linking six languages" \
    "1 6" \
    "$(grep -c '<tr><td>' "$S"/index-un-ga-1948.html) $(grep -o '<span class="versions">.*</span>' "$S"/index-un-ga-1948.html | head -1 | grep -o '<a ' | wc -l)"
expect "site: the body counts resolutions, not versions" \
    'count="1"' \
    "$(grep -o '<s:body actor="un-sc"[^>]*' "$S/catalog.xml" | grep -o 'count="[0-9]*"')"

# The Declaration prints no symbol of its own; three of its versions name
# the resolution that adopted it ("第217A(III)号决议", "резолюцией 217 А
# (III)"): the six are listed under it, with its session's page.
expect "site: the Declaration is listed as A/RES/217 A (III), session 3" \
    '>A/RES/217 A (III)</a> index-un-ga-s3.html' \
    "$(grep -o '>A/RES/217 A (III)</a>' "$S/index-un-ga-1948.html") $(cd "$S" && ls index-un-ga-s3.html)"
# The page of the Declaration in language $1 (ISO 639-1).
udhr() {
	case $1 in en) echo A-RES-217-A-III.html ;;
	ar) echo A-RES-217-A-III-ara.html ;; zh) echo A-RES-217-A-III-zho.html ;;
	fr) echo A-RES-217-A-III-fra.html ;; ru) echo A-RES-217-A-III-rus.html ;;
	es) echo A-RES-217-A-III-spa.html ;; esac
}
# Every page links every version, in the UN order; the switch marks the
# page itself.
want="ar zh-Hans en fr ru es "
switch6=$(for l in ar zh en fr ru es; do printf 'href="%s" ' "$(udhr $l)"; done)
for l in ar zh en fr ru es; do
	expect "site: $(udhr $l) links the six versions (hreflang)" "$want" \
	    "$(alternates_of "$S/$(udhr $l)")"
	expect "site: $(udhr $l) switch, UN order, itself current" \
	    "$switch6|$(udhr $l)" \
	    "$(switch_of "$S/$(udhr $l)")|$(grep -o '<a href="[^"]*" aria-current="page" hreflang' "$S/$(udhr $l)" | sed 's/<a href="//; s/".*//')"
done
# The page's navigation is in its language: the breadcrumb names the body
# as the page's language does, and says what it is.
crumb() { grep -o '<nav class="crumbs" aria-label="[^"]*"><ol><li><a href="index.html">[^<]*</a></li><li><a href="index-un-ga.html">[^<]*<' "$S/$(udhr $1)" |
    sed 's/.*aria-label="\([^"]*\)".*index-un-ga.html">\([^<]*\)<$/\1|\2/'; }
expect "site: the Russian Declaration's breadcrumb in Russian" "Навигационная цепочка|Генеральная Ассамблея" "$(crumb ru)"
expect "site: the French Declaration's breadcrumb in French" "Fil d’Ariane|Assemblée générale" "$(crumb fr)"
expect "site: the Arabic Declaration's breadcrumb in Arabic" "مسار التنقل|الجمعية العامة" "$(crumb ar)"
expect "site: the English Declaration's breadcrumb in English" "Breadcrumb|General Assembly" "$(crumb en)"
expect "site: 338 in French switches to Arabic, English, French" \
    'href="S-RES-338-1973-ara.html" href="S-RES-338-1973.html" href="S-RES-338-1973-fra.html" ' \
    "$(switch_of "$S/S-RES-338-1973-fra.html")"

# The sitemap lists each version with its alternates (hreflang).
expect "sitemap: the French Declaration with its six alternates" \
    "ar zh-Hans en fr ru es " \
    "$(xmllint --xpath '//*[local-name()="url"][*[local-name()="loc"]="A-RES-217-A-III-fra.html"]/*[local-name()="link"]/@hreflang' "$S/sitemap.xml" 2>/dev/null | sed 's/ *hreflang="\([^"]*\)"/\1/' | tr '\n' ' ')"

# The Akoma Ntoso: one Work IRI, an Expression per language, each
# referring to the others; still valid.
works=$(for f in "$S"/S-RES-338-1973*.xml; do
	grep -o '<FRBRuri value="[^"]*"' "$f" | head -1
done | sort -u | wc -l)
exprs=$(for f in "$S"/S-RES-338-1973*.xml; do
	grep -o '<FRBRuri value="[^"]*"' "$f" | sed -n 2p
done | sort -u | wc -l)
expect "akn: 338 in three languages is one Work, three Expressions" "1 3" \
    "$works $exprs"
expect "akn: the French Expression refers to the Arabic and English ones" \
    "ara eng" \
    "$(grep -o 'TLCReference eId="version_[a-z]*"[^>]*name="languageVersion"' "$S/S-RES-338-1973-fra.xml" | sed 's/.*version_\([a-z]*\)".*/\1/' | tr '\n' ' ' | sed 's/ $//')"
expect "akn: the French text takes the date the English one gives" \
    '<FRBRdate date="1973-10-22" name="adoption"/>' \
    "$(grep -o '<FRBRdate[^>]*>' "$S/S-RES-338-1973-fra.xml" | head -1)"
if xmllint --noout --schema "$ROOT/tests/schema/akomantoso30.xsd" \
    "$S"/S-RES-338-1973*.xml "$S"/A-RES-217-A-III*.xml 2>"$TMP/xsd"; then
	ok "akn: the versions are valid Akoma Ntoso"
else
	notok "akn: the versions are valid Akoma Ntoso" "$(grep -v validates "$TMP/xsd" | head -3)"
fi

# A resolution in one language has no switch.
S1=$TMP/one
RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" -q -d "$S1" "$EN338" 2>/dev/null
expect "site: one language, no switch" "0" \
    "$(grep -c 'class="langs"' "$S1/S-RES-338-1973.html")"

# One symbol however a language writes it: full-width brackets, a
# leading zero, no blank (Markdown front matter gives it as it is).
cat >"$TMP/ru.md" <<'MD'
---
symbol: "S/RES/0338（1973）"
language: rus
---

Совет Безопасности,

1. призывает все стороны прекратить огонь;
MD
S2=$TMP/sym
RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" -q -d "$S2" "$EN338" "$TMP/ru.md" 2>/dev/null
expect "site: S/RES/0338（1973） is S/RES/338 (1973): one row, two languages" \
    "1 2" \
    "$(grep -c '<tr><td>' "$S2/index-un-sc-1973.html") $(grep -o '<span class="versions">.*</span>' "$S2/index-un-sc-1973.html" | grep -o '<a ' | wc -l)"

# A version removed: what the others gave it goes with it (issue 12: the
# Russian text prints no date, and kept the English one's, stale, in the
# catalog and the index).  The rebuild is the site of the Russian alone.
RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" -q -d "$S2" "$TMP/ru.md" 2>/dev/null
RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" -q -d "$TMP/ru-only" "$TMP/ru.md" 2>/dev/null
if diff -r "$S2" "$TMP/ru-only" >"$TMP/ru.diff" 2>&1; then
	ok "site: a version removed takes its date away (a build from nothing)"
else notok "site: a version removed takes its date away (a build from nothing)" \
    "$(head -3 "$TMP/ru.diff" | tr '\n' ';')"; fi

# ---------------------------------------------------------------- --parallel
# The side-by-side page: a column per version in the UN order, a row per
# part, paragraph n beside paragraph n; an empty cell and a warning where
# a version lacks a part; ids unique.
P=$TMP/p.html
$R --parallel -o "$P" "$EN338" "$FR338" "$AR338" 2>"$TMP/p.err" ||
    notok "parallel: respub --parallel" "status $?"
expect "parallel: columns in the UN order, right to left for Arabic" \
    'lang="ar" dir="rtl" lang="en" dir="ltr" lang="fr" dir="ltr" ' \
    "$(sed -n 's/.*<div class="prow phead">\(.*\)/\1/p' "$P" | sed 's/<div class="prow">.*//' | grep -o 'lang="[^"]*" dir="[^"]*"' | tr '\n' ' ')"
# Each operative paragraph's row holds paragraph n of each version.
for n in 1 2 3; do
	expect "parallel: operative paragraph $n beside its translations" \
	    "ara1-para_$n eng2-para_$n fra3-para_$n " \
	    "$(sed 's/<div class="prow">/\n&/g' "$P" | grep "id=\"eng2-para_$n\"" | grep -o 'id="[a-z]*[0-9]-para_[0-9]*"' | sed 's/id="//; s/"//' | tr '\n' ' ')"
done
expect "parallel: the English footnote stays under its paragraph's cell" \
    1 "$(sed 's/<div class="prow">/\n&/g' "$P" | grep 'eng2-conclusions__container_1' | grep -c '<ol class="cell-notes"><li id="eng2-authorialNote_1"')"
expect "parallel: the Arabic copy lacks the closing lines: an empty cell, a warning" \
    "1 1" \
    "$(sed 's/<div class="prow">/\n&/g' "$P" | grep 'eng2-conclusions__container_1' | grep -c '<div class="cell missing" lang="ar"') $(grep -c "S_RES_338_1973_ar_marefa.txt: warning: no container (eId conclusions__container_1) as in .*S_RES_0338_1973_EN_GOLD.txt" "$TMP/p.err")"
dups=$(grep -o ' id="[^"]*"' "$P" | sort | uniq -d | head -3)
expect "parallel: ids unique" "" "$dups"
$R --parallel -o "$TMP/p6.html" "$UDHR"/udhr-*.txt 2>/dev/null
expect "parallel: the Declaration in six columns" 6 \
    "$(sed -n 's/.*<div class="prow phead">\(.*\)/\1/p' "$TMP/p6.html" | sed 's/<div class="prow">.*//' | grep -o '<h2>' | wc -l)"
# Usage: one input, or other formats without -d.
$R --parallel -o "$TMP/x.html" "$EN338" 2>/dev/null
expect "parallel: one input is a usage error" 2 $?
$R --parallel -t html,pdf -o "$TMP/x.html" "$EN338" "$FR338" 2>/dev/null
expect "parallel: other formats need -d" 2 $?

# Under -d: each version in each format, the pages linking each other,
# the side-by-side page and (issue 13) the files written beside them.
D=$TMP/d
$R -q --parallel -t html,akn,md,pdf -d "$D" "$EN338" "$FR338" "$AR338" ||
    notok "parallel -d: status" "$?"
expect "parallel -d: the French page's switch: versions, then side by side" \
    'href="S_RES_338_1973_ar_marefa.html" href="S_RES_0338_1973_EN_GOLD.html" href="S_RES_0338_1973_fr.html" href="S_RES_0338_1973_EN_GOLD-parallel.html" ' \
    "$(switch_of "$D/S_RES_0338_1973_fr.html")"
expect "parallel -d: the side-by-side page exists and links the pages" \
    3 "$(grep -o '<h2><a href="[^"]*\.html">' "$D/S_RES_0338_1973_EN_GOLD-parallel.html" | wc -l)"

# ---------------------------------------------- pages written alone (13)
D2=$TMP/d2
$R -q -t html,pdf,md -d "$D2" "$ROOT/examples/S-RES-1377-2001.txt"
expect "-d: a page links the PDF and Markdown written beside it" \
    'href="S-RES-1377-2001.pdf" href="S-RES-1377-2001.md" ' \
    "$(grep -o '<p class="downloads">.*</p>' "$D2/S-RES-1377-2001.html" | grep -o 'href="[^"]*"' | tr '\n' ' ')"
expect "-d: the page alone links no site (no home, search, switch)" "0 0 0" \
    "$(grep -c 'href="index.html"' "$D2/S-RES-1377-2001.html") $(grep -c 'data-pagefind' "$D2/S-RES-1377-2001.html") $(grep -c '<nav class="langs"' "$D2/S-RES-1377-2001.html")"
$R -q -t html -o "$TMP/alone.html" "$ROOT/examples/S-RES-1377-2001.txt"
expect "-o: a page written alone links no files" 0 \
    "$(grep -c 'class="downloads"' "$TMP/alone.html")"

# respub site --parallel: a side-by-side page per Work in several
# languages, linked from its versions' switch, rebuilt only when one of
# them changes.
S3=$TMP/sp
RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" -q --parallel -d "$S3" \
    "$UDHR"/udhr-*.txt "$EN338" "$FR338" "$AR338" 2>/dev/null
expect "site --parallel: one side-by-side page per Work, linked" \
    "A-RES-217-A-III-parallel.html S-RES-338-1973-parallel.html|S-RES-338-1973-parallel.html" \
    "$(cd "$S3" && echo *-parallel.html)|$(grep -o 'class="parallel-link" href="[^"]*"' "$S3/S-RES-338-1973-fra.html" | sed 's/.*href="//; s/"//')"
out=$(RESPUB_PAGEFIND= $RESPUB site --data-dir "$ROOT" --parallel -d "$S3" \
    "$UDHR"/udhr-*.txt "$EN338" "$FR338" "$AR338" 2>&1 | tail -1)
expect "site --parallel: nothing changed, nothing written" "0 files written" \
    "$(echo "$out" | grep -o '[0-9]* files written')"
