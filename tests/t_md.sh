#!/bin/sh
# t_md.sh -- the Markdown writer and reader: round trips through Markdown,
# rendering by the cmark-gfm command, the ga80 corpus's own Markdown.
. "$(dirname "$0")/lib.sh"

R=$RESPUB
CHECK=$TMP/md_check.py
cat > "$CHECK" <<'PY'
# md_check.py words TREE HTML: every word of the model's text is in the
#   HTML's text.  md_check.py counts < TREE: what the model holds.
import html, re, sys

def tree_text(lines):
    out = []
    for l in lines:
        m = re.search(r' text="((?:[^"\\]|\\.)*)"$', l.rstrip("\n"))
        if m:
            out.append(re.sub(r'\\(.)', lambda g: "\n" if g.group(1) == "n"
                              else g.group(1), m.group(1)))
    return " ".join(out)

if sys.argv[1] == "words":
    want = set(re.findall(r"\w+", tree_text(open(sys.argv[2], encoding="utf-8"))))
    page = open(sys.argv[3], encoding="utf-8").read()
    # Substrings, not tokens: CJK runs are cut differently on each side.
    got = html.unescape(re.sub(r"<[^>]*>", " ", page))
    missing = sorted(w for w in want if w not in got)
    if missing:
        print("# missing words:", " ".join(missing[:10]))
        sys.exit(1)
else:
    n = dict(formula=0, preambular=0, operative=0, footnotes=0, items=0)
    part = None
    for l in sys.stdin:
        depth = (len(l) - len(l.lstrip(" "))) // 2
        word = l.split()[0]
        if depth == 1:
            part = word
        if word == "formula" and part == "preamble":
            n["formula"] += 1
        elif word == "paragraph" and depth == 2 and part == "preamble":
            n["preambular"] += 1
        elif word == "paragraph" and depth == 2 and part == "body":
            n["operative"] += 1
        elif word == "footnote":
            n["footnotes"] += 1
        elif word == "item":
            n["items"] += 1
    print(" ".join("%s=%d" % kv for kv in n.items()))
PY
have_cmark=0; command -v cmark-gfm >/dev/null 2>&1 && have_cmark=1
have_py=0; command -v python3 >/dev/null 2>&1 && have_py=1

# The corpus: $CORPUS, else the shared one, else the texts in tests/corpus.
if [ -n "$CORPUS" ] && [ -d "$CORPUS" ]; then corpus=$CORPUS
elif [ -d "$ROOT/../shared/corpus" ]; then corpus=$ROOT/../shared/corpus
else corpus=; fi
sample=100
[ -n "$RP_SANITIZED" ] && sample=8
if [ -n "$corpus" ]; then
	find "$corpus" -name '*.txt' | sort > "$TMP/all"
	ok "corpus: $corpus ($(wc -l < "$TMP/all") texts, sampling $sample)"
else
	ls "$TESTS_DIR"/corpus/*.txt 2>/dev/null > "$TMP/all"
	ok "# SKIP no corpus directory: only the texts in tests/corpus"
fi
# Every k-th text, so that each folder is represented.
total=$(wc -l < "$TMP/all")
step=$(( total / sample )); [ "$step" -lt 1 ] && step=1
awk -v s="$step" -v m="$sample" 'NR % s == 0 && n < m { print; n++ }' \
    "$TMP/all" > "$TMP/sample"

# Whatever the AKN writer stamps about this very file is not content.
noman() { sed '/<FRBRManifestation/,/<\/FRBRManifestation>/d' "$1"; }
# A tree dump without source positions.
nopos() { sed 's/ @[0-9]*:[0-9]*//' "$1"; }

# roundtrip NAME FILE: the checks for one text; prints nothing when all
# pass, else one line per failure (for the aggregate on the corpus).
roundtrip() {
	name=$1 f=$2 d=$TMP/rt
	mkdir -p "$d"
	if ! "$R" -q -t md "$f" > "$d/a.md" 2>"$d/err"; then
		echo "$name: text -> md failed: $(head -1 "$d/err")"; return
	fi
	"$R" -q -t akn "$f" > "$d/t.xml" 2>/dev/null
	if ! "$R" -q -f md -t akn "$d/a.md" > "$d/m.xml" 2>"$d/err"; then
		echo "$name: md -> akn failed: $(head -1 "$d/err")"; return
	fi
	noman "$d/t.xml" > "$d/t1"; noman "$d/m.xml" > "$d/m1"
	if ! cmp -s "$d/t1" "$d/m1"; then
		echo "$name: text->md->akn differs from text->akn:" \
		    "$(diff "$d/t1" "$d/m1" | grep -c '^[<>]') lines," \
		    "first $(diff "$d/t1" "$d/m1" | grep -m1 '^[<>]' | cut -c1-100)"
	fi
	"$R" -q -t md "$d/a.md" > "$d/b.md" 2>/dev/null
	if ! cmp -s "$d/a.md" "$d/b.md"; then
		echo "$name: md->model->md not byte-identical:" \
		    "$(diff "$d/a.md" "$d/b.md" | grep -m1 '^[<>]' | cut -c1-100)"
	fi
	if [ $have_cmark = 1 ] && [ $have_py = 1 ]; then
		"$R" -q -t tree "$f" > "$d/t.tree" 2>/dev/null
		cmark-gfm "$d/a.md" > "$d/a.html"
		python3 "$CHECK" words "$d/t.tree" "$d/a.html" ||
		    echo "$name: words of the text missing from the HTML"
	fi
}

# Every example, check by check.
for f in "$ROOT"/examples/*.txt; do
	n=$(basename "$f" .txt)
	out=$(roundtrip "$n" "$f")
	if [ -z "$out" ]; then ok "md round trip: $n"
	else echo "$out" | while IFS= read -r l; do notok "md round trip" "$l"; done; fi
done

# The sample of the corpus, as one result with the failures listed.
: > "$TMP/fails"; n=0
while IFS= read -r f; do
	n=$((n + 1))
	roundtrip "$(basename "$f")" "$f" >> "$TMP/fails"
done < "$TMP/sample"
bad=$(cut -d: -f1 "$TMP/fails" | sort -u | wc -l)
if [ "$bad" -eq 0 ]; then ok "md round trip: $n corpus texts"
else
	notok "md round trip: $bad of $n corpus texts differ" \
	    "$(head -3 "$TMP/fails" | tr '\n' ' ')"
	sed 's/^/# /' "$TMP/fails" | head -40
fi
[ $have_cmark = 1 ] || ok "# SKIP cmark-gfm command missing: HTML words not checked"

# Markdown escaping: text that looks like Markdown stays literal.
cat > "$TMP/esc.txt" <<'EOF'
The Security Council,

*Recalling* that 1. is not a list, that a < b & c > d, that snake_case_names and [1] [x](y) stay,

Decides that * stars * and # hashes and `ticks` and \backslashes stay literal.
EOF
"$R" -q -t md "$TMP/esc.txt" > "$TMP/esc.md"
"$R" -q -f md -t tree "$TMP/esc.md" | grep -o 'text="[^"]*"' > "$TMP/esc.got"
"$R" -q -t tree "$TMP/esc.txt" | grep -o 'text="[^"]*"' > "$TMP/esc.want"
if cmp -s "$TMP/esc.got" "$TMP/esc.want"; then ok "md escaping keeps text literal"
else notok "md escaping keeps text literal" "$(diff "$TMP/esc.want" "$TMP/esc.got" | head -3 | tr '\n' ' ')"; fi

# Detection: Markdown with front matter is read as Markdown, the
# corpus's PDF text with front matter as text; A_RES_80_29.md has no
# syntax only Markdown has: its name says what it is.
if [ -n "$corpus" ] && [ -d "$corpus/ga80-en" ]; then
	g=$corpus/ga80-en
	for f in "$g"/A_RES_80_1.md "$g"/A_RES_80_1.pdftext.txt \
	    "$g"/A_RES_80_29.md; do
		[ -f "$f" ] || continue
		"$R" -q -t tree "$f" > "$TMP/d1" 2>/dev/null
		case $f in *.md) want=md ;; *) want=text ;; esac
		"$R" -q -f $want -t tree "$f" > "$TMP/d2" 2>/dev/null
		if cmp -s "$TMP/d1" "$TMP/d2"; then ok "detected as $want: $(basename "$f")"
		else notok "detected as $want: $(basename "$f")"; fi
	done

	# Structure of the ga80 Markdown, counted by reading the files:
	# file formulas preambular operative footnotes sub-items
	while read -r file want; do
		f=$g/$file
		[ -f "$f" ] || { ok "# SKIP $file not in the corpus"; continue; }
		got=$("$R" -q -f md -t tree "$f" | python3 "$CHECK" counts)
		expect "ga80 md structure: $file" "$want" "$got"
	done <<'EOF'
A_RES_80_1.md formula=1 preambular=5 operative=3 footnotes=1 items=3
A_RES_80_23.md formula=1 preambular=9 operative=4 footnotes=1 items=0
A_RES_80_29.md formula=1 preambular=9 operative=4 footnotes=0 items=0
A_RES_80_8.md formula=1 preambular=32 operative=9 footnotes=6 items=0
A_RES_80_13.md formula=1 preambular=8 operative=5 footnotes=3 items=0
A_RES_80_19.md formula=1 preambular=24 operative=9 footnotes=6 items=0
EOF
	# md -> model -> md -> model -> md settles after one pass, and
	# every word read from the file is in cmark-gfm's rendering of
	# respub's Markdown.
	: > "$TMP/fails"; : > "$TMP/wfails"; n=0
	for f in "$g"/*.md; do
		case $f in */README.md) continue ;; esac
		n=$((n + 1))
		"$R" -q -f md -t md "$f" > "$TMP/g1.md" 2>/dev/null
		"$R" -q -f md -t md "$TMP/g1.md" > "$TMP/g2.md" 2>/dev/null
		cmp -s "$TMP/g1.md" "$TMP/g2.md" || echo "$(basename "$f")" >> "$TMP/fails"
		if [ $have_cmark = 1 ] && [ $have_py = 1 ]; then
			"$R" -q -f md -t tree "$f" > "$TMP/g.tree" 2>/dev/null
			cmark-gfm "$TMP/g1.md" > "$TMP/g1.html"
			python3 "$CHECK" words "$TMP/g.tree" "$TMP/g1.html" \
			    >/dev/null || echo "$(basename "$f")" >> "$TMP/wfails"
		fi
		[ -n "$RP_SANITIZED" ] && [ $n -ge 5 ] && break
	done
	if [ ! -s "$TMP/fails" ]; then ok "ga80 md rewritten is stable: $n files"
	else notok "ga80 md rewritten is stable" "$(tr '\n' ' ' < "$TMP/fails")"; fi
	if [ $have_cmark = 1 ] && [ $have_py = 1 ]; then
		if [ ! -s "$TMP/wfails" ]; then ok "ga80 md rewritten keeps every word: $n files"
		else notok "ga80 md rewritten keeps every word" "$(tr '\n' ' ' < "$TMP/wfails")"; fi
	fi
else
	ok "# SKIP no ga80-en corpus: detection and structure not checked"
fi

# The name is a hint, the content decides when it can: Akoma Ntoso named
# .md is read as AKN, text named .xml as text.
f=$ROOT/examples/S-RES-1377-2001.txt
"$R" -q -t akn "$f" > "$TMP/akn.md"
"$R" -q -f akn -t tree "$TMP/akn.md" > "$TMP/h1"
"$R" -q -t tree "$TMP/akn.md" > "$TMP/h2" 2>/dev/null
if [ -s "$TMP/h1" ] && cmp -s "$TMP/h1" "$TMP/h2"; then ok "detected as akn: XML named .md"
else notok "detected as akn: XML named .md"; fi
cp "$f" "$TMP/text.xml"
"$R" -q -f text -t tree "$TMP/text.xml" > "$TMP/h1"
"$R" -q -t tree "$TMP/text.xml" > "$TMP/h2" 2>/dev/null
if [ -s "$TMP/h1" ] && cmp -s "$TMP/h1" "$TMP/h2"; then ok "detected as text: text named .xml"
else notok "detected as text: text named .xml"; fi

# The letter's "*" footnote (a definition of one word, which plain
# CommonMark would take for a link definition) survives Markdown: in the
# model read back, and in the footnotes of the cmark-gfm rendering.
f=$ROOT/examples/S-RES-2617-2021-letter-zh.txt
"$R" -q -t md "$f" > "$TMP/letter.md"
got=$("$R" -q -t tree "$TMP/letter.md" | grep -A2 'footnote num="\*"' | grep -c '仅以来件所用语文分发')
expect "md letter: the * footnote read back" 1 "$got"
if [ $have_cmark = 1 ]; then
	cmark-gfm --extension footnotes "$TMP/letter.md" |
	    sed -n '/<section class="footnotes"/,/<\/section>/p' > "$TMP/fn.html"
	if grep -q '仅以来件所用语文分发' "$TMP/fn.html"; then
		ok "md letter: the * footnote in cmark-gfm's footnotes"
	else notok "md letter: the * footnote in cmark-gfm's footnotes"; fi
fi
got=$(sed -n 2p "$TMP/letter.md")
expect "md letter: front matter says it is a letter" "kind: letter" "$got"

# Template: -V and --template choose fields and footnote style.
f=$ROOT/examples/E-RES-2005-19.txt
"$R" -q -t md -V front-matter='year symbol' "$f" | sed -n 2,3p > "$TMP/fm"
expect "template: front-matter order" "year: 2005
symbol: E/RES/2005/19" "$(cat "$TMP/fm")"
printf 'front-matter =\nfootnotes = list\n' > "$TMP/t.conf"
"$R" -q -t md --template "$TMP/t.conf" "$f" > "$TMP/l.md"
if ! head -1 "$TMP/l.md" | grep -q '^---$' && ! grep -q '\[^' "$TMP/l.md" &&
    grep -q '^1\. ' "$TMP/l.md"; then ok "template: no front matter, notes as a list"
else notok "template: no front matter, notes as a list"; fi
"$R" -q -t md -V 'link-pattern=https://undocs.org/{symbol}' "$f" > "$TMP/k.md"
if grep -q '](https://undocs.org/' "$TMP/k.md"; then ok "link-pattern makes links"
else notok "link-pattern makes links"; fi
if "$R" -q -t md -V front-matter=bogus "$f" >/dev/null 2>&1; then
	notok "unknown front-matter field refused"
else ok "unknown front-matter field refused"; fi

# A verb alone before numbered paragraphs ("Resolves:" then "1. To work
# out ...", an ordered list in Markdown) is the intermediate formula, as
# the text reader reads it: S/RES/18 (1947), unsc-en of ../shared/corpus,
# whose hard-wrapped text is also valid Markdown.
"$R" -q -f md -t tree "$ROOT/tests/corpus/S_RES_0018_1947_EN_GOLD.txt" > "$TMP/lead.tree"
expect "md: a verb alone before numbered paragraphs is a formula" \
	'    formula name="intermediateFormula" @14:1' \
	"$(grep 'intermediateFormula' "$TMP/lead.tree")"

# Formula and verb on one paragraph ("大会建议:", "The General Assembly
# decides …") are the formula and the paragraph the verb opens, the
# recital before them its preamble, as the text reader reads them:
# A/RES/4 (I) (1946) in Chinese from tests/dev/zh, its lines as the
# paragraphs of a Markdown extraction.
f=$ROOT/tests/dev/zh/A_RES_4_I_1946_zh.txt
sed '$!G' "$f" > "$TMP/lead.md"
"$R" -q -f md -t tree "$TMP/lead.md" | sed 's/ @[0-9:]*//; s/ nosrc//' > "$TMP/lead-md.tree"
"$R" -q -f text -t tree "$f" | sed 's/ @[0-9:]*//; s/ nosrc//' > "$TMP/lead-text.tree"
if grep -q 'text="大会"' "$TMP/lead-md.tree" &&
    cmp -s "$TMP/lead-md.tree" "$TMP/lead-text.tree"; then
	ok "md: formula and verb in one paragraph, as the text reader reads them"
else notok "md: formula and verb in one paragraph, as the text reader reads them"; fi

# A formula whose verb leads in the Markdown list below it
# ("大会决定设置两专门委员会如下." then "- (甲)…"): the formula, and the
# list is the operative paragraph's sub-items, not a masthead line and a
# preamble.  A/RES/26 (I) (1946) in Chinese from tests/dev/zh, its lines
# as a Markdown extraction with the items as a list.
f=$ROOT/tests/dev/zh/A_RES_26_I_1946_zh.txt
sed -n '3,7p' "$f" | sed 's/^(\([甲乙]\))/- &/' > "$TMP/lead-list.md"
"$R" -q -f md -t tree "$TMP/lead-list.md" | sed 's/ @[0-9:]*//; s/ nosrc//' > "$TMP/lead-list.tree"
if grep -q '^    formula name="enactingFormula"' "$TMP/lead-list.tree" &&
    sed -n "/^  body/,\$p" "$TMP/lead-list.tree" | grep -q "^      list"; then
	ok "md: a formula leading in a list is the formula, the list its sub-items"
else notok "md: a formula leading in a list is the formula, the list its sub-items"; fi

# Notes a PDF-to-Markdown tool left as plain paragraphs at a page's foot
# ("1 See A/76/324.", no "[^1]:") are the footnotes their markers call
# ("resolution 72/55,1 of"), and the paragraph a note cuts ("…, and" /
# "14 See A/78/111." / "reiterates its request …") goes on after it:
# A/RES/80/43 (2025) from tests/dev/en (held-out round, session 8).
"$R" -q -t tree "$ROOT/tests/dev/en/A_RES_80_43.md" > "$TMP/plain.tree"
expect "md: plain notes at a page's foot are the footnotes, all linked" \
	"15 15" "$(grep -c '^ *footnote ' "$TMP/plain.tree") $(grep -c '^ *noteref ' "$TMP/plain.tree")"
expect "md: the paragraph a plain note cuts goes on after it" \
	'    paragraph num="9."' \
	"$(grep -B5 'text="reiterates its request to the Secretary-General to operationalize' "$TMP/plain.tree" | grep -o '^    paragraph num="[0-9]*\."')"

# A page break's wrapped line that opens with a number is no plain note
# out of sequence: in A/RES/80/24 (tests/dev/en), after notes 11-14 at the
# page's foot, "8 and 9 December 2014 and on 20 June 2022, …" goes on the
# recital "Recalling the successful convening …"; its 20 notes all linked.
"$R" -q -t tree "$ROOT/tests/dev/en/A_RES_80_24.md" > "$TMP/plain24.tree"
expect "md: a page break's '8 and 9 December' is no note 8" \
	'20 20     paragraph name="recalling" @112:1' \
	"$(grep -c '^ *footnote ' "$TMP/plain24.tree") $(grep -c '^ *noteref ' "$TMP/plain24.tree") $(grep -B12 'text="8 and "' "$TMP/plain24.tree" | grep '^    paragraph' | tail -1)"

# Many plain notes are looked up in one index of the markers above them
# (a search from the top for each note grew with the square of their
# number): 120 notes, numbers of one to three digits, all linked; and
# the links stop at a note whose number only a symbol holds above it
# ("A/7/1" is no marker 7), though each "N See …" block is still a note,
# as the text reader reads the same text (rp_note_block).
plain_many() {	# FILE SYMBOL7
	printf '# Resolution 1 (2020)\n\nThe General Assembly,\n\n' > "$1"
	i=1
	while [ $i -le 120 ]; do
		if [ $i = 7 ] && [ "$2" = symbol ]; then m="A/7/1"; else m="$i"; fi
		printf '*Recalling* the report of the Secretary-General %s on the matter,\n\n%s See document A/76/324.\n\n' "$m" $i >> "$1"
		i=$((i + 1))
	done
}
plain_many "$TMP/many.md" marker
plain_many "$TMP/many7.md" symbol
expect "md: 120 plain notes, all linked; no link past one only a symbol holds" \
	"120 120 120 6" \
	"$("$R" -q -t tree "$TMP/many.md" | grep -c '^ *footnote ') $("$R" -q -t tree "$TMP/many.md" | grep -c '^ *noteref ') $("$R" -q -t tree "$TMP/many7.md" | grep -c '^ *footnote ') $("$R" -q -t tree "$TMP/many7.md" | grep -c '^ *noteref ')"
