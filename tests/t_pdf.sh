#!/bin/sh
# t_pdf.sh -- the PDF writer: every word of the model comes back out of
# the PDF in reading order, fonts embedded and subset, a valid file with a
# valid ToUnicode map, byte-identical runs, template and -V, outline,
# links and info, and a clear failure when a font is missing.
. "$(dirname "$0")/lib.sh"

R="$RESPUB --data-dir $ROOT"
CHECK=$TMP/pdf_check.py
cat > "$CHECK" <<'PY'
# pdf_check.py TREE TEXT: every word of the model's text (and numbers)
# is in the text pdftotext got back.  Words a line break split (at / or a
# hyphen) are looked for with white space dropped; a word hyphenated at a
# line end ("De-" "cember"), also with the hyphen dropped.
import re, sys

def tree_text(path):
    out = []
    for l in open(path, encoding="utf-8"):
        if l.startswith("  furniture"):
            break       # the source's page furniture, last, not printed
        for m in re.finditer(r' (?:text|num)="((?:[^"\\]|\\.)*)"', l):
            out.append(re.sub(r'\\(.)', lambda g: " " if g.group(1) == "n"
                              else g.group(1), m.group(1)))
    return " ".join(out)

got_text = open(sys.argv[2], encoding="utf-8").read()
got = set(re.findall(r"\w+", got_text))
got |= set(re.findall(r"\w+", re.sub(r"(\w)-\n(\w)", r"\1\2", got_text)))
# A word cut by a page break is read across the running head and the
# footer between its halves: drop short lines that repeat (those).
# The page number "n/N" is cut off first, so that footers repeat too.
lines = [re.sub(r"\s*\d+/\d+$", "", l) for l in got_text.splitlines()]
furniture = {l for l in lines if len(l) < 40 and lines.count(l) > 1}
joined = re.sub(r"\s+", "", "".join(l for l in lines if l not in furniture))
want = set(re.findall(r"\w+", tree_text(sys.argv[1])))
missing = sorted(w for w in want if w not in got and w not in joined)
if len(want) < 20 or missing:
    print("# %d words, missing:" % len(want), " ".join(missing[:12]))
    sys.exit(1)
PY

inputs="$ROOT/examples/*.txt $ROOT/tests/corpus/*"
[ -n "$RP_SANITIZED" ] && inputs="$ROOT/examples/S-RES-1377-2001.txt $ROOT/examples/S-RES-1456-2003-zh.txt"

for f in $inputs; do
	b=$(basename "$f")
	pdf=$TMP/$b.pdf
	if ! $R -q -t pdf "$f" -o "$pdf" 2>"$TMP/err"; then
		notok "$b: converts" "$(cat "$TMP/err")"
		continue
	fi
	if grep -q "no glyph" "$TMP/err"; then
		notok "$b: a glyph for every character" "$(cat "$TMP/err")"
	else
		ok "$b: a glyph for every character"
	fi
	# Reading order: the content stream's order, as -raw keeps it.
	pdftotext -raw -enc UTF-8 "$pdf" "$TMP/$b.txt" 2>"$TMP/poppler"
	$RESPUB -t tree "$f" > "$TMP/$b.tree" 2>/dev/null
	if out=$(python3 "$CHECK" "$TMP/$b.tree" "$TMP/$b.txt"); then
		ok "$b: pdftotext gives back every word"
	else
		notok "$b: pdftotext gives back every word" "$out"
	fi
	if [ -s "$TMP/poppler" ]; then
		notok "$b: poppler reads it without warnings" \
		    "$(head -2 "$TMP/poppler")"
	else
		ok "$b: poppler reads it without warnings"
	fi
	if qpdf --check "$pdf" >"$TMP/qpdf" 2>&1; then
		ok "$b: qpdf --check"
	else
		notok "$b: qpdf --check" "$(grep -iv '^checking\|^PDF Version' \
		    "$TMP/qpdf" | head -2)"
	fi
	fonts=$(pdffonts "$pdf" 2>/dev/null | tail -n +3)
	bad=$(printf '%s\n' "$fonts" | awk 'NF && !($(NF-4) == "yes" &&
	    $(NF-3) == "yes" && $(NF-2) == "yes" && $1 ~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/)')
	if [ -n "$fonts" ] && [ -z "$bad" ]; then
		ok "$b: fonts embedded, subset, with ToUnicode"
	else
		notok "$b: fonts embedded, subset, with ToUnicode" "$bad"
	fi
	pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	size=$(wc -c < "$f")
	if [ "${pages:-0}" -ge 1 ] && [ "$pages" -le $((size / 1500 + 2)) ]; then
		ok "$b: $pages pages"
	else
		notok "$b: page count" "${pages:-none} pages for $size bytes"
	fi
done

# Byte-identical output, dated from the document, not the clock.
f=$ROOT/examples/S-RES-1377-2001.txt
$R -t pdf "$f" -o "$TMP/a.pdf" && sleep 1 && $R -t pdf "$f" -o "$TMP/b.pdf"
if cmp -s "$TMP/a.pdf" "$TMP/b.pdf"; then ok "same input, same bytes"
else notok "same input, same bytes"; fi
expect "creation date is the adoption date" "Mon Nov 12 00:00:00 2001 UTC" \
    "$(pdfinfo "$TMP/a.pdf" | sed -n 's/^CreationDate: *//p')"
SOURCE_DATE_EPOCH=1700000000 $R -t pdf "$f" -o "$TMP/c.pdf"
expect "SOURCE_DATE_EPOCH sets the date" "Tue Nov 14 22:13:20 2023 UTC" \
    "$(pdfinfo "$TMP/c.pdf" | sed -n 's/^CreationDate: *//p')"
expect "subject is the symbol" "S/RES/1377 (2001)" \
    "$(pdfinfo "$TMP/a.pdf" | sed -n 's/^Subject: *//p')"
expect "author is the body" "Security Council" \
    "$(pdfinfo "$TMP/a.pdf" | sed -n 's/^Author: *//p')"
expect "A4 from the template" "595.276 x 841.89 pts (A4)" \
    "$(pdfinfo "$TMP/a.pdf" | sed -n 's/^Page size: *//p')"
$R -V page_size=Letter -t pdf "$f" -o "$TMP/l.pdf"
expect "-V page_size=Letter" "612 x 792 pts (letter)" \
    "$(pdfinfo "$TMP/l.pdf" | sed -n 's/^Page size: *//p')"
# The outline holds the resolution and its annex; /Lang is set.
qpdf --json "$TMP/a.pdf" > "$TMP/a.json" 2>/dev/null
n=$(grep -c '"title":' "$TMP/a.json")
if [ "$n" -ge 2 ]; then ok "outline: $n entries"
else notok "outline entries" "$n"; fi
qpdf --qdf --object-streams=disable "$TMP/a.pdf" "$TMP/q.pdf"
if grep -aq '/Lang (en)' "$TMP/q.pdf"; then ok "document language"
else notok "document language" "no /Lang (en)"; fi

# The labels (templates/labels/<lang>.conf) are built into the library:
# with no data directory, a Chinese text with no masthead still gets its
# first page and document info in Chinese.
RESPUB_DATA_DIR=$TMP/none $RESPUB -q -t pdf \
    "$ROOT/tests/dev/zh/S_RES_0004_1946_zh.txt" -o "$TMP/zn.pdf"
pdftotext -l 1 -enc UTF-8 "$TMP/zn.pdf" "$TMP/zn.txt"
if grep -q '^联合国$' "$TMP/zn.txt" && grep -q '^安全理事会$' "$TMP/zn.txt" &&
    grep -q '安全理事会第39次会议通过$' "$TMP/zn.txt" &&
    pdfinfo "$TMP/zn.pdf" | grep -q '^Keywords: *联合国; '; then
	ok "labels: built in (Chinese, no data directory)"
else
	notok "labels: built in" "$(head -12 "$TMP/zn.txt" | tr '\n' '|')"
fi

# A title that begins with the resolution's number ("2751 (XXVI).
# Admission du Bhoutan…") is not given the number a second time.
$RESPUB -q -t pdf "$ROOT/tests/dev/fr/A_RES_2751_XXVI_fr.txt" -o "$TMP/nt.pdf"
pdftotext -l 1 -enc UTF-8 "$TMP/nt.pdf" "$TMP/nt.txt"
if grep -q '^2751 (XXVI)\. Admission du Bhoutan' "$TMP/nt.txt"; then
	ok "title: its own number once"
else
	notok "title: its own number once" "$(grep -m1 Admission "$TMP/nt.txt")"
fi

# Links: cited documents and footnote markers.
f=$ROOT/examples/E-RES-2005-19.txt
$R -t pdf "$f" -o "$TMP/e.pdf"
if pdfinfo -url "$TMP/e.pdf" 2>/dev/null | grep -q 'https://undocs.org/'
then ok "URI links to cited documents"
else notok "URI links to cited documents"; fi
qpdf --qdf --object-streams=disable "$TMP/e.pdf" "$TMP/eq.pdf"
if grep -aq '/Dest [0-9][0-9]* 0 R' "$TMP/eq.pdf"; then ok "footnote markers link to notes"
else notok "footnote markers link to notes"; fi

# A font that is not there: an error naming it, no output at all.
rm -f "$TMP/x.pdf"
$R -V font_italic=/nonexistent/font.ttf -t pdf "$f" -o "$TMP/x.pdf" \
    2>"$TMP/err"
st=$?
if [ "$st" -ne 0 ] && grep -q '/nonexistent/font.ttf' "$TMP/err" &&
    [ ! -e "$TMP/x.pdf" ]; then
	ok "missing font: clear error, status $st, no output"
else
	notok "missing font" "status $st: $(cat "$TMP/err")"
fi
printf 'not a font\n' > "$TMP/bad.ttf"
$R -V "font_cjk=$TMP/bad.ttf" -t pdf "$f" -o "$TMP/x.pdf" 2>"$TMP/err"
st=$?
if [ "$st" -ne 0 ] && grep -q 'not a TrueType' "$TMP/err" &&
    [ ! -e "$TMP/x.pdf" ]; then
	ok "unreadable font: clear error, no output"
else
	notok "unreadable font" "status $st: $(cat "$TMP/err")"
fi
printf 'page_size = A4\nnot a key line\n' > "$TMP/t.conf"
if ! $R --template "$TMP/t.conf" -t pdf "$f" -o "$TMP/x.pdf" 2>"$TMP/err" &&
    grep -q 't.conf:2' "$TMP/err"; then
	ok "bad template line is reported"
else
	notok "bad template line is reported" "$(cat "$TMP/err")"
fi

# Hyphenation (lang/<lang>.conf names the patterns): paragraphs with long
# words in a narrow measure, in English, French, Spanish and Russian, are
# hyphenated at valid points and lose no word (tests/tools/hyphen_check.py
# says what is checked); -V hyphenate=no turns it off.
narrow="-V margin_left=62mm -V margin_right=62mm"
for l in en fr es ru; do
	f=$ROOT/tests/hyphen/$l.txt
	for on in yes no; do
		# shellcheck disable=SC2086
		$R -q -t pdf $narrow -V hyphenate=$on "$f" -o "$TMP/h$l$on.pdf"
		pdftotext -raw -enc UTF-8 "$TMP/h$l$on.pdf" "$TMP/h$l$on.raw"
		pdftotext -enc UTF-8 "$TMP/h$l$on.pdf" "$TMP/h$l$on.txt"
	done
	if r=$(python3 "$ROOT/tests/tools/hyphen_check.py" "$ROOT/lang/$l.conf" \
	    "$f" "$TMP/h${l}yes.raw" "$TMP/h${l}yes.txt"); then
		ok "hyphenation $l: valid points, no word lost ($(echo "$r" | head -1 | cut -c3-))"
	else
		notok "hyphenation $l" "$(echo "$r" | tr '\n' ';')"
	fi
	if r=$(python3 "$ROOT/tests/tools/hyphen_check.py" "$ROOT/lang/$l.conf" \
	    "$f" "$TMP/h${l}no.raw" "$TMP/h${l}no.txt" --none); then
		ok "hyphenation $l: none with -V hyphenate=no"
	else
		notok "hyphenation $l: none with -V hyphenate=no" "$(echo "$r" | tr '\n' ';')"
	fi
done
# Real Russian texts too (hyphen-ru's patterns, lang/ru.conf): the
# Universal Declaration and the Russian dev texts in the narrow measure.
for f in "$ROOT/tests/scripts/udhr-ru.txt" "$ROOT"/tests/dev/ru/*.txt; do
	b=$(basename "$f" .txt)
	# shellcheck disable=SC2086
	$R -q -t pdf $narrow "$f" -o "$TMP/h$b.pdf"
	pdftotext -raw -enc UTF-8 "$TMP/h$b.pdf" "$TMP/h$b.raw"
	pdftotext -enc UTF-8 "$TMP/h$b.pdf" "$TMP/h$b.txt"
	if r=$(python3 "$ROOT/tests/tools/hyphen_check.py" "$ROOT/lang/ru.conf" \
	    "$f" "$TMP/h$b.raw" "$TMP/h$b.txt"); then
		ok "hyphenation ru $b: valid points, no word lost ($(echo "$r" | head -1 | cut -c3- | cut -d' ' -f1-6))"
	else
		notok "hyphenation ru $b" "$(echo "$r" | tr '\n' ';' | cut -c1-300)"
	fi
done
# The checker finds bad breaks (each rule can fail).
printf 'Title\n\nUNESCO and desarrollo and palabras and wordy texto\n' > "$TMP/bad.txt"
printf 'the UNES-\nCO and desarrol-\nlo and palabr-\nas and w-\nordy tex-\nto\n' > "$TMP/bad.raw"
r=$(python3 "$ROOT/tests/tools/hyphen_check.py" "$ROOT/lang/es.conf" \
    "$TMP/bad.txt" "$TMP/bad.raw" "$TMP/bad.raw")
case $r in
*capitals*ch,\ ll*row*letters*vowel*last\ word*) ok "hyphen_check.py: finds bad breaks" ;;
*) notok "hyphen_check.py: finds bad breaks" "$(echo "$r" | tr '\n' ';')" ;;
esac
