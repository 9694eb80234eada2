#!/bin/sh
# t_look.sh -- the official look (issue 11) on the examples and a corpus
# sample: every preambular and operative opener italic in the AKN (a
# leading <i>), the HTML, the Markdown and the PDF (pdftohtml -xml), and
# the PDF's lines (pdftotext -bbox-layout) without a ragged line inside a
# justified paragraph, a word gap over 0.8 em, a Latin run letter-spaced
# between Han characters or a line starting with a footnote marker
# (tests/tools/look_openers.py, look_pdf.py say how); no missing glyph.
. "$(dirname "$0")/lib.sh"

for t in pdftotext pdftohtml python3; do
	command -v $t >/dev/null 2>&1 || { echo "ok - look # SKIP no $t"; exit 0; }
done
TOOLS=$ROOT/tests/tools
inputs="$ROOT/examples/*.txt $ROOT/tests/corpus/*.md
    $ROOT/tests/corpus/A_RES_80_1*.pdftext.txt
    $ROOT/tests/corpus/S_RES_0086_1950_EN_GOLD.txt
    $ROOT/tests/corpus/S_RES_0221_1966_EN_GOLD.txt"
[ -n "$RP_SANITIZED" ] && inputs="$ROOT/examples/S-RES-1377-2001.txt $ROOT/examples/S-RES-1456-2003-zh.txt"
count=0
for f in $inputs; do
	[ -f "$f" ] || continue
	b=$(basename "$f")
	s=${b%.*}
	d=$TMP/$s
	mkdir -p "$d"
	if ! "$RESPUB" -q -t akn,html,md,pdf -d "$d" "$f" 2>"$d/err"; then
		notok "look $b: converts" "$(head -2 "$d/err")"
		continue
	fi
	count=$((count + 1))
	out=$(ls "$d"/*.xml)
	base=${out%.xml}
	if grep -q "no glyph" "$d/err"; then
		notok "look $b: a glyph for every character" "$(cat "$d/err")"
	else
		ok "look $b: a glyph for every character"
	fi
	pdftohtml -xml -i -stdout "$base.pdf" > "$d/pdf.xml" 2>/dev/null
	if r=$(python3 "$TOOLS/look_openers.py" "$base.xml" "$base.html" \
	    "$base.md" "$d/pdf.xml"); then
		ok "look $b: openers italic in AKN, HTML, Markdown, PDF ($(echo "$r" | tail -1 | tr -d '#'))"
	else
		notok "look $b: openers italic in AKN, HTML, Markdown, PDF" \
		    "$(echo "$r" | head -3 | tr '\n' ';')"
	fi
	pdftotext -bbox-layout "$base.pdf" "$d/bbox.html"
	if r=$(python3 "$TOOLS/look_pdf.py" "$d/bbox.html" 0.8); then
		ok "look $b: PDF lines full, gaps under 0.8 em, no tracked Latin, no marker at a line start"
	else
		notok "look $b: PDF line faults" "$(echo "$r" | head -3 | tr '\n' ';')"
	fi
done
want=5
[ -n "$RP_SANITIZED" ] && want=2
[ "$count" -ge $want ] && ok "look: $count documents checked" ||
    notok "look: expected the examples and a corpus sample" "$n"

# The checkers find what they are made for (each can fail).
cat > "$TMP/ragged.html" <<'EOF'
<html xmlns="http://www.w3.org/1999/xhtml"><body><doc><page>
<line><word xMin="100" yMin="100" xMax="300" yMax="111.07">aaa</word><word xMin="302" yMin="100" xMax="500" yMax="111.07">bbb</word></line>
<line><word xMin="100" yMin="112" xMax="300" yMax="123.07">ccc</word><word xMin="302" yMin="112" xMax="460" yMax="123.07">ddd</word></line>
<line><word xMin="100" yMin="124" xMax="300" yMax="135.07">eee</word><word xMin="312" yMin="124" xMax="500" yMax="135.07">fff</word></line>
<line><word xMin="100" yMin="136" xMax="200" yMax="147.07">ggg</word></line>
</page></doc></body></html>
EOF
r=$(python3 "$TOOLS/look_pdf.py" "$TMP/ragged.html" 0.8)
case $r in
*ragged*loose*) ok "look_pdf.py: finds a ragged line and a loose gap" ;;
*) notok "look_pdf.py: finds a ragged line and a loose gap" "$r" ;;
esac

# Every Unicode space at its width, never a missing glyph or a word space:
# em 1, en 1/2, three-per-em 1/3, figure a digit (1/2), thin 1/5, narrow
# no-break 1/6, no-break the face's space (1/4), medium math 4/18.
printf 'Test\n\nThe General Assembly,\n\n1. Alpha\342\200\203beta\342\200\202gamma\342\200\204delta\342\200\207epsilon\342\200\211zeta\342\200\257eta\302\240theta\342\201\237iota.\n' > "$TMP/spaces.txt"
if "$RESPUB" -q -t pdf -V justify=0 -V size=10pt -o "$TMP/spaces.pdf" "$TMP/spaces.txt" 2>"$TMP/spaces.err" &&
    ! grep -q "no glyph" "$TMP/spaces.err" &&
    pdftotext -bbox "$TMP/spaces.pdf" "$TMP/spaces.html" &&
    r=$(python3 "$TOOLS/look_spaces.py" "$TMP/spaces.html" 10 beta:1 \
    gamma:0.5 delta:0.333 epsilon:0.5 zeta:0.2 eta:0.167 theta:0.25 \
    iota.:0.222); then
	ok "look: Unicode spaces at their widths"
else
	notok "look: Unicode spaces at their widths" "$(cat "$TMP/spaces.err") $r"
fi

# The HTML keeps every one of them (the browser sets their widths; Latin
# text is not justified there, so none is stretched).
if "$RESPUB" -q -t html -o "$TMP/spaces.html" "$TMP/spaces.txt" &&
    grep -q "$(sed -n 's/^1\. //p' "$TMP/spaces.txt")" "$TMP/spaces.html"; then
	ok "look: Unicode spaces kept in the HTML"
else
	notok "look: Unicode spaces kept in the HTML"
fi

# A footnote marker after a space attaches to the word before it: no
# space before it in the AKN and the HTML, no gap before it in the PDF.
printf 'Test\n\nThe General Assembly,\n\n1. Welcomes the report on Development \302\271 and peace.\n\n\302\271 A/80/1.\n' > "$TMP/mark.txt"
if "$RESPUB" -q -t akn,html,pdf -d "$TMP/mark" "$TMP/mark.txt"; then
	akn=$(xmllint --xpath 'string((//*[local-name()="authorialNote"])[1]/preceding-sibling::node()[1])' "$TMP/mark/mark.xml" 2>/dev/null)
	html=$(xmllint --html --xpath 'string((//sup[@class="fnref"])[1]/preceding-sibling::node()[1])' "$TMP/mark/mark.html" 2>/dev/null)
	pdf=$(pdftotext "$TMP/mark/mark.pdf" - | tr '\n' ' ')
	case "$akn|$html|$pdf" in
	*Development\|*Development\|*Development1\ and*)
		ok "look: a footnote marker after a space attaches to its word" ;;
	*) notok "look: a footnote marker after a space attaches to its word" \
	    "AKN '$akn' HTML '$html'" ;;
	esac
else
	notok "look: a footnote marker after a space attaches to its word"
fi

# Extraction debris standing for a separator is printed as the template's
# separator ("* * *"), in PDF and HTML; the AKN keeps the source's.
printf 'Test\n\nThe General Assembly,\n\n1. Decides one.\n\n*  **  **  **  *        ****\n\n2. Decides two.\n' > "$TMP/sep.txt"
if "$RESPUB" -q -t akn,html,pdf -d "$TMP/sep" "$TMP/sep.txt"; then
	pdf=$(pdftotext "$TMP/sep/sep.pdf" - | grep '\*' | tr -d ' ')
	html=$(xmllint --html --xpath 'normalize-space(//p[@class="separator"])' "$TMP/sep/sep.html" 2>/dev/null)
	akn=$(grep -c '\*\*\*\*' "$TMP/sep/sep.xml")
	if [ "$pdf" = '***' ] && [ "$html" = '* * *' ] &&
	    [ "$akn" -ge 1 ]; then
		ok "look: a separator printed as * * *, kept in the AKN"
	else
		notok "look: a separator printed as * * *, kept in the AKN" \
		    "PDF '$pdf' HTML '$html' AKN $akn"
	fi
else
	notok "look: a separator printed as * * *, kept in the AKN"
fi

# Typographic quotes (lang/<lang>.conf: quotes, single quotes, apostrophe)
# in the PDF and the HTML; the AKN keeps the source's straight ones;
# -V quotes=no keeps them everywhere (English, French, Chinese, Russian:
# « » with no space inside).  A quote between two letters (no spaces in
# Chinese) closes the one open, else opens one.
q="'"
en_src="the \"Blue Helmets\" and the Secretary-General${q}s report \"Peace in ${q}our${q} time\""
fr_src="le rapport intitulé \"La situation concernant l${q}Afrique\""
zh_src='题为"大会工作的振兴"的'
ru_src='свою резолюцию "Мир и безопасность"'
printf 'Test\n\nThe General Assembly,\n\nRecalling %s,\n\n1. Decides that the "agenda" stays "open";\n' "$en_src" > "$TMP/q-en.txt"
printf 'Test\n\nLe Conseil de sécurité,\n\nRappelant %s,\n\n1. Décide de rester saisi de la question ;\n' "$fr_src" > "$TMP/q-fr.txt"
printf '测试\n\n安全理事会，\n\n回顾%s第48/264号决议，\n\n1. 决定继续处理此案。\n' "$zh_src" > "$TMP/q-zh.txt"
printf 'Резолюция\n\nСовет Безопасности,\n\nссылаясь на %s,\n\n1. постановляет продолжать заниматься этим вопросом.\n' "$ru_src" > "$TMP/q-ru.txt"
en='the “Blue Helmets” and the Secretary-General’s report “Peace in ‘our’ time”'
fr=$(printf 'le rapport intitulé \302\253\342\200\257La situation concernant l’Afrique\342\200\257\302\273')
zh='题为“大会工作的振兴”的'
ru='свою резолюцию «Мир и безопасность»'
# The text of the HTML page's body, of the PDF (pdftotext gives French
# narrow spaces as plain ones), on one line.
html_text() { xmllint --html --xpath 'string(//body)' "$1" 2>/dev/null | tr '\n' ' '; }
pdf_text() { pdftotext "$1" - | tr '\n' ' ' | sed 's/\xe2\x80\xaf/ /g'; }
for l in en fr zh ru; do
	eval want=\$$l src=\$${l}_src
	pdfwant=$(printf '%s' "$want" | sed 's/\xe2\x80\xaf/ /g')
	if ! "$RESPUB" -q -t akn,html,pdf -d "$TMP/q-$l" "$TMP/q-$l.txt" ||
	    ! "$RESPUB" -q -t html,pdf -V quotes=no -d "$TMP/q-$l-no" "$TMP/q-$l.txt"; then
		notok "look: typographic quotes ($l)" "does not convert"
		continue
	fi
	r=
	case $(html_text "$TMP/q-$l/q-$l.html") in *"$want"*) ;; *) r="$r HTML" ;; esac
	case $(pdf_text "$TMP/q-$l/q-$l.pdf") in *"$pdfwant"*) ;; *) r="$r PDF" ;; esac
	akn=$(xmllint --xpath 'string(//*[local-name()="preamble"])' "$TMP/q-$l/q-$l.xml" | tr '\n' ' ')
	case $akn in *"$src"*) ;; *) r="$r AKN" ;; esac
	case $(html_text "$TMP/q-$l-no/q-$l.html") in *"$src"*) ;; *) r="$r HTML-no" ;; esac
	case $(pdf_text "$TMP/q-$l-no/q-$l.pdf") in *"$src"*) ;; *) r="$r PDF-no" ;; esac
	if [ -z "$r" ]; then
		ok "look: typographic quotes in PDF and HTML, the source's in the AKN and with quotes=no ($l)"
	else
		notok "look: typographic quotes ($l)" "wrong in$r"
	fi
done
if "$RESPUB" -q -t html -V quotes=maybe -o "$TMP/q.html" "$TMP/q-en.txt" 2>"$TMP/q.err"; then
	notok "look: -V quotes=maybe is refused"
else
	expect "look: -V quotes=maybe is refused on one line" 1 "$(wc -l < "$TMP/q.err" | tr -d ' ')"
fi

# The first-line indent is a template length in ems: indent_zh = 2em of
# size_zh (两字); 4em moves the Chinese formula's first line 22pt more.
fx() { pdftotext -bbox "$1" - | sed -n 's/.*xMin="\([0-9.]*\)".*>安全理事会，<.*/\1/p' | head -1; }
if "$RESPUB" -q -t pdf -o "$TMP/i2.pdf" "$TMP/q-zh.txt" &&
    "$RESPUB" -q -t pdf -V indent_zh=4em -o "$TMP/i4.pdf" "$TMP/q-zh.txt"; then
	expect "look: indent_zh in ems of size_zh" 22 \
	    "$(awk -v a="$(fx "$TMP/i2.pdf")" -v b="$(fx "$TMP/i4.pdf")" 'BEGIN { printf "%.0f", b - a }')"
else
	notok "look: indent_zh in ems of size_zh" "does not convert"
fi

# The print job number in the AKN as AKN4UN marks it: a docketNumber
# referring to a TLCConcept; the file stays schema-valid and reads back
# the same; the PDF prints it in the first page's footer.
f=$ROOT/tests/corpus/A_RES_80_1.pdftext.txt
if "$RESPUB" -q -t akn,pdf -d "$TMP/job" "$f" &&
    "$RESPUB" -q -t akn -o "$TMP/job/again.xml" "$TMP/job/A_RES_80_1.pdftext.xml"; then
	x=$TMP/job/A_RES_80_1.pdftext.xml
	job=$(xmllint --xpath 'string(//*[local-name()="preface"]//*[local-name()="docketNumber"][substring(@refersTo, 2) = //*[local-name()="TLCConcept"]/@eId])' "$x" 2>/dev/null)
	foot=$(pdftotext -f 1 -l 1 "$TMP/job/A_RES_80_1.pdftext.pdf" - | grep -c '^25-15106 (E)$')
	if [ "$job" = "25-15106 (E)" ] && [ "$foot" = 1 ] &&
	    cmp -s "$x" "$TMP/job/again.xml" &&
	    { [ ! -f "$ROOT/tests/schema/akomantoso30.xsd" ] ||
	    xmllint --nonet --noout --schema "$ROOT/tests/schema/akomantoso30.xsd" "$x" 2>/dev/null; }; then
		ok "look: job number a docketNumber in the AKN, in the PDF footer"
	else
		notok "look: job number a docketNumber in the AKN, in the PDF footer" "AKN '$job' footer $foot"
	fi
else
	notok "look: job number a docketNumber in the AKN, in the PDF footer" "does not convert"
fi
