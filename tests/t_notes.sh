#!/bin/sh
# t_notes.sh -- footnote markers and definitions on real texts: Markdown
# notes in a .txt, bare-number markers in Markdown, markers glued to a
# year or in the old form with a slash, a page that begins with a number.
#
# Texts (tests/corpus/): A_RES_80_*.md and .pdftext.txt from ../shared/
# corpus/ga80-en (wannli/railcar), S_RES_*_EN_GOLD.txt from unsc-en
# (SeanFobbe/cr-unsc); E_RES_0833_B_XXXII_1961.txt and
# E_RES_1399_XLVI_1969.txt are ECOSOC resolutions 833 B (XXXII) and
# 1399 (XLVI) as published by UNODC, www.unodc.org/unodc/en/Resolutions/
# resolution_1961-08-03_2.html and resolution_1969-06-05_2.html.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
C=tests/corpus
R=$RESPUB

# tree FILE [ARGS]: the model, warnings dropped.
tree() { f=$1; shift; "$R" -q "$@" -t tree "$f" 2>/dev/null; }
# unlinked TREE: how many footnotes nothing refers to.
unlinked() { grep -c '^ *footnote .*refs=0' "$1"; }
notes() { grep -c '^ *footnote ' "$1"; }

# 1. Markdown notes in a .txt ("[^1]: ..." after "---", no front
# matter): read as Markdown, where cmark-gfm reads such notes, their
# continuation lines and "[^4]" markers; the text reader would need a
# second footnote syntax for what is Markdown throughout.
sed '1,/^---$/{/^---$/!d}; 1,/^---$/d' $C/A_RES_80_10.md > "$TMP/A_RES_80_10.txt"
head -1 "$TMP/A_RES_80_10.txt" | grep -q '^---$' && notok "md notes in .txt: front matter removed"
tree "$TMP/A_RES_80_10.txt" > "$TMP/n1"
tree "$TMP/A_RES_80_10.txt" -f md > "$TMP/n2"
if cmp -s "$TMP/n1" "$TMP/n2"; then ok "md notes in .txt: read as Markdown"
else notok "md notes in .txt: read as Markdown"; fi
# 14 definitions, one of them "[^1994]:", the wrapped line of note 10.
expect "md notes in .txt: 13 footnotes, all linked" "13 0" \
	"$(notes "$TMP/n1") $(unlinked "$TMP/n1")"
expect "md notes in .txt: no literal [^n] left" 0 "$(grep -c '\[^' "$TMP/n1")"
# Plain text with a "[^" elsewhere stays text.
printf 'The Security Council,\n\n1. Decides to use [^1] as a sign;\n' > "$TMP/p.txt"
"$R" -q -t tree "$TMP/p.txt" | head -1 > "$TMP/p1"
"$R" -q -f text -t tree "$TMP/p.txt" | head -1 > "$TMP/p2"
if cmp -s "$TMP/p1" "$TMP/p2"; then ok "a [^ inside a line does not make Markdown"
else notok "a [^ inside a line does not make Markdown"; fi

# 2. Bare-number markers in Markdown ("Rights, 1 the", "Women,5",
# "20233", "8and"): every footnote linked, none taken twice.
for f in $C/A_RES_80_*.md; do
	tree "$f" > "$TMP/m"
	expect "md markers: $(basename "$f") links every footnote" 0 "$(unlinked "$TMP/m")"
done
tree $C/A_RES_80_10.md > "$TMP/m10"
expect "md markers: A_RES_80_10 refers to 13 notes" 13 "$(grep -c 'noteref' "$TMP/m10")"
# "[^1994]:" under note 10 is its wrapped line "... September 1994".
expect "md markers: [^1994]: is a line of note 10" 1 \
	"$(grep -A3 'footnote num="10"' "$TMP/m10" | grep -c 'href="1994-09-13"')"
# A_RES_80_18: "[^7]: February 1984." under note 2, then the real 7.
tree $C/A_RES_80_18.md > "$TMP/m18"
expect "md markers: A_RES_80_18 note 2 ends 7 February 1984" 1 \
	"$(grep -A3 'footnote num="2"' "$TMP/m18" | grep -c 'href="1984-02-07"')"
# Real numbers stay: "decision EC-94/DEC.2;22" links 22 only, and the
# run-in paragraph numbers of A_RES_80_5 ("obligations 3. We") none.
tree $C/A_RES_80_34.md > "$TMP/m34"
expect "md markers: DEC.2 is a symbol's, not note 2" \
	'text=" on the implementation of decision EC-94/DEC.2;"' \
	"$(grep -o 'text=" on the implementation of decision EC-94/DEC[^"]*"' "$TMP/m34")"
tree $C/A_RES_80_5.md > "$TMP/m5"
expect "md markers: A_RES_80_5 each note referred to once" "" \
	"$(grep -o 'noteref num="[0-9]*"' "$TMP/m5" | sort | uniq -d)"
# "Weapons 6and the" (A/RES/80/51, ga80-en): the marker lost the space
# after it; the space before it moves after it, the words stay apart.
printf 'The General Assembly,\n\nAcknowledging the Treaty on the Non-Proliferation of Nuclear Weapons 6and the advisory opinion,\n\n1. Decides to act.\n\n[^6]: United Nations, Treaty Series, vol. 729, No. 10485.\n' > "$TMP/g6.md"
expect "md markers: 'Weapons 6and' gives 'Weapons[^6] and'" 1 \
	"$("$R" -q -t md "$TMP/g6.md" | grep -c 'Weapons\[^6\] and the')"
# Over the whole ga80 Markdown when the shared corpus is there.
# The corpus: $CORPUS, else the shared one beside the clone.
if [ -n "$CORPUS" ] && [ -d "$CORPUS" ]; then g=$CORPUS/ga80-en
else g=$ROOT/../shared/corpus/ga80-en; fi
if [ -d "$g" ]; then
	: > "$TMP/bad"
	# Under the sanitizers every fourth file.
	k=0
	for f in "$g"/*.md; do
		k=$((k + 1))
		[ -n "$RP_SANITIZED" ] && [ $((k % 4)) -ne 1 ] && continue
		tree "$f" > "$TMP/g"
		[ "$(unlinked "$TMP/g")" = 0 ] || basename "$f" >> "$TMP/bad"
	done
	expect "md markers: every ga80 .md links every footnote" "" "$(cat "$TMP/bad")"
else
	ok "# SKIP no ga80-en corpus (set CORPUS): whole-corpus footnote check"
fi

# 3. Plain text: markers glued to a year ("Decade 2024–" "203412"),
# after a comma and a space ("States, 13 and"), the old form ("1993, 1/
# and", "treaty,46/", "Drugs*/", "1961*/").
tree $C/A_RES_80_5.pdftext.txt > "$TMP/t5"
expect "text markers: A_RES_80_5 PDF text, 15 notes all linked" "15 0" \
	"$(notes "$TMP/t5") $(unlinked "$TMP/t5")"
expect "text markers: 203412 is 2034 then note 12" 1 \
	"$(grep -B1 'noteref num="12"' "$TMP/t5" | grep -c '2024– 2034"')"
for f in S_RES_0852_1993_EN_GOLD S_RES_0787_1992_EN_GOLD; do
	tree $C/$f.txt > "$TMP/u"
	got="$(notes "$TMP/u") $(unlinked "$TMP/u")"
	case $f in *0852*) want="3 0" ;; *) want="5 0" ;; esac
	expect "old-form markers: $f" "$want" "$got"
done
expect "old-form markers: a space after 3/ at a line end" 1 \
	"$(tree $C/S_RES_0852_1993_EN_GOLD.txt | grep -c 'text=" approved by resolution "')"
tree $C/E_RES_0833_B_XXXII_1961.txt > "$TMP/e1"
expect "old-form markers: ECOSOC 833 B (XXXII) *\\/ and 46\\/" "2 0 2" \
	"$(notes "$TMP/e1") $(unlinked "$TMP/e1") $(grep -c noteref "$TMP/e1")"
tree $C/E_RES_1399_XLVI_1969.txt > "$TMP/e2"
expect "old-form markers: ECOSOC 1399 (XLVI) 1961*\\/" "1 0" \
	"$(notes "$TMP/e2") $(unlinked "$TMP/e2")"
# OCR "6 fbid." (Ibid.) after a finished sentence is still a note.
expect "definitions: S/RES/100 (1953) OCR note 6 kept" 1 \
	"$(tree $C/S_RES_0100_1953_EN_GOLD.txt | grep -c '^ *footnote num="6"')"

# 4. A page break in a sentence, then a line that starts with a number,
# is no note.  Excerpt of A/RES/69/37 (en.wikisource.org, "United
# Nations General Assembly Resolution A/69/37"), broken as a page does.
cat > "$TMP/p69.txt" <<'EOF'
The General Assembly,

Bearing in mind the discussions held at the Conferences on the Humanitarian Impact of Nuclear Weapons, hosted by Norway on 4 and 5 March 2013 and by Mexico on 13 and 14 February 2014, aimed at understanding and developing a greater awareness of the catastrophic consequences of nuclear weapons detonations, which further reinforce the urgency of nuclear disarmament, and welcoming the announcement by Austria to convene a third meeting on the humanitarian impact of nuclear weapons on

8 and 9 December 2014,
EOF
tree "$TMP/p69.txt" > "$TMP/p69"
expect "page break: 8 and 9 December 2014 is no note 8" "0 1" \
	"$(notes "$TMP/p69") $(grep -c 'href="2014-12-09"' "$TMP/p69")"
sed 's/^8 and 9 December 2014,/8 December 2014,/' "$TMP/p69.txt" > "$TMP/p69b.txt"
expect "page break: 8 December 2014 is no note 8" 0 "$(tree "$TMP/p69b.txt" | grep -c '^ *footnote ')"

# 5. One resolution three times in a file: notes 1, 2, 3 three times.  The
# Markdown labels stay unique and in order of the series (1-2 after 1).
for i in 1 2 3; do cat "$ROOT/examples/A-RES-58-136.txt"; done > "$TMP/x3.txt"
expect "Markdown labels of notes given thrice: 1 2 3 1-2 2-2 3-2 1-3 2-3 3-3" \
	"[^1]: [^2]: [^3]: [^1-2]: [^2-2]: [^3-2]: [^1-3]: [^2-3]: [^3-3]:" \
	"$("$R" -q -t md "$TMP/x3.txt" | grep -o '^\[^[^]]*\]:' | tr '\n' ' ' | sed 's/ $//')"

# 6. Notes numbered as a list past the adoption line ("1. Procès-verbaux",
# "2. Ibid.") go on their sequence: in A/RES/80/9 (2025, tests/dev/en),
# the annex's "9." alone at the top of page 3, under the running head and
# notes 5-11 of page 2, is its paragraph 9, not a second note 9.
tree "$ROOT/tests/dev/en/A_RES_80_9.pdftext.txt" > "$TMP/r809"
expect "page top: an annex's 9. under notes 5-11 is its paragraph" \
	'15 1' "$(notes "$TMP/r809") $(grep -c '^        paragraph num="9\."' "$TMP/r809")"

# 7. Two markers a scan set together inside a word: "第一2325兩月" in
# S/RES/44 (1948) (tests/dev/zh) is notes 23 and 25, 24 cited further on;
# and in S/RES/323 (1972) (tests/dev/fr) the notes 22-24 at a column's
# foot, "23 Conséquences juridiques …" right after 22, are notes.
tree "$ROOT/tests/dev/zh/S_RES_0044_1948_zh.txt" > "$TMP/zh44"
expect "glued pair: 第一2325兩月 cites notes 23 and 25, none left uncited" \
	'23 25 24 0' \
	"$(grep -o 'noteref num="[0-9]*"' "$TMP/zh44" | grep -o '[0-9]*' |
	tr '\n' ' ')$(unlinked "$TMP/zh44")"
tree "$ROOT/tests/dev/fr/S_RES_0323_1972_fr_ocr.txt" > "$TMP/fr323"
expect "column foot: 22, then 23 opening with a verb-like word, are notes" \
	4 "$(notes "$TMP/fr323")"

# 8. Official PDF text as pdftotext gives it without -layout (tests/dev/en
# *_undocs.txt, yuiseki/undocs): a page foot lists the notes' numbers
# apart from their texts, in any order ("1", "Resolution 217 A (III).",
# "A/CONF.157/24 (Part I), chap. III.", "3", "See resolution 2200 A
# (XXI), annex.", "2" in A/RES/60/251; "Resolution 2625 (XXV), annex.",
# "United Nations, Treaty Series, vol. 75, …", "3", "Ibid., …", "1", "2"
# in A/RES/ES-11/1): the texts take the numbers in ascending order.
D=tests/dev/en
tree $D/A_RES_60_251_undocs.txt > "$TMP/u251"
expect "scattered page foot: A/RES/60/251 three notes, all linked" "3 0" \
	"$(notes "$TMP/u251") $(unlinked "$TMP/u251")"
expect "scattered page foot: note 2 of A/RES/60/251 is A/CONF.157/24" 1 \
	"$(grep -A2 '^ *footnote num="2"' "$TMP/u251" | grep -c 'A/CONF.157/24')"
tree $D/A_RES_ES-11_1_undocs.txt > "$TMP/ues11"
expect "scattered page foot: note 2 of A/RES/ES-11/1 is the Treaty Series" 1 \
	"$(grep -A2 '^ *footnote num="2"' "$TMP/ues11" | grep -c 'Treaty Series, vol. 75')"
# "[without reference to a Main Committee (A/68/L.39 and Add.1)]": the
# ".1" of "Add.1" is the symbol's, not note 1, which "… of 5 December
# 1994, 1 the Treaty" cites (A/RES/68/262).
tree $D/A_RES_68_262_undocs.txt > "$TMP/u262"
expect "Add.1 is a symbol's part: note 1 is cited by '1994, 1 the Treaty'" \
	"36" "$(grep -o 'noteref num="1" to=1 @[0-9]*' "$TMP/u262" | sed 's/.*@//')"
# The old form's marker alone on its line, its note's text in the next
# block ("1/", a blank line, "See resolution 2200 A (XXI), annex.",
# A/RES/47/135 of 1992, a scanned page's text): one note, cited by
# "… Civil and Political Rights 1/ concerning …".
tree $D/A_RES_47_135_undocs.txt > "$TMP/u135"
expect "old form alone on its line: 1/ then its text is note 1, cited" 1 \
	"$(grep -A3 '^ *footnote num="1" index=1 refs=1' "$TMP/u135" | grep -c 'See resolution')"
# After a symbol's part, a spaced marker: "document S/4279 and⏎Add.1 1
# concerning …" (S/RES/134 (1960), ../shared/corpus/unsc-en, excerpt) is
# "Add.1" and note 1, not "Add." and a note glued to it.
cat > "$TMP/s134.txt" <<'EOF2'
The Security Council,

Having considered the complaint of twenty-nine
Member States contained in document S/4279 and
Add.1 1 concerning "the situation arising out of the large-scale killings",

1. Recognizes that the situation has led to international friction.

1 See Official Records of the Security Council, Fifteenth Year,
Supplement for January, February and March 1960.
EOF2
expect "spaced marker after Add.1: the text keeps Add.1, note 1 cited" "1 1" \
	"$(tree "$TMP/s134.txt" | grep -c 'text=" and Add.1"') $(tree "$TMP/s134.txt" | grep -c 'footnote num="1" index=1 refs=1')"
# A/RES/ES-11/6 (2023): the job number between a note's number and its
# text ("1", "23-03722 (E)", "See Official Records …"), and the page
# number between the numbers and the texts ("2", "3", "2/3", "United
# Nations, Treaty Series …", "Ibid., …"), under a rule like the page
# before's (no running head): three notes, all cited.
tree $D/A_RES_ES-11_6_undocs.txt > "$TMP/ues6"
expect "page foot past the job and page numbers: three notes, all cited" "3 0" \
	"$(notes "$TMP/ues6") $(unlinked "$TMP/ues6")"
