#!/bin/sh
# t_labels.sh -- the fixed words: one table per language
# (templates/labels/<lang>.conf) for the PDF, the HTML pages and the site,
# and the month names of the reader's table (lang/<lang>.conf) for all.
# A data directory with one label and one month changed: both show in
# every writer that prints them, and a site built before is rebuilt.
. "$(dirname "$0")/lib.sh"

FR=$ROOT/tests/dev/fr/S_RES_0057_1948_fr.txt	# 18 septembre 1948, SC
D=$TMP/data
mkdir -p "$D"
cp -r "$ROOT/templates" "$ROOT/stylesheets" "$ROOT/lang" "$D/"

# pdf FILE, html FILE: the first page's text, the page's metadata box.
pdf() {
	RESPUB_DATA_DIR=$D "$RESPUB" -q -t pdf -o "$TMP/p.pdf" "$1" &&
	    pdftotext -l 1 -enc UTF-8 "$TMP/p.pdf" - | tr '\n' ' '
}
html() {
	RESPUB_DATA_DIR=$D "$RESPUB" -q -t html -o - "$1" |
	    sed -n '/<dl class="docmeta"/,/<\/dl>/p' | tr '\n' ' '
}
has() {	# has NAME WANT GOT
	case $3 in
	*"$2"*) ok "$1" ;;
	*) notok "$1" "no '$2' in '$(echo "$3" | tr '\n' ' ' | cut -c1-240)'" ;;
	esac
}

# As shipped: the French words and month.
has "PDF: French body and date from the tables" \
    "Distr. générale 18 septembre 1948" "$(pdf "$FR")"
has "HTML: French body and date from the tables" \
    "<dd>Conseil de sécurité</dd>" "$(html "$FR")"

# The 1st: the first-day form of the table ("1er") in both writers.
sed 's/18 septembre 1948/1er septembre 1948/' "$FR" > "$TMP/first.txt"
has "PDF: the 1st as first-day of fr.conf" "Distr. générale 1er septembre 1948" \
    "$(pdf "$TMP/first.txt")"
has "HTML: the same 1st" '<time datetime="1948-09-01">1er septembre 1948' \
    "$(html "$TMP/first.txt")"

# One label changed in the one French table: PDF and HTML print it.
sed -i 's/^org-un-sc = .*/org-un-sc = Conseil (essai)/' \
    "$D/templates/labels/fr.conf"
has "PDF: a label changed in templates/labels/fr.conf" \
    "Conseil (essai)" "$(pdf "$FR")"
has "HTML: the same label changed" "<dd>Conseil (essai)</dd>" \
    "$(html "$FR")"
sed -i 's/^first-day = .*/first-day = premier/' "$D/templates/labels/fr.conf"
has "PDF: first-day changed in fr.conf" "premier septembre 1948" \
    "$(pdf "$TMP/first.txt")"
has "HTML: the same first-day" "premier septembre 1948" \
    "$(html "$TMP/first.txt")"

# A month's first name changed in the reader's table (lang/fr.conf):
# the writers print it, the reader still reads the old one.
sed -i 's/^\[months\]$/[months]\nvendémiaire = 9/' "$D/lang/fr.conf"
has "PDF: the month as lang/fr.conf names it first" \
    "18 vendémiaire 1948" "$(pdf "$FR")"
has "HTML: the same month" "18 vendémiaire 1948" "$(html "$FR")"
expect "the reader still reads the date" "1948-09-18" \
    "$(RESPUB_DATA_DIR=$D "$RESPUB" -q -t akn -o - "$FR" |
    grep -o 'FRBRdate date="[^"]*"' | head -1 | sed 's/.*="//; s/"//')"

# A language of the data directory's own (labels and a reader's table):
# its strings reach the stylesheet.
printf 'site-name = Beschlüsse\n' > "$D/templates/labels/de.conf"
printf '[language]\ncode = deu\n[months]\nJanuar = 1\n' > "$D/lang/de.conf"
s=$(RESPUB_DATA_DIR=$D "$RESPUB" --data-dir "$D" --strings -o -)
has "--strings: a new language's label" \
    '<t:s key="site-name" lang="de">Beschlüsse</t:s>' "$s"
has "--strings: a new language's month" \
    '<t:s key="month-1" lang="de">Januar</t:s>' "$s"

# respub site: a label changed after a build renders the pages again.
RESPUB_DATA_DIR=$D "$RESPUB" site -q -d "$TMP/site" "$FR" 2>/dev/null
sed -i 's/^symbol = .*/symbol = Cote du document/' "$D/templates/labels/fr.conf"
RESPUB_DATA_DIR=$D "$RESPUB" site -q -d "$TMP/site" "$FR" 2>/dev/null
has "site: a label changed in the tables is rebuilt" "Cote du document" \
    "$(cat "$TMP"/site/S-RES-57-1948-fra.html 2>/dev/null)"

# Keys of a user's table by their old names (before session 8): one
# warning a key (the first line it is on) naming the file, the line and
# the new name; the value read under it.
O=$TMP/old
mkdir -p "$O"
cp -r "$ROOT/templates" "$ROOT/stylesheets" "$ROOT/lang" "$O/"
sed -i '/^org-un-sc =/d' "$O/templates/labels/fr.conf"
n=$(wc -l < "$O/templates/labels/fr.conf")
printf 'body_sc = Conseil (ancien nom)\nmonths = a, b\nbody_sc = x\n' \
    >> "$O/templates/labels/fr.conf"
"$RESPUB" --data-dir "$O" -q -t html -o "$TMP/old.html" "$FR" 2>"$TMP/old.err"
expect "old keys: one warning each, with file, line and new name" \
"respub: $O/templates/labels/fr.conf:$((n + 1)): warning: 'body_sc' is now 'org-un-sc' (read as it: rename it) [label-key]
respub: $O/templates/labels/fr.conf:$((n + 2)): warning: 'months' is no longer read: see the [months] of lang/<tag>.conf [label-key]" \
    "$(cat "$TMP/old.err")"
has "old keys: the value read by the new name" "<dd>Conseil (ancien nom)</dd>" \
    "$(tr '\n' ' ' < "$TMP/old.html")"
"$RESPUB" site -q --data-dir "$O" -d "$TMP/site-old" "$FR" 2>"$TMP/old.err"
expect "old keys: respub site warns once, not once a process" 2 \
    "$(grep -c 'label-key' "$TMP/old.err")"

# respub site in each language: no fixed English word (en.conf's values
# that the language's table words otherwise) on any page or feed of a
# site of the Universal Declaration and a resolution in that language,
# its index pages in that language (the site's: most of its inputs').
U=$ROOT/tests/scripts	# udhr-6 of the shared corpus
for l in fr:fr/S_RES_0338_1973_fr.txt ru:ru/S_RES_1224_1999_ru.txt \
    ar:ar/S_RES_338_1973_ar_marefa.txt zh:zh/S_RES_0044_1948_zh.txt \
    es:es/S_RES_1414_2002_es.txt; do
	t=${l%%:*}
	"$RESPUB" site -q -d "$TMP/site-$t" "$U/udhr-$t.txt" \
	    "$ROOT/tests/dev/${l#*:}" 2>/dev/null
	set -- $(ls "$TMP/site-$t"/*.html "$TMP/site-$t"/feed-*.xml \
	    2>/dev/null)
	if [ "$#" -lt 5 ]; then
		notok "site in $t: no English fixed word" "only $# pages"
	elif r=$(python3 "$ROOT/tests/tools/english_left.py" "$ROOT" "$t" \
	    "$@"); then
		ok "site in $t: no English fixed word ($# pages and feeds)"
	else
		notok "site in $t: no English fixed word" "$(echo "$r" |
		    head -3 | tr '\n' ' ')"
	fi
done
has "site in ar: index pages right to left" '<html lang="ar" dir="rtl"' \
    "$(cat "$TMP/site-ar/index.html")"

# A site of two French inputs and one English: French, and its index
# lists the Universal Declaration (undated) by its French version.
"$RESPUB" site -q -d "$TMP/site-mixed" "$U/udhr-en.txt" "$U/udhr-fr.txt" \
    "$FR" 2>/dev/null
i=$(cat "$TMP/site-mixed/index-un-ga-undated.html")
has "a site mostly in French: French index" '<html lang="fr"' "$i"
has "... listing a Work by its French version" 'Déclaration universelle' "$i"
has "... the English version's page in English" 'United Nations resolutions' \
    "$(cat "$TMP/site-mixed/udhr-en.html")"
