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
