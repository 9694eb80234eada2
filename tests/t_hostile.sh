#!/bin/sh
# t_hostile.sh -- hostile inputs: a 1 MB line, 10,000 nested Markdown
# lists and quotes, entity expansion and external entities in AKN, NUL
# bytes and invalid UTF-8, and output names that try to leave -d.
. "$(dirname "$0")/lib.sh"

# conv NAME FILE [OPTS] -- tree, akn and md of FILE into $TMP/o within
# 60 s; status 0 or 1, no signal, no sanitizer report.
conv() {
	n=$1 f=$2
	shift 2
	rm -rf "$TMP/o"
	timeout 60 $RESPUB -q -t tree,akn,md -d "$TMP/o" "$@" "$f" 2>"$TMP/err"
	rc=$?
	if [ "$rc" -gt 1 ] || grep -q -E 'Sanitizer|runtime error' "$TMP/err"; then
		notok "$n: converts or fails cleanly" "exit $rc: $(head -c 300 "$TMP/err")"
		return 1
	fi
	ok "$n: converts or fails cleanly (exit $rc)"
}
# has NAME WORD -- every output holds WORD (nothing lost).
has() {
	miss=
	for o in "$TMP"/o/*.tree "$TMP"/o/*.xml "$TMP"/o/*.md; do
		grep -q "$2" "$o" 2>/dev/null || miss="$miss $(basename "$o")"
	done
	expect "$1: '$2' in every output" "" "$miss"
}

python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
w = lambda n, s: open(d + "/" + n, "w").write(s)
w("long.txt", "Security Council\n\nThe Security Council,\n\n1. Decides "
  + "word " * 210000 + "LASTWORD\n")
w("long.md", "# Resolution 1\n\n1. Decides " + "*word* " * 150000 + "LASTWORD\n")
w("lists.md", "# Resolution 1\n\n1. Decides\n\n" + "- " * 10000 + "DEEPWORD\n")
w("quotes.md", "# Resolution 1\n\n" + ">" * 10000 + " DEEPWORD\n")
w("mixed.md", "# Resolution 1\n\n" + "> - " * 5000 + "DEEPWORD\n")
akn = ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
       '<resolution name="resolution"><mainBody><paragraph><num>1.</num>'
       '<content><p>Decides %s x</p></content></paragraph></mainBody>'
       '</resolution></akomaNtoso>\n')
lol = '<!ENTITY l0 "lol">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
w("lol.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [%s]>\n' % lol
  + akn % "&l9;")
w("secret.txt", "SECRETWORD\n")
w("ent.dtd", '<!ENTITY e "DTDWORD">\n')
w("xxe.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM '
  '"file://%s/secret.txt">]>\n' % d + akn % "&x;")
w("dtd.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM '
  '"file://%s/ent.dtd" [<!ENTITY %% p SYSTEM "file://%s/ent.dtd"> %%p;]>\n'
  % (d, d) + akn % "&e;")
w("deep.xml", akn % ("<b>" * 10000 + "x" + "</b>" * 10000))
open(d + "/nul.txt", "wb").write(b"Security Council\n\nThe Security Council,\n\n1. De\0cides\n")
open(d + "/utf8.txt", "wb").write(b"Security Council\n\nThe Council,\n1. D\xc3\x28cides\n")
# UTF-16 with a lone surrogate on line 3.
open(d + "/utf16.txt", "wb").write(b"\xff\xfe" + "Security Council\n\n1. D".encode("utf-16-le") + b"\x00\xd8" + "cides\n".encode("utf-16-le"))
PY

conv "1 MB line of text" "$TMP/long.txt" && has "1 MB line of text" LASTWORD
conv "1 MB line of Markdown" "$TMP/long.md" && has "1 MB line of Markdown" LASTWORD
for k in lists quotes mixed; do
	conv "10,000 nested Markdown $k" "$TMP/$k.md" &&
	    has "10,000 nested Markdown $k" DEEPWORD
done

# AKN: no entity is expanded, no external file is read.
conv "billion laughs" "$TMP/lol.xml"
n=$(cat "$TMP"/o/* 2>/dev/null | grep -o lol | wc -l)
[ "$n" -lt 100 ] && ok "billion laughs: not expanded" ||
    notok "billion laughs: not expanded" "$n lol"
conv "external entity" "$TMP/xxe.xml"
! grep -q -r SECRETWORD "$TMP/o" "$TMP/err" && ok "external entity: file not read" ||
    notok "external entity: file not read"
conv "external DTD" "$TMP/dtd.xml"
! grep -q -r DTDWORD "$TMP/o" "$TMP/err" && ok "external DTD: not loaded" ||
    notok "external DTD: not loaded"
conv "10,000 nested AKN elements" "$TMP/deep.xml"

# NUL, invalid UTF-8 and UTF-16: one line naming file:line:col, exit 1,
# no output.
for f in nul:5 utf8:4 utf16:3; do
	n=${f%:*} line=${f#*:}
	rm -rf "$TMP/o"
	$RESPUB -t tree,akn,md -d "$TMP/o" "$TMP/$n.txt" 2>"$TMP/err"
	rc=$?
	expect "$n: exit 1" 1 "$rc"
	expect "$n: one line on stderr" 1 "$(wc -l < "$TMP/err")"
	if grep -q "^respub: $TMP/$n.txt:$line:[0-9]*: error: " "$TMP/err"; then
		ok "$n: the error names file:line:col"
	else
		notok "$n: the error names file:line:col" "$(cat "$TMP/err")"
	fi
	expect "$n: no output written" "" "$(ls "$TMP/o" 2>/dev/null)"
done

# Output names stay inside -d: inputs named ../x.txt, .., and a symbol
# with slashes and dots through the site command.
mkdir -p "$TMP/w/sub" "$TMP/w/out"
cp "$ROOT/examples/S-RES-1377-2001.txt" "$TMP/w/x.txt"
printf 'Security Council\n\nS/RES/../../../../escape (2001)\n\nThe Security Council,\n\n1. Decides to stay.\n' \
    > "$TMP/w/sub/sym.txt"
before=$(cd "$TMP/w" && find . -path ./out -prune -o -print | sort)
(cd "$TMP/w/sub" && $RESPUB -q -t tree,akn -d ../out ../x.txt sym.txt &&
    $RESPUB -q -t akn -d ../out - < ../x.txt &&
    $RESPUB site -q -d ../out/site ../x.txt sym.txt) 2>"$TMP/err"
expect "hostile names: exit 0" 0 "$?"
after=$(cd "$TMP/w" && find . -path ./out -prune -o -print | sort)
expect "hostile names: nothing written outside -d" "$before" "$after"
[ -f "$TMP/w/out/x.xml" ] && [ -f "$TMP/w/out/stdin.xml" ] &&
    ok "hostile names: ../x.txt and stdin written in -d" ||
    notok "hostile names: ../x.txt and stdin written in -d" "$(ls "$TMP/w/out")"
bad=$(find "$TMP/w/out" -name '*..*' -o -name '*/*' | head -3)
expect "hostile names: no '..' in a name" "" "$bad"

# Limits (respub(1), LIMITS): beyond one, exit 1 at once with one line
# naming it; --limit moves it.
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
akn = ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
       '<resolution name="resolution"%s><mainBody><paragraph><num>1.</num>'
       '<content><p>Decides %s x</p></content></paragraph></mainBody>'
       '</resolution></akomaNtoso>\n')
open(d + "/attrs.xml", "w").write(akn % ("".join(' a%d="1"' % i for i in range(200000)), "ATTRWORD"))
open(d + "/attrs1000.xml", "w").write(akn % ("".join(' a%d="1"' % i for i in range(1000)), "ATTRWORD"))
open(d + "/deep300.xml", "w").write(akn % ("", "<b>" * 300 + "DEEPWORD" + "</b>" * 300))
open(d + "/many.xml", "w").write(akn % ("", "<b>x</b>" * 2000 + "MANYWORD"))
open(d + "/bigtext.xml", "w").write(akn % ("", "y" * 11000000))
PY
# limit NAME FILE LIMIT [OPTS] -- exit 1 within 10 s, one line naming LIMIT.
limit() {
	n=$1 f=$2 l=$3
	shift 3
	timeout 10 $RESPUB -t tree "$@" "$f" 2>"$TMP/err" >/dev/null
	expect "$n: exit 1" 1 "$?"
	if [ "$(wc -l < "$TMP/err")" = 1 ] &&
	    grep -q "^respub: $f:[0-9]*:[0-9]*: error: .*(limit $l" "$TMP/err"; then
		ok "$n: one line naming the limit"
	else
		notok "$n: one line naming the limit" "$(head -c 300 "$TMP/err")"
	fi
}
limit "200,000 attributes on one element" "$TMP/attrs.xml" attributes
limit "300 nested AKN elements" "$TMP/deep300.xml" depth
limit "2,000 elements, --limit elements=1000" "$TMP/many.xml" elements \
    --limit elements=1000
conv "300 nested AKN elements, --limit depth=400" "$TMP/deep300.xml" \
    --limit depth=400 && has "300 nested AKN elements, --limit depth=400" DEEPWORD
conv "1,000 attributes, --limit attributes=2000" "$TMP/attrs1000.xml" \
    --limit attributes=2000 && has "1,000 attributes, --limit attributes=2000" ATTRWORD
$RESPUB --limit size=1k "$ROOT/examples/S-RES-1377-2001.txt" 2>"$TMP/err" >/dev/null
expect "--limit size=1k: exit 1" 1 "$?"
grep -q "error: more than 1024 bytes (limit size" "$TMP/err" &&
    ok "--limit size=1k: the error names the limit" ||
    notok "--limit size=1k: the error names the limit" "$(cat "$TMP/err")"
# A stream beyond the size limit is not read to its end.
timeout 10 sh -c "yes 'Decides.' | $RESPUB -q 2>'$TMP/err' >/dev/null"
expect "endless stdin: stopped at the size limit" \
    "respub: -: error: more than 16777216 bytes (limit size; --limit size=N raises it)" \
    "$(cat "$TMP/err")"
timeout 60 $RESPUB -t tree "$TMP/bigtext.xml" 2>"$TMP/err" >/dev/null
expect "11 MB text node: exit 1" 1 "$?"
grep -q -i 'XML_PARSE\|huge input' "$TMP/err" &&
    notok "11 MB text node: libxml2's words rephrased" "$(cat "$TMP/err")" ||
    ok "11 MB text node: libxml2's words rephrased"

# An AKN file of one long line (as minified XML is): the columns of its
# 200,000 elements are found in one pass (counted from the line's start
# for each, this took six minutes).
python3 -c 'import sys; sys.stdout.write("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\"><mainBody>" + "".join("<p>Decides word <i>word</i> %d.</p>" % i for i in range(100000)) + "<p>LINEWORD</p></mainBody></doc></akomaNtoso>\n")' \
    > "$TMP/oneline.xml"
timeout 60 $RESPUB -q -t tree "$TMP/oneline.xml" > "$TMP/oneline.tree" 2>"$TMP/err"
expect "one line of 200,000 AKN elements: read within 60 s" "0 1" \
    "$? $(grep -c LINEWORD "$TMP/oneline.tree")"

# Out of memory in a reader: exit 1 and one line, not abort() (134).
if [ -n "$RP_SANITIZED" ]; then
	ok "out of memory # SKIP ulimit -v and the sanitizers' shadow memory do not mix"
else
	python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
open(d + "/big.txt", "w").write("Security Council\n\nThe Security Council,\n\n"
  + "".join("%d. Decides word word word word word word.\n\n" % (i + 1) for i in range(150000)))
open(d + "/big.md", "w").write("# Resolution\n\n"
  + "".join("%d. Decides *word* word word word.\n\n" % (i + 1) for i in range(150000)))
PY
	for f in big.txt big.md; do
		(ulimit -v 200000 && exec $RESPUB -t tree,md -d "$TMP/oom" "$TMP/$f") \
		    2>"$TMP/err" >/dev/null
		expect "out of memory reading $f: exit 1" 1 "$?"
		expect "out of memory reading $f: one line" \
		    "respub: error: out of memory" "$(cat "$TMP/err")"
	done
	# Akoma Ntoso: libxml2 failing to allocate while the tree is read
	# (xmlGetProp gives NULL) is an error, not a document that lost
	# most of its text with exit 0 and libxml2's own lines.
	python3 -c 'import sys; sys.stdout.write("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\"><mainBody>" + "".join("<p eId=\"p%d\" class=\"c\">Decides word <i>word</i> %d.</p>" % (i, i) for i in range(150000)) + "</mainBody></doc></akomaNtoso>")' > "$TMP/big.xml"
	(ulimit -v 200000 && exec $RESPUB -t tree,md -d "$TMP/oom" "$TMP/big.xml") \
	    2>"$TMP/err" >/dev/null
	expect "out of memory reading big.xml: exit 1, one line" "1 1" \
	    "$? $(grep -c . "$TMP/err")"
	grep -q 'error: .*out of memory' "$TMP/err" &&
	    ok "out of memory reading big.xml: said so" ||
	    notok "out of memory reading big.xml: said so" "$(head -2 "$TMP/err")"
	# Under any limit, exit 0 or 1: libxml2 2.9.14 gave SIGSEGV (139)
	# when its switch to UTF-8 failed (a NULL input); a PDF writer
	# that cannot map its fonts gave 3, as if its data were broken.
	# (127: the loader itself ran out; nothing of respub ran.)
	printf 'The Security Council,\n\n1. Decides word.\n' > "$TMP/small.txt"
	bad=
	for v in 55000 65000 75000 92000 100000 108000; do
		for a in "-t tree $TMP/big.xml" "-t pdf $TMP/small.txt"; do
			(ulimit -v $v && exec $RESPUB $a -o "$TMP/oom.out") \
			    >/dev/null 2>&1
			case $? in 0|1|127) ;; *) bad="$bad $v:$?:${a%% /*}" ;; esac
		done
	done
	expect "out of memory at 55-108 MB: exit 0 or 1, never a crash or 3" \
	    "" "$bad"
	# Just above what the loader needs, the language tables are
	# loaded: a realloc that failed there left the table's capacity
	# doubled and the next entry was written past its end (glibc's
	# "malloc assertion failure", 134).  Below that, GLib's own
	# constructor (loaded with HarfBuzz, run before main) aborts when
	# its first malloc fails: like 127, nothing of respub ran.
	bad=
	v=46000
	while [ $v -le 62000 ]; do
		(ulimit -v $v && exec $RESPUB -t tree "$TMP/small.txt" \
		    -o "$TMP/oom.out") >/dev/null 2>"$TMP/oom.err"
		rc=$?
		[ $rc = 134 ] && grep -q '^GLib (gthread-posix.c)' \
		    "$TMP/oom.err" && rc=127
		case $rc in 0|1|127) ;; *) bad="$bad $v:$rc" ;; esac
		v=$((v + 250))
	done
	expect "out of memory at 46-62 MB, every 250 KB: exit 0 or 1" "" "$bad"
fi

# Dangerous link targets (javascript:, data:, vbscript:, entity-encoded,
# behind a space) are dropped by every writer from every input, the text
# kept, with one warning per link.
printf -- '---\nkind: resolution\n---\n\n# Resolution 1\n\n1. Decides [ONE](javascript:alert(1)), [TWO](JaVaScRiPt&#58;alert(2)), [THREE](data:text/html,x) and [SAFE](https://un.org/).\n' \
    > "$TMP/links.md"
printf '%s\n' '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><resolution name="resolution"><mainBody><paragraph><num>1.</num><content><p>Decides <a href="javascript:alert(1)">ONE</a>, <a href="&#x6A;avascript:x">TWO</a>, <a href=" vbscript:x">THREE</a> and <a href="https://un.org/">SAFE</a>.</p></content></paragraph></mainBody></resolution></akomaNtoso>' \
    > "$TMP/links.xml"
# In text, a link's target holds its parentheses in pairs, as in
# CommonMark: none is left behind in the text ("ONE)").
printf 'Security Council\n\nThe Security Council,\n\n1. Decides [ONE](javascript:alert(1)), [TWO](JaVaScRiPt&#58;alert(2)), [THREE](data:text/html,x) and [SAFE](https://un.org/).\n' \
    > "$TMP/links.txt"
for f in links.md links.xml links.txt; do
	rm -rf "$TMP/o"
	$RESPUB -t akn,md,html,pdf -d "$TMP/o" "$TMP/$f" 2>"$TMP/err"
	qpdf --qdf --object-streams=disable "$TMP/o/links.pdf" "$TMP/o/links.qdf" 2>/dev/null
	bad=$(grep -l -a -i -E 'javascript|vbscript|data:text' "$TMP"/o/links.xml \
	    "$TMP"/o/links.md "$TMP"/o/links.html "$TMP"/o/links.qdf)
	expect "$f: no dangerous target in any output" "" "$bad"
	miss=
	for o in xml md html; do
		for w in ONE TWO THREE SAFE; do
			grep -q $w "$TMP/o/links.$o" || miss="$miss $o:$w"
		done
	done
	expect "$f: the link texts are kept" "" "$miss"
	expect "$f: no parenthesis of a target left in the text" "" \
	    "$(grep -l 'ONE\\\?)' "$TMP"/o/links.xml "$TMP"/o/links.md "$TMP"/o/links.html)"
	grep -q -a 'https://un.org/' "$TMP/o/links.qdf" && grep -q 'https://un.org/' "$TMP/o/links.md" &&
	    ok "$f: the safe link stays a link" || notok "$f: the safe link stays a link"
	expect "$f: one warning per dropped link" 3 \
	    "$(grep -c 'warning: unsafe link target dropped, text kept' "$TMP/err")"
done

# A footnote the text never calls is still on the HTML page, after the
# called ones, marked.
printf 'Security Council\n\nS/RES/1 (2001)\n\nThe Security Council,\n\n1. Decides something.1\n\n2. Decides more.\n\n__________\n1 CALLEDNOTE here.\n2 UNCALLEDNOTE never called.\n' \
    > "$TMP/notes.txt"
$RESPUB -t html "$TMP/notes.txt" 2>/dev/null > "$TMP/notes.html"
if grep -q '<li class="unreferenced" id="[^"]*"><span class="num">2</span><p>UNCALLEDNOTE never called.</p> <span class="unreferenced-mark">(not referenced in the text)</span></li>' "$TMP/notes.html" &&
    [ "$(grep -o 'CALLEDNOTE\|UNCALLEDNOTE' "$TMP/notes.html" | tr '\n' ' ')" = "CALLEDNOTE UNCALLEDNOTE " ]; then
	ok "uncalled footnote: in the HTML after the called ones, marked"
else
	notok "uncalled footnote: in the HTML after the called ones, marked" \
	    "$(grep -o '<section class="notes".*</section>' "$TMP/notes.html" | head -c 400)"
fi

# Empty Markdown input: a warning, as for text.
for f in empty.md empty.txt; do
	: > "$TMP/$f"
	$RESPUB -t tree "$TMP/$f" 2>"$TMP/err" >/dev/null
	expect "$f: a warning" "respub: $TMP/$f:1:1: warning: no resolution structure found [unstructured]" \
	    "$(grep structure "$TMP/err")"
done

# An HTML comment in Markdown holds no text of the resolution: dropped,
# but said, unless it is CommonMark's own "<!-- end list -->".
printf '# Resolution 1\n\n<!-- COMMENTWORD -->\n\n1. Decides.\n\n- a\n\n<!-- end list -->\n\n- b\n' > "$TMP/comment.md"
$RESPUB -t tree "$TMP/comment.md" 2>"$TMP/err" >/dev/null
expect "Markdown comment: one warning" \
    "respub: $TMP/comment.md:3:1: warning: HTML comment dropped: <!-- COMMENTWORD --> [md-html-comment]" \
    "$(grep "HTML comment" "$TMP/err")"

# Paragraph numbers of 1000 and more are numbers; a year opening a
# wrapped line is not.
printf 'The General Assembly,\n\n999. Decides to act;\n\n1000. Requests a report;\n\n1001. Decides to remain seized of the matter signed on 26 June\n1945. It recalls;\n' > "$TMP/k.txt"
$RESPUB -t tree "$TMP/k.txt" 2>/dev/null > "$TMP/k.tree"
expect "paragraph numbers 999, 1000, 1001 (not the year 1945)" "999. 1000. 1001." \
    "$(sed -n 's/^ *paragraph num="\([0-9.]*\)".*/\1/p' "$TMP/k.tree" | tr '\n' ' ' | sed 's/ $//')"

# Nothing lost: every word of each input made here that converts is in
# every format: the input's words in the AKN (akn_words.py; for an AKN
# input, foreign_words.py), the AKN's in the HTML, the Markdown, the tree
# and the PDF's text (foreign_words.py).  Left out: the inputs made to
# fail or to be cut by a limit, the 1 MB lines and 10,000 levels (no PDF
# of those in a test; their last word is checked above), the HTML
# comment, dropped by design with a warning, and xxe.xml and dtd.xml,
# whose external entities Python's XML reader, as respub, never reads.
# all_formats NAME [OPTS]: NAME (a file in $TMP) through every format.
all_formats() {
	n=$1 s=${1%.*}
	shift
	d=$TMP/all/$n
	rm -rf "$d"
	if ! $RESPUB -q "$@" -t akn,html,md,tree,pdf -d "$d" "$TMP/$n" 2>"$TMP/err"; then
		notok "$n: every word in every format" "$(head -2 "$TMP/err")"
		return
	fi
	pdftotext -enc UTF-8 "$d/$s.pdf" "$d/$s.txt" 2>/dev/null
	case $n in
	*.xml) python3 "$TESTS_DIR/tools/foreign_words.py" "$TMP/$n" \
	    "$d/$s.xml" ;;
	*) python3 "$TESTS_DIR/tools/akn_words.py" "$TMP/$n" "$d/$s.xml" ;;
	esac > "$TMP/words" 2>&1 &&
	    python3 "$TESTS_DIR/tools/foreign_words.py" "$d/$s.xml" "$d/$s.html" \
	    "$d/$s.md" "$d/$s.tree" "$d/$s.txt" >> "$TMP/words" 2>&1
	if [ $? = 0 ]; then
		ok "$n: every word in every format"
	else
		notok "$n: every word in every format" "$(tail -c 300 "$TMP/words")"
	fi
}
if command -v pdftotext > /dev/null; then
	for n in links.md links.xml notes.txt k.txt; do
		all_formats $n
	done
	all_formats deep300.xml --limit depth=400
	all_formats attrs1000.xml --limit attributes=2000
else
	ok "every word in every format # SKIP pdftotext missing"
fi
