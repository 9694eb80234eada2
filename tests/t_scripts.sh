#!/bin/sh
# t_scripts.sh -- PDF in the six UN languages, from the Universal
# Declaration in each (tests/scripts/udhr-*.txt, from the shared corpus):
# a glyph for every character, fonts embedded, pdftotext gives every
# word back in reading (logical) order, Arabic included; every Arabic
# word is drawn glyph for glyph as HarfBuzz's hb-shape shapes it.
. "$(dirname "$0")/lib.sh"

R="$RESPUB --data-dir $ROOT"
ORDER=$TMP/order.py
cat > "$ORDER" <<'PY'
# order.py TREE TEXT: the words of the model's text come back from
# pdftotext in the same order (words of running heads and page numbers
# may come between).  CJK characters count one by one, other words are
# runs of letters and digits (an Arabic mark ends one: both sides alike).
import re, sys

def tree_text(path):
    out = []
    for l in open(path, encoding="utf-8"):
        for m in re.finditer(r' (?:text|num)="((?:[^"\\]|\\.)*)"', l):
            out.append(re.sub(r'\\(.)', lambda g: " " if g.group(1) == "n"
                              else g.group(1), m.group(1)))
    return " ".join(out)

word = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff]+")
def words(s):
    return word.findall(s)

want = words(tree_text(sys.argv[1]))
# A word hyphenated at a line end ("обязанно-" "стей") is one word again
# where the text has it whole (a compound cut at its hyphen stays two).
whole = set(want)
got = words(re.sub(r"([^\W\d_]+)-\n\s*([^\W\d_]+)", lambda m: m.group(1) +
                   m.group(2) if m.group(1) + m.group(2) in whole else
                   m.group(0), open(sys.argv[2], encoding="utf-8").read()))
i = 0
for w in got:
    if i < len(want) and w == want[i]:
        i += 1
if i < len(want) or len(want) < 500:
    print("# %d of %d words in order; then %s, got near it: %s" % (i,
          len(want), " ".join(want[i:i + 4]), " ".join(got[i:i + 6])))
    sys.exit(1)
print("# %d words in order" % len(want))
PY

AMIRI=/usr/share/fonts/opentype/fonts-hosny-amiri
for l in ar zh en fr ru es; do
	f=$ROOT/tests/scripts/udhr-$l.txt
	pdf=$TMP/$l.pdf
	if ! $R -t pdf "$f" -o "$pdf" 2>"$TMP/err"; then
		notok "udhr-$l: converts" "$(cat "$TMP/err")"
		continue
	fi
	if grep -q "no glyph" "$TMP/err"; then
		notok "udhr-$l: a glyph for every character" "$(cat "$TMP/err")"
	else
		ok "udhr-$l: a glyph for every character"
	fi
	fonts=$(pdffonts "$pdf" 2>/dev/null | tail -n +3)
	bad=$(printf '%s\n' "$fonts" | awk 'NF && !($(NF-4) == "yes" &&
	    $(NF-3) == "yes" && $(NF-2) == "yes")')
	if [ -n "$fonts" ] && [ -z "$bad" ]; then
		ok "udhr-$l: fonts embedded, subset, with ToUnicode"
	else
		notok "udhr-$l: fonts embedded, subset, with ToUnicode" "$bad"
	fi
	qpdf --qdf --object-streams=disable "$pdf" "$TMP/q.pdf" 2>/dev/null
	if grep -aq "/Lang ($l)" "$TMP/q.pdf"; then ok "udhr-$l: /Lang ($l)"
	else notok "udhr-$l: /Lang ($l)" "$(grep -ao '/Lang ([^)]*)' "$TMP/q.pdf")"; fi
	if qpdf --check "$pdf" >"$TMP/qpdf" 2>&1; then
		ok "udhr-$l: qpdf --check"
	else
		notok "udhr-$l: qpdf --check" "$(tail -2 "$TMP/qpdf")"
	fi
	# Reading order line by line, as poppler's -layout reads the page
	# (right-to-left lines come back in logical order).
	pdftotext -layout -enc UTF-8 "$pdf" "$TMP/$l.txt" 2>"$TMP/poppler"
	if [ -s "$TMP/poppler" ]; then
		notok "udhr-$l: poppler reads it without warnings" \
		    "$(head -2 "$TMP/poppler")"
	else
		ok "udhr-$l: poppler reads it without warnings"
	fi
	$RESPUB -t tree "$f" > "$TMP/$l.tree" 2>/dev/null
	if out=$(python3 "$ORDER" "$TMP/$l.tree" "$TMP/$l.txt"); then
		ok "udhr-$l: pdftotext gives every word back in order $out"
	else
		notok "udhr-$l: pdftotext gives every word back in order" "$out"
	fi
done

# Arabic: shaped as HarfBuzz shapes it, in Amiri, the document's language.
# hb-shape comes with libharfbuzz-bin (make deps); without it the
# comparisons are skipped, said so.
HB_SKIP=
command -v hb-shape >/dev/null 2>&1 ||
    HB_SKIP="# SKIP hb-shape (libharfbuzz-bin) not installed"
python3 "$TESTS_DIR/tools/pdf_glyphs.py" "$TMP/ar.pdf" Amiri > "$TMP/ar.g"
if [ -n "$HB_SKIP" ]; then
	ok "udhr-ar: every Arabic word glyph for glyph as hb-shape $HB_SKIP"
elif out=$(python3 "$TESTS_DIR/tools/shape_check.py" "$TMP/ar.g" \
    "$ROOT/tests/scripts/udhr-ar.txt" "$AMIRI/Amiri-Regular.ttf" \
    "$AMIRI/Amiri-Bold.ttf"); then
	ok "udhr-ar: every Arabic word glyph for glyph as hb-shape $out"
else
	notok "udhr-ar: every Arabic word glyph for glyph as hb-shape" "$out"
fi
if grep -q ' 0 \| 0$' "$TMP/ar.g"; then
	notok "udhr-ar: no .notdef glyph drawn"
else
	ok "udhr-ar: no .notdef glyph drawn"
fi

# An Arabic resolution's masthead is mirrored: organization and body at
# the right margin, the symbol (Latin, left to right) at the left one;
# numbered paragraphs hang their number at the right (of the body,
# indented body_indent from the margin as in the print).
f=$ROOT/tests/scripts/S-RES-425-1978-ar.xml
$R -t pdf "$f" -o "$TMP/425.pdf" 2>"$TMP/err"
pdftotext -bbox "$TMP/425.pdf" "$TMP/425.html" 2>/dev/null
out=$(python3 - "$TMP/425.html" <<'PY'
import re, sys
words = [(float(a), float(b), float(c), w) for a, b, c, w in re.findall(
    r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<',
    open(sys.argv[1], encoding="utf-8").read())]
sym = [x for x in words if x[3] == "S/RES/425"]
body = [x for x in words if x[1] < 110 and re.search("[\u0600-\u06ff]", x[3])]
num = [x for x in words if x[3] in ("1", ".1", "1.")]
print("symbol at %s, Arabic masthead to %s, number 1 at %s" % (
    sym and sym[0][0], body and max(x[2] for x in body), num and num[0][2]))
ok = sym and sym[0][0] < 100 and body and max(x[2] for x in body) > 500 \
    and num and num[0][2] > 480
sys.exit(0 if ok else 1)
PY
)
if [ $? -eq 0 ]; then ok "S/RES/425 (ar): masthead and numbers mirrored ($out)"
else notok "S/RES/425 (ar): masthead and numbers mirrored" "$out"; fi

# Arabic page furniture on the right (issue 12): the page number "n/N"
# of every page after the first ends at the right margin (the Arabic
# UDHR, 6 pages); the first page has none (UN-LAYOUT.md 1.6).  With the
# number moved to the left footer the check fails (shown with -V).
pagenum_right() {
	pdftotext -bbox "$1" - | python3 -c '
import re, sys
pages = sys.stdin.read().split("<page ")[1:]
w = float(re.search(r"width=\"([\d.]+)\"", "<page " + pages[0]).group(1))
bad = []
for i, p in enumerate(pages, 1):
    nums = [(float(a), float(b)) for a, b, t in re.findall(
        r"xMin=\"([\d.]+)\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\" yMax=\"[\d.]+\">(\d+/\d+)<",
        p) if t == "%d/%d" % (i, len(pages))]
    if i == 1 and nums or i > 1 and not (nums and nums[0][0] > w / 2 and
                                      abs(nums[0][1] - (w - 70.87)) < 1):
        bad.append("page %d: %s" % (i, nums))
print("%d pages; %s" % (len(pages), "; ".join(bad) or "numbers at the right margin"))
sys.exit(1 if bad or len(pages) < 2 else 0)'
}
$R -q -t pdf "$ROOT/tests/scripts/udhr-ar.txt" -o "$TMP/arp.pdf" 2>/dev/null
$R -q -t pdf -V footer_left='{page}/{pages}' -V footer_right= \
    "$ROOT/tests/scripts/udhr-ar.txt" -o "$TMP/arl.pdf" 2>/dev/null
if out=$(pagenum_right "$TMP/arp.pdf") && ! pagenum_right "$TMP/arl.pdf" >/dev/null; then
	ok "udhr-ar: page numbers on the right ($out)"
else
	notok "udhr-ar: page numbers on the right" "$out"
fi

# Arabic notes at the foot, on the right (issue 10): the official form,
# marker "(1)" glued to its word and the note "(1) …" (UN-LAYOUT.md 1.5
# and 3.2: "…لحقوق الإنسان(1)", a note citing "217 ألف (د-3)"; no whole
# Arabic text with notes was found).  The note's words sit below the body
# and in the right half of the page; read as a sub-item "(1)" (before the
# reader knew the form) they stood in the body instead.
printf '%s\n' 'إن الجمعية العامة،' '' \
    'إذ تشير إلى الإعلان العالمي لحقوق الإنسان(1)،' '' \
    '1 - تقرر أن تبقي المسألة قيد نظرها.' '' '_______________' '' \
    '(1) القرار 217 ألف (د-3).' > "$TMP/arnote.txt"
$R -q -t pdf "$TMP/arnote.txt" -o "$TMP/arnote.pdf" 2>/dev/null
out=$(pdftotext -bbox "$TMP/arnote.pdf" - | python3 -c '
import re, sys
t = sys.stdin.read()
w = float(re.search(r"width=\"([\d.]+)\"", t).group(1))
h = float(re.search(r"height=\"([\d.]+)\"", t).group(1))
words = [(float(a), float(b), c) for a, b, c in re.findall(
    r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"[\d.]+\">([^<]*)<", t)]
note = [x for x in words if "217" in x[2] or "رارقلا" in x[2]]
print("note words at %s" % ["%.0f,%.0f" % (x, y) for x, y, _ in note])
sys.exit(0 if len(note) == 2 and all(y > h * 0.75 and x > w / 2
                                     for x, y, _ in note) else 1)')
if [ $? -eq 0 ]; then ok "ar notes: at the foot, on the right ($out)"
else notok "ar notes: at the foot, on the right" "$out"; fi

# French spacing: a narrow no-break space (a gap of about 1/6 em, not a
# word space) after « and before ; and », kept on one line.
f=$ROOT/tests/dev/fr/A_RES_273_III_fr.txt
$R -t pdf "$f" -o "$TMP/fr.pdf" 2>/dev/null
pdftotext -bbox "$TMP/fr.pdf" "$TMP/fr.html" 2>/dev/null
$R -t pdf "$ROOT/tests/scripts/udhr-fr.txt" -o "$TMP/fr2.pdf" 2>/dev/null
pdftotext -bbox "$TMP/fr2.pdf" "$TMP/fr2.html" 2>/dev/null
out=$(python3 - "$TMP/fr.html" "$TMP/fr2.html" <<'PY'
import re, sys
gaps = {}
for path in sys.argv[1:]:
    w = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                   r'yMax="[\d.]+">([^<]*)<', open(path, encoding="utf-8").read())
    for a, b in zip(w, w[1:]):
        if a[1] != b[1]:
            continue
        gap = float(b[0]) - float(a[2])
        for mark, ok in (("«", a[3] == "«"), (";", b[3] == ";"),
                         ("»", b[3].startswith("»"))):
            if ok:
                gaps.setdefault(mark, []).append(gap)
bad = {m: g for m, g in gaps.items() if not all(1 < x < 2.2 for x in g)}
print(" ".join("%s %d gaps %.1f-%.1f pt" % (m, len(g), min(g), max(g))
               for m, g in sorted(gaps.items())))
sys.exit(1 if bad or len(gaps) < 3 else 0)
PY
)
if [ $? -eq 0 ]; then ok "French: narrow spaces at « ; » ($out)"
else notok "French: narrow spaces at « ; »" "$out"; fi

# French spacing in HTML too, from the same lang/fr.conf settings as the
# PDF: every French dev text and the Universal Declaration have a narrow
# no-break space before ; ! ? », after «, a no-break space before :, and
# never two (tests/tools/french_spaces.py).  The Declaration with its
# spaces before ";" made no-break, narrow or none gives the same page.
for f in "$ROOT"/tests/dev/fr/*.txt "$ROOT/tests/scripts/udhr-fr.txt"; do
	$R -q -t html "$f" -o "$TMP/frs-$(basename "$f" .txt).html" 2>/dev/null
done
if out=$(python3 "$TESTS_DIR/tools/french_spaces.py" "$TMP"/frs-*.html); then
	ok "French HTML: narrow spaces at ; ! ? « », no-break before : ($out)"
else
	notok "French HTML: narrow spaces at ; ! ? « », no-break before :" "$out"
fi
mkdir -p "$TMP/frsp"
r=
for sp in "$(printf '\302\240')" "$(printf '\342\200\257')" ""; do
	sed "s/ ;/$sp;/g" "$ROOT/tests/scripts/udhr-fr.txt" > "$TMP/frsp/udhr-fr.txt"
	$R -q -t html "$TMP/frsp/udhr-fr.txt" -o "$TMP/frsp/udhr-fr.html" 2>/dev/null
	cmp -s "$TMP/frsp/udhr-fr.html" "$TMP/frs-udhr-fr.html" || r="$r '$sp'"
done
if [ -z "$r" ]; then ok "French HTML: the same page whatever space the source has before ;"
else notok "French HTML: the same page whatever space the source has before ;" "differs with$r"; fi

# The title heading holds the title, not the line under it: the
# Declaration's "Preamble" heading in en, fr and es (a note in the AKN's
# longTitle) is a paragraph after the <h1>, as "الديباجة" is in Arabic.
r=
for l in en fr es; do
	$R -q -t html "$ROOT/tests/scripts/udhr-$l.txt" -o "$TMP/t-$l.html" 2>/dev/null
	h1=$(xmllint --html --xpath 'normalize-space(//h1)' "$TMP/t-$l.html" 2>/dev/null)
	title=$(head -1 "$ROOT/tests/scripts/udhr-$l.txt")
	[ "$h1" = "$title" ] || r="$r $l: '$h1'"
done
if [ -z "$r" ]; then ok "HTML: the title heading holds the title alone (UDHR en, fr, es)"
else notok "HTML: the title heading holds the title alone" "$r"; fi

# HTML right to left: the page is dir="rtl" in Arabic, symbols and Latin
# dates in it are left-to-right isolates, the style sheet has no physical
# side (left/right) that would not mirror, and the interface strings are
# in each of the six languages.
$RESPUB -q -t html -o "$TMP/425.html" "$ROOT/tests/scripts/S-RES-425-1978-ar.xml"
if grep -q '<html lang="ar" dir="rtl">' "$TMP/425.html" &&
    grep -q 'href="https://undocs.org/S/12600" dir="ltr"' "$TMP/425.html" &&
    grep -q '<span class="docNumber" dir="ltr">S/RES/425 (1978)' "$TMP/425.html" &&
    grep -q '<time datetime="1978-03-19" class="docDate" dir="ltr">' "$TMP/425.html"
then ok "HTML (ar): dir=rtl, symbols and dates isolated left to right"
else notok "HTML (ar): dir=rtl, symbols and dates isolated left to right"; fi
# Two symbols joined by Latin words ("(S/12600 and S/12606)") are one
# left-to-right stretch, between left-to-right marks; none in English.
lrm=$(printf '\342\200\216')
if grep -qF "($lrm<a href=\"https://undocs.org/S/12600\" dir=\"ltr\">S/12600</a> and <a href=\"https://undocs.org/S/12606\" dir=\"ltr\">S/12606</a>$lrm)" "$TMP/425.html" &&
    ! $RESPUB -q -t html "$ROOT/examples/A-RES-58-136.txt" -o - | grep -q "$lrm"
then ok "HTML (ar): two symbols joined by Latin words in their order"
else notok "HTML (ar): two symbols joined by Latin words in their order" \
    "$(grep -o '.\{20\}S/12600.\{120\}' "$TMP/425.html")"; fi
sides=$(sed -n '/<style>/,/<\/style>/p' "$ROOT/templates/html.xml" |
    grep -nE '(margin|padding|border)-(left|right)|[^-]\b(left|right):|text-align: *(left|right)|float: *(left|right)')
if [ -z "$sides" ]; then ok "HTML: logical CSS sides only"
else notok "HTML: logical CSS sides only" "$sides"; fi
# The interface strings (pages, navigation, index pages, dates), as
# respub hands them to the stylesheet from templates/labels/<lang>.conf
# and lang/<lang>.conf: every key the stylesheets ask for is given in all
# six languages (the month names where the date format names the month),
# but for the separator (the same in every language) and first-day (a
# form of the 1st, in the languages that have one); the page shell
# holds no strings of its own.
$RESPUB --strings -o "$TMP/strings.xml"
expect "HTML: the page shell holds no strings of its own" 0 \
    "$(grep -c '<t:s ' "$ROOT/templates/html.xml")"
/usr/bin/python3 - "$TMP/strings.xml" "$ROOT" > "$TMP/missing" <<'PY'
import glob, re, sys
strings, root = open(sys.argv[1]).read(), sys.argv[2]
asked = {"org-un-ga", "org-un-sc", "org-un-ecosoc", "org-un-hrc"}
for f in glob.glob(root + "/stylesheets/*.xsl") + [root + "/templates/html.xml"]:
    t = open(f).read()
    asked |= set(re.findall(r"name=\"key\" select=\"'([a-z-]+)'\"", t))
    asked |= set(re.findall(r'<t:string key="([a-z-]+)"', t))
    for p in re.findall(r"\$ui-strings/t:s\[[^\"]*", t):
        asked |= set(re.findall(r"@key = '([a-z-]+)'", p))
asked -= {"separator", "first-day"}
have, fmt = {}, {}
for k, l, v in re.findall(r'<t:s key="([^"]*)" lang="([^"]*)">([^<]*)<', strings):
    have.setdefault(l, set()).add(k)
    if k == "date-format":
        fmt[l] = v
for l in ["en", "zh", "ar", "fr", "ru", "es"]:
    want = asked | ({"month-%d" % m for m in range(1, 13)}
                    if "{month}" in fmt.get(l, "") else set())
    print(l, len(want), " ".join(sorted(want - have.get(l, set()))))
PY
while read -r l n missing; do
	expect "HTML: the $n interface strings asked for in $l" "" "$missing"
done < "$TMP/missing"

# Fixed words from templates/labels/<lang>.conf: the outline, and the
# document information: keywords (organization, body, "resolution") and
# author (the body), in the document's language, in all six.
for l in ar zh en fr ru es; do
	qpdf --json "$TMP/$l.pdf" > "$TMP/$l.json" 2>/dev/null
	want=$(sed -n 's/^resolution = //p' "$ROOT/templates/labels/$l.conf")
	org=$(sed -n 's/^organization = //p' "$ROOT/templates/labels/$l.conf")
	ga=$(sed -n 's/^org-un-ga = //p' "$ROOT/templates/labels/$l.conf")
	info=$(pdfinfo "$TMP/$l.pdf")
	if grep -q "\"title\": \"$want" "$TMP/$l.json" &&
	    echo "$info" | grep -q "^Keywords: *$org; $ga; $want\$" &&
	    echo "$info" | grep -q "^Author: *$ga\$"; then
		ok "udhr-$l: outline, keywords and author in $l ($want, $org, $ga)"
	else
		notok "udhr-$l: outline, keywords and author in $l" \
		    "$(grep -m1 '"title"' "$TMP/$l.json"; echo "$info" |
		    grep -E '^(Keywords|Author)' | tr '\n' ' ')"
	fi
done

# A first page built from the metadata speaks the document's language
# (templates/labels/<lang>.conf): the masthead's body and the adoption
# line, with the masthead's date in English where the print has it so
# (Arabic, Russian).  Bidirectional marks of pdftotext are dropped.
first_page() {
	"$RESPUB" -q -t pdf "$ROOT/tests/dev/$1" -o "$TMP/fp.pdf" 2>/dev/null &&
	    pdftotext -l 1 "$TMP/fp.pdf" - | LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g' |
	    tr '\n' ' '
}
while IFS='|' read -r file want; do
	got=$(first_page "$file")
	case $got in
	*"$want"*) ok "first page from metadata in its language: $file ($want)" ;;
	*) notok "first page from metadata in its language: $file" \
	    "no '$want' in '$(echo "$got" | cut -c1-200)'" ;;
	esac
done <<'LIST'
fr/A_RES_2751_XXVI_fr.txt|Nations Unies  A/RES/2751 (XXVI)  Assemblée générale  Distr. générale 21 septembre 1971  Résolution adoptée par l’Assemblée générale le 21 septembre 1971
fr/S_RES_0057_1948_fr.txt|Adoptée par le Conseil de sécurité à sa 358e séance, le 18 septembre 1948
es/S_RES_0044_1948_es_wikisource.txt|Aprobada por el Consejo de Seguridad en su 277ª sesión, celebrada el 1 de abril de 1948
es/A_RES_2758_XXVI_es_wikisource.txt|Resolución aprobada por la Asamblea General el 25 de octubre de 1971
ru/S_RES_1224_1999_ru.txt|Совет Безопасности  Distr.: General 28 January 1999
ar/S_RES_381_1975_ar_ppcplo.txt|الذي اتخذه مجلس الأمن في جلسته
ar/S_RES_381_1975_ar_ppcplo.txt|تشرين الثاني/نوفمبر
LIST

# Dates the HTML writes from the metadata are in the page's language.
while IFS='|' read -r file want; do
	got=$("$RESPUB" -q -t html "$ROOT/tests/dev/$file" -o - 2>/dev/null |
	    grep -o '<dd><time datetime="[^"]*">[^<]*</time>' | sed 's/.*">//; s/<.*//')
	expect "HTML: the date of $file in its language" "$want" "$got"
done <<'LIST'
ru/S_RES_1224_1999_ru.txt|28 января 1999 года
es/S_RES_0044_1948_es_wikisource.txt|1 de abril de 1948
ar/S_RES_607_1988_ar_aardi.txt|5 كانون الثاني/يناير 1988
fr/S_RES_0057_1948_fr.txt|18 septembre 1948
LIST

# Real texts in each language (tests/dev/<lang>/, issue 12): no missing
# glyph, every word back from pdftotext in order (the heading's anywhere:
# a masthead built from the metadata sets some of it apart), and every
# Arabic word glyph for glyph as hb-shape shapes it.
for f in "$ROOT"/tests/dev/ar/*.txt "$ROOT"/tests/dev/fr/S_RES_0038_1948_fr_wikisource.txt \
    "$ROOT"/tests/dev/fr/A_RES_2751_XXVI_fr.txt \
    "$ROOT"/tests/dev/es/A_RES_55_93_es_pdf.txt \
    "$ROOT"/tests/dev/es/S_RES_0108_1955_es_wikisource.txt \
    "$ROOT"/tests/dev/ru/*.txt "$ROOT"/tests/dev/zh/S_RES_0044_1948_zh.txt \
    "$ROOT"/tests/dev/zh/S_RES_2446_2018_zh.txt; do
	d=${f#"$ROOT"/tests/dev/}
	if ! $R -t pdf "$f" -o "$TMP/d.pdf" 2>"$TMP/err" ||
	    grep -q "no glyph" "$TMP/err"; then
		notok "$d: PDF with a glyph for every character" "$(head -2 "$TMP/err")"
		continue
	fi
	pdftotext -enc UTF-8 "$TMP/d.pdf" "$TMP/d.txt"
	$R -q -t tree "$f" > "$TMP/d.tree" 2>/dev/null
	if out=$(python3 "$TESTS_DIR/tools/pdf_order.py" "$TMP/d.tree" "$TMP/d.txt"); then
		ok "$d: pdftotext gives every word back in order $out"
	else
		notok "$d: pdftotext gives every word back in order" "$out"
	fi
	case $d in ar/*)
		[ -n "$HB_SKIP" ] && { ok "$d: every Arabic word as hb-shape $HB_SKIP"; continue; }
		# The model's text: a marker's "ـ" ("1 ـ يؤكد") is not drawn.
		python3 "$TESTS_DIR/tools/pdf_order.py" --text "$TMP/d.tree" \
		    > "$TMP/d.words"
		python3 "$TESTS_DIR/tools/pdf_glyphs.py" "$TMP/d.pdf" Amiri > "$TMP/d.g"
		out=$(python3 "$TESTS_DIR/tools/shape_check.py" --min 1 "$TMP/d.g" \
		    "$TMP/d.words" "$AMIRI/Amiri-Regular.ttf" "$AMIRI/Amiri-Bold.ttf")
		case $out in
		*" 0 not drawn"*) ok "$d: every Arabic word as hb-shape $out" ;;
		*) notok "$d: every Arabic word as hb-shape" "$out" ;;
		esac ;;
	esac
done

# Mixed directions in one paragraph (a made-up probe: Arabic words in an
# English paragraph, a symbol, dates and Latin words in an Arabic one):
# pdftotext gives every word back in logical order.  Then the word spaces
# and brackets at the edges of such a run: poppler's own reordering (a
# right-to-left stretch of a line takes the spaces and brackets next to
# it) sets them on the wrong side ("as  اللجنة الخاصةand", ") S/RES/381
# (1975وإلى"); tests/xfail.txt names it.
cat > "$TMP/mixed-en.txt" <<'EOF'
Resolution 999 (2030)

The Security Council,

Recalling the report of the committee known in Arabic as اللجنة الخاصة and the city of القدس الشريف,

1. Decides that the word السلام meaning peace shall be printed as الأمم المتحدة in Arabic;

2. Requests the Secretary-General to report.
EOF
cat > "$TMP/mixed-ar.txt" <<'EOF'
قرار مجلس الأمن رقم 381 بتاريخ 30 تشرين الثاني (نوفمبر) 1975

إن مجلس الأمن،

إذ يشير إلى قراره S/RES/381 (1975) وإلى تقرير الأمين العام S/11883/Add.1 المؤرخ 24 تشرين الثاني/نوفمبر 1975 عن قوة United Nations Disengagement Observer Force،

1 - يقرر أن يجتمع مرة أخرى في 12 كانون الثاني/يناير 1976 لمواصلة مناقشته، وفقا للقرار 338 (1973)؛

2 - يطلب إلى الأمين العام أن يقدم تقريرا.
EOF
for l in en ar; do
	f=$TMP/mixed-$l.txt
	$R -q -t pdf "$f" -o "$TMP/m.pdf" 2>/dev/null
	pdftotext -enc UTF-8 "$TMP/m.pdf" - | LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g' \
	    > "$TMP/m.txt"
	$R -q -t tree "$f" > "$TMP/m.tree" 2>/dev/null
	if out=$(python3 "$TESTS_DIR/tools/pdf_order.py" "$TMP/m.tree" "$TMP/m.txt")
	then ok "mixed directions ($l paragraphs): every word back in order $out"
	else notok "mixed directions ($l paragraphs): every word back in order" "$out"; fi
	tr '\n' ' ' < "$TMP/m.txt" > "$TMP/m1.txt"
	case $l in
	en) want="known in Arabic as اللجنة الخاصة and the city of القدس الشريف," ;;
	ar) want="إلى قراره S/RES/381 (1975) وإلى تقرير" ;;
	esac
	if grep -qF "$want" "$TMP/m1.txt"; then
		ok "mixed directions ($l paragraphs): spaces and brackets in place"
	else
		notok "mixed directions ($l paragraphs): spaces and brackets in place" \
		    "no '$want' in '$(grep -o '.\{30\}الخاصة.\{10\}\|.\{12\}S/RES/381.\{12\}' "$TMP/m1.txt" | tail -1)'"
	fi
done
