#!/bin/sh
# t_structure.sh -- the reader finds the structure a human reader sees:
# paragraph, footnote and annex counts, date, meeting and vote of the
# founding texts, of corpus texts and of the development set in six
# languages, counted by reading them (tests/structure.tsv,
# tests/dev/*/expected.tsv).  Also: bad input fails cleanly.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# The development set (tests/dev/<lang>/expected.tsv, real texts in the
# six languages counted by reading) is asserted the same way.
# Under the sanitizers every third text (each language still in).
step=1
[ -n "$RP_SANITIZED" ] && step=3
cat tests/structure.tsv tests/dev/*/expected.tsv | grep -v '^#' |
    awk -v s="$step" '(NR - 1) % s == 0' |
while IFS='	' read -r file want; do
	if ! "$RESPUB" -q -t tree "$file" > "$TMP/t.tree"; then
		notok "structure: $file" "respub failed"
		continue
	fi
	got=$(python3 tests/tools/counts.py "$TMP/t.tree")
	expect "structure: $file" "$want" "$got"
done

# The title a reader sees, never a masthead line: the number alone over
# it ("77/13.", "ES-11/1."), not the series letter "S" of the UN mark, the
# emblem OCR read as "•", "(on the report … (A/47/678/Add.2)]", a
# committee line whose first bracket OCR read as "(", the draft's symbol
# "〔S/296〕", the date line "du 11 mai 1970" under the heading, or the
# heading "RESOLUCIÓN 1414 (23 de mayo de 2002)" (lang/es.conf): a
# Security Council resolution has no title, whatever heading or subject
# a copy sets over it ("Résolution 26 du Conseil de sécurité des Nations
# unies", "قرار مجلس الأمن رقم 425", "Nations Unies S/691", "联合国 |
# S/RES/2446 (2018) |安全理事会 |", a web page's subject).  Nor is a
# General Assembly number with its session part of the title ("2758
# (XXVI). …", "二一五九(二十一)、…"); a catalogue's " :" is no part of
# it, and the catalogue completes a title a PDF's text cut short.  A
# masthead line a copy ran together is cut into its lines ("A/RES/49/12
# 21 November 1994", "Asamblea General Quincuagésimo quinto período de
# sesiones Tema 114 b) del programa"), and "49/12.Work" is a number and
# its title, as is "54/254.联合国…" after masthead lines run onto it.  The
# Council's yearbook heading "COMITE D'ETAT-MAJOR 1 (1946). Résolution du
# 25 janvier 1946" numbers it as the Council does: no title.  A number
# in Chinese numerals and a space before the title ("四 非政府组织…",
# never digits) and a web copy's "Résolution 32-1:" (32 (I)) are no
# part of it.
while IFS='|' read -r file want; do
	got=$("$RESPUB" -q -t tree "$file" | head -1 |
	    sed -n 's/.* title="\([^"]*\)".*/\1/p')
	expect "title: $file" "$want" "$got"
done <<'EOF'
tests/dev/en/A_RES_77_13_undocs.txt|Cooperation between the United Nations and the Collective Security Treaty Organization
tests/dev/en/A_RES_ES-11_1_undocs.txt|Aggression against Ukraine
tests/dev/en/S_RES_1003_1995_undocs.txt|
tests/dev/en/S_RES_2250_2015_undocs.txt|
tests/dev/en/A_RES_47_135_undocs.txt|Declaration on the Rights of Persons Belonging to National or Ethnic. Religious and Linguistic Minorities
tests/dev/zh/S_RES_0020_1947_zh.txt|
tests/dev/fr/S_RES_0278_1970_fr_ocr.txt|
tests/dev/es/S_RES_1414_2002_es.txt|
tests/dev/fr/S_RES_0026_1947_fr_wikisource.txt|
tests/dev/fr/S_RES_0042_1948_fr_web.txt|
tests/dev/ar/S_RES_425_1978_ar_unofficial.txt|
tests/dev/ar/S_RES_607_1988_ar_aardi.txt|
tests/dev/zh/S_RES_2446_2018_zh.txt|
tests/dev/es/S_RES_0108_1955_es_wikisource.txt|
tests/dev/en/S_RES_0608_1988_jvl.txt|
tests/dev/es/A_RES_2758_XXVI_es_wikisource.txt|Restitución de los legítimos derechos de la República Popular China en las Naciones Unidas.
tests/dev/fr/A_RES_2758_XXVI_fr.txt|Rétablissement des droits légitimes de la République populaire de Chine à l’Organisation des Nations unies
tests/dev/zh/A_RES_2159_XXI_zh.txt|中国在联合国之代表权问题
tests/dev/en/A_RES_80_24.md|Nuclear disarmament
tests/dev/en/A_RES_49_12.txt|Work of the Preparatory Committee for the Fiftieth Anniversary of the United Nations
tests/dev/es/A_RES_55_93_es_pdf.txt|Proclamación del 18 de diciembre Día Internacional del Migrante
tests/dev/zh/A_RES_54_254_zh.txt|联合国千年首脑会议
tests/dev/fr/S_RES_0001_1946_fr.txt|
tests/dev/en/A_RES_80_23.pdftext.txt|Possible risks of the integration of artificial intelligence into command, control and communications systems of nuclear weapons
tests/dev/zh/A_RES_4_I_1946_zh.txt|非政府组织代表出席经济暨社会理事会
tests/dev/zh/A_RES_26_I_1946_zh.txt|设置二专门委员会案
tests/dev/fr/A_RES_32_I_fr.txt|Relations entre les Membres des Nations Unies et l'Espagne
tests/dev/en/S_RES_0827_1993_undocs.txt|
EOF

# A scan's masthead (S/RES/827 (1993)) whose OCR broke the body's name
# with spaces and read its final "l" as "I": the body line all the same.
expect "OCR-broken 'Security Cou nci I': the body line" "role=body" \
    "$("$RESPUB" -q -t tree tests/dev/en/S_RES_0827_1993_undocs.txt |
    grep -B1 'text="Security Cou nci I"' | sed -n 's/.*block \(role=[a-z]*\).*/\1/p')"

# An official PDF text of 2000 (A/RES/55/2, pdftotext): the running head
# is the symbol alone, opening each page after the form feed, with no
# page number near it (page 1 bears none), so it is furniture, no
# heading; the page's number may stand before the page's last lines
# ("2", then paragraph 7 going on) or after a note of the same number
# ("9", "6", note 9's text: the last "6" of page 6); and a note's
# number alone under the last line of the note before ("… annex II.",
# "8", "", "See United Nations …") opens note 8.
f=tests/dev/en/A_RES_55_2_undocs.txt
"$RESPUB" -q -t tree "$f" > "$TMP/m.tree"
expect "running head after a form feed: furniture, the masthead's symbol" 1 \
	"$(sed '/^  furniture/,$d' "$TMP/m.tree" | grep -c 'text="A/RES/55/2"')"
expect "page numbers away from the form feed: furniture, every page" \
	"@115:1 @186:1 @258:1 @317:1 @390:1 @455:1 @509:1 @543:1" \
	"$(sed -n '/^  furniture/,$p' "$TMP/m.tree" |
	sed -n 's/.*text \(@[0-9]*:1\) text="[0-9]"$/\1/p' | tr '\n' ' ' |
	sed 's/ $//')"
expect "note number under the note before: its own note" 1 \
	"$(grep -c 'footnote num="8" .*@383:' "$TMP/m.tree")"
# Page 4 has no rule over its notes and lists their numbers apart from
# their texts: "16.", "3", "4", the rest of paragraph 16, then "See
# CD/1478." and "Amended protocol … annex B)." over the page's number.
# Notes 3 and 4 take those texts ("Destruction, 3", "weapons. 4" cite
# them), and paragraph 16 keeps its own text alone.
expect "note numbers listed apart from their texts, no rule: notes 3, 4" \
	"1 1" "$(grep -c 'footnote num="3" index=3 refs=1 @253:' "$TMP/m.tree") \
$(grep -c 'footnote num="4" index=4 refs=1 @255:' "$TMP/m.tree")"
expect "note numbers listed apart from their texts: paragraph whole" 1 \
	"$(sed -n '/paragraph num="16\."/,/paragraph num="17\."/p' \
	"$TMP/m.tree" | grep -c '^      block')"
# A section's heading after a blank line, over its paragraph's number
# ("… pornography. 13", a blank, "VII. Meeting the special needs of
# Africa", "27."), though the text above ends in a note's marker and the
# title opens with a drafting opener ("Meeting"): a heading, as "VI.
# Protecting the vulnerable" is after "… information.".
expect "heading after a blank line, over a numbered paragraph" 1 \
	"$(grep -A2 '^    heading @431:1' "$TMP/m.tree" |
	grep -c 'text="VII. Meeting the special needs of Africa"')"
# "Adopts the following Declaration:" then the Declaration's title on the
# next line, then "I." past the page's job number: the title is a
# heading, not the paragraph going on.
expect "title under a line ending in a colon, a section below: heading" \
	"1 1" "$(grep -c 'text=" the following Declaration:"$' "$TMP/m.tree") \
$(grep -A2 '^    heading @22:1' "$TMP/m.tree" |
	grep -c 'text="United Nations Millennium Declaration"')"

# S/RES/1244 (1999) as pdftotext gives it: the bullets of the annexes'
# lists stand alone on their lines ("-", a blank, the item's text), each
# the item of the text after it, never a heading (7 + 4 + 6 items; the
# 4 of note 1 under "Notes" are the note's text, its one block);
# and a line of running text at a page's foot that repeats part of a
# recital ("territorial integrity of … and the other", in lower case)
# is no running head.
f=tests/dev/en/S_RES_1244_1999_undocs.txt
"$RESPUB" -q -t tree "$f" > "$TMP/k.tree"
expect "bullets alone on their lines: items" 17 \
	"$(grep -c 'item num="-"' "$TMP/k.tree")"
expect "running text repeating a recital's words: not furniture" 0 \
	"$(sed '/^  furniture/,$!d' "$TMP/k.tree" | grep -c 'territorial')"

# The 1990s prints close with a rule of dashes under the last paragraph
# ("Decides to remain actively seized of the matter.", "-----"): the
# print's end mark is furniture, no text of paragraph 5.
expect "end mark under the last paragraph: furniture" "0 1" \
	"$("$RESPUB" -q -t tree tests/dev/en/S_RES_1003_1995_undocs.txt |
	awk 'BEGIN { f = 0 } /^  furniture/ { f = 1 } /text="-----"/ { n[f]++ }
	END { printf "%d %d", n[0], n[1] }')"

# A recital ending in a marker after a number ("… and Add.1, 36"), a
# blank line, then "Having heard …": two paragraphs, not one.
expect "marker after a number, then a recital: its own paragraph" 1 \
	"$("$RESPUB" -q -t tree tests/corpus/S_RES_0411_1977_EN_GOLD.txt |
	grep -c 'paragraph name="havingHeard"')"

# A day written with the old numeral 廿 (20): "一九四六年一月廿六日,第十八次全会."
# gives the adoption date.
expect "Chinese date with 廿: adoption date read" 1 \
	"$("$RESPUB" -q -t tree tests/dev/zh/A_RES_26_I_1946_zh.txt |
	head -1 | grep -c 'date="1946-01-26"')"

# A formula with its article and no comma run into a recital ("إن
# الجمعية العامة وقد تسلمت …"), and the formula named again before the last
# recital ("فإن الجمعية العامة،"): five recitals, two operative paragraphs.
"$RESPUB" -q -t tree tests/dev/ar/A_RES_273_III_ar_lightssyr.txt > "$TMP/f.tree"
expect "formula without comma run into a recital, formula again" \
	"pre=5 op=2" "$(python3 tests/tools/counts.py "$TMP/f.tree" | cut -d' ' -f1-2)"

# A copy that quotes the whole text ("« Le Conseil de sécurité," … "732e
# séance[3]. »", S/RES/116 (1956) quoted on a French Wikipedia page): the
# opening mark stays with the formula, no title "«".
"$RESPUB" -q -t tree tests/dev/fr/S_RES_0116_1956_fr_wikipedia.txt > "$TMP/q.tree"
expect "quoted text: the opening mark stays with its formula" \
	'1 0' "$(grep -c 'text="« Le Conseil de sécurité,"' "$TMP/q.tree") $(grep -c 'role=title' "$TMP/q.tree")"

# "大会决定设置两专门委员会如下." before the sub-items "(甲)" "(乙)": the
# formula and the verb of the operative paragraph they belong to, not a
# note of the masthead over a preambular list.
"$RESPUB" -q -t tree tests/dev/zh/A_RES_26_I_1946_zh.txt > "$TMP/g.tree"
expect "Chinese formula and verb before sub-items: formula found" 1 \
	"$(grep -c 'formula name="enactingFormula"' "$TMP/g.tree")"
expect "Chinese formula and verb before sub-items: no preamble" "pre=0" \
	"$(python3 tests/tools/counts.py "$TMP/g.tree" | cut -d' ' -f1)"

# A footnote marker in words (zh.conf [note markers]): "…所在地.(注)" cites
# the note "(注)大会…修改如下:", whose quoted text on the next block is its
# own; the paragraph after the cited item is not glued to it.
expect "marker in words: cited" 1 \
	"$(grep -c 'noteref num="(注)" to=1' "$TMP/g.tree")"
expect "marker in words: the note keeps what it quotes" 1 \
	"$(sed -n '/^  notes/,$p' "$TMP/g.tree" | grep -c '修改如下: “以研讨')"

# Markers after Han text where a clause ends, only as the note expected
# next: "…決議案1" (S/RES/6, the heading) and "…通過。 1" (S/RES/443, the
# adoption line, the note on the next line) cite their notes.
expect "marker glued to Han at a clause's end: cited" 1 \
	"$("$RESPUB" -q -t tree tests/dev/zh/S_RES_0006_1946_zh.txt |
	grep -c 'footnote num="1" index=1 refs=1')"
expect "marker after a wide stop and a space: cited" 1 \
	"$("$RESPUB" -q -t tree tests/dev/zh/S_RES_0443_1978_zh.txt |
	grep -c 'footnote num="1" index=1 refs=1')"

# Every node has a source position.
"$RESPUB" -t tree examples/E-RES-2005-19.txt > "$TMP/e.tree"
expect "positions: every node has line:col" 0 \
	"$(grep -vc ' @[1-9][0-9]*:[1-9][0-9]*' "$TMP/e.tree")"

# Bad input: one line naming file and line, exit 1, no output file.
printf 'The Council,\n\n1. Decides\n\377\376\n' > "$TMP/bad.txt"
"$RESPUB" -t akn -d "$TMP/out" "$TMP/bad.txt" 2> "$TMP/err"
expect "bad input: exit status 1" 1 $?
expect "bad input: one message line" 1 "$(wc -l < "$TMP/err")"
if grep -q "bad.txt:4:1: error: invalid UTF-8" "$TMP/err"; then
	ok "bad input: message names file and line"
else
	notok "bad input: message names file and line" "$(cat "$TMP/err")"
fi
expect "bad input: no partial output" "" "$(ls "$TMP/out" 2>/dev/null)"
printf 'abc\000def' > "$TMP/nul.txt"
"$RESPUB" -t akn "$TMP/nul.txt" > /dev/null 2>&1
expect "NUL byte: exit status 1" 1 $?
"$RESPUB" -t nonsense examples/E-RES-2005-19.txt > /dev/null 2>&1
expect "unknown format: exit status 2" 2 $?
"$RESPUB" "$TMP/missing.txt" > /dev/null 2>&1
expect "missing file: exit status 1" 1 $?
"$RESPUB" --help | grep -q '^usage: ' && ok "--help prints usage" || notok "--help"
"$RESPUB" --version | grep -q '^respub [0-9]' && ok "--version" || notok "--version"
# stdin to stdout.
"$RESPUB" -t tree < examples/S-RES-1377-2001.txt | grep -q 'symbol="S/RES/1377 (2001)"' \
	&& ok "stdin: read and converted" || notok "stdin"
# A wrapped line that only looks like an opener continues its paragraph:
# "661 (1990)" broken before "(1990)" is a reference, not an item.
"$RESPUB" -q -t tree tests/corpus/S_RES_0883_1993_EN_GOLD.txt > "$TMP/w.tree"
expect "wrapped: no item \"(1990)\"" 0 "$(grep -c 'item num="([0-9][0-9][0-9][0-9])"' "$TMP/w.tree")"
# "...fixed by the" / "Security Council," is no enacting formula.
expect "wrapped: one enacting formula" 1 \
	"$(grep -c 'enactingFormula' "$TMP/w.tree")"
# A wrapped line of A/RES/80/8 (PDF text) opening "– in which it called
# upon" continues its recital: no dash item anywhere in the text.
"$RESPUB" -q -t tree tests/corpus/A_RES_80_8.pdftext.txt > "$TMP/d.tree"
expect "wrapped: \"– in which\" is no bullet" 0 "$(grep -c 'item num=' "$TMP/d.tree")"
# Russian recitals open in lower case and end "; и" ("; and"): across
# the blank line each is a recital of its own, not glued to the one
# before.  The Universal Declaration in Russian (tests/scripts/udhr-ru.txt,
# from ../shared/corpus/udhr-6: repository eric-muller/udhr, commit
# 74e4d52), whose preamble has seven, the first alone in capitals.
"$RESPUB" -q -t tree tests/scripts/udhr-ru.txt > "$TMP/ru.tree"
expect "ru: lower-case recitals across blank lines stay apart" 7 \
	"$(grep -c '^    paragraph name="принимаявовнимание"' "$TMP/ru.tree")"
# A Wikisource transcription links each printed page with "[N]", here
# before the formula: "[1] Совет Безопасности," is the formula, not a
# note of the heading.  Excerpt (heading, formula, first recital) of
# S/RES/3 (1946) on https://ru.m.wikisource.org/wiki/S/RES/3_(1946)
# (from the 1946 yearbook; public domain, ST/AI/189/Add.9/Rev.2).
cat > "$TMP/ws.txt" <<'TXT'
Резолюция
от 4 апреля 1946 года № S/RES/3 (1946)


[1] Совет Безопасности,

принимая к сведению заявления представителя Ирана о том, что обращение Ирана к Совету вызвано присутствием в Иране войск Союза Советских Социалистических Республик и их продолжающимся присутствием там после срока, предусмотренного для их вывода в Трехстороннем договоре от 29 января 1942 гола[1],
TXT
"$RESPUB" -q -t tree "$TMP/ws.txt" > "$TMP/ws.tree"
expect "page marker: \"[1] Совет Безопасности,\" is the formula" 1 \
	"$(grep -c 'enactingFormula' "$TMP/ws.tree")"
expect "page marker: body read from the formula" 1 \
	"$(grep -c '^document .*body=un-sc' "$TMP/ws.tree")"
# The heading names no number but cites the symbol ("№ S/RES/3 (1946)"):
# the one resolution the heading cites is the text's own.
expect "symbol cited by the heading is the text's own" 1 \
	"$(grep -c '^document .*symbol="S/RES/3 (1946)" number="3"' "$TMP/ws.tree")"
# A web page's breadcrumbs pasted above the heading, bulleted or
# numbered: labels, not paragraphs; the heading and formula are read
# below them.  Excerpts (breadcrumbs to the second recital, to the
# fifth) of S/RES/1929 (2010) on https://iplex360.com.ua/npa.php?code=995_i86
# and of S/RES/1615 (2005) on https://iplex360.com.ua/npa.php?doc=1014.5865.0
cat > "$TMP/crumbs.txt" <<'TXT'
- Правова система ipLex360
- Законодавство
- Резолюція
Резолюция 1929 (2010),
принятая Советом Безопасности на его 6335-м заседании
Совет Безопасности,
вновь подтверждая свою приверженность
Договору о нераспространении ядерного оружия, необходимость полного соблюдения всеми государствами - участниками этого Договора всех своих обязательств и напоминая о праве государств-участников, руководствуясь статьями I и II этого Договора, развивать исследования, производство и использование ядерной энергии в мирных целях без дискриминации,
ссылаясь на резолюцию Совета управляющих МАГАТЭ (GOV/2006/14), в которой отмечается, что решение иранской ядерной проблемы внесет вклад в глобальные усилия по нераспространению и в реализацию цели того, что Ближний Восток станет свободным от оружия массового уничтожения, включая средства его доставки,
TXT
expect "breadcrumbs (bulleted): heading, meeting and preamble read" \
	"pre=2 op=0 notes=0 annexes=0 date=- meeting=6335-м_заседании vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/crumbs.txt" | python3 tests/tools/counts.py /dev/stdin)"
cat > "$TMP/crumbs2.txt" <<'TXT'
1. Правова система ipLex360
  2. Законодавство
  3. Резолюція


Резолюция 1615 (2005),
принятая Советом Безопасности на его 5242-м заседании
29 июля 2005 года
Совет Безопасности,
ссылаясь на все свои соответствующие резолюции, в частности резолюцию 1582 от 28 января 2005 года (S/RES/1582),
приветствуя доклад Генерального секретаря от 14 июля 2005 года,
ссылаясь на выводы Лиссабонской (S/1997/57, приложение) и Стамбульской встреч на высшем уровне Организации по безопасности и сотрудничеству в Европе (ОБСЕ) , касающиеся положения в Абхазии, Грузия,
ссылаясь на соответствующие принципы, содержащиеся в Конвенции о безопасности персонала Организации Объединенных Наций и связанного с ней персонала, принятой 9 декабря 1994 года,
выражая сожаление по поводу того, что личности тех, кто сбил вертолет Миссии Организации Объединенных Наций по наблюдению в Грузии (МООННГ) 8 октября 2001 года, в результате чего погибли девять человек, находившихся на борту, до сих пор не установлены,
TXT
expect "breadcrumbs (numbered): no operative paragraph before the formula" \
	"pre=5 op=0 notes=0 annexes=0 date=2005-07-29 meeting=5242-м_заседании vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/crumbs2.txt" | python3 tests/tools/counts.py /dev/stdin)"
# A web copy that puts the formula and the recital after it on one line
# (Russian has no article to show the formula): "Генеральная Ассамблея,
# подвергнув …" is the formula, then a recital.  Excerpt (first lines) of
# A/RES/194 (III) as on
# https://welena.ru/accessories/rezolyuciya-oon-rezolyuciya-soveta-bezopasnosti-oon---eto-sb-oon-edinoglasno.html
cat > "$TMP/glued.txt" <<'TXT'
Генеральная Ассамблея, подвергнув ситуацию в Палестине дальнейшему рассмотрению,
1. выражает чувство глубокого удовлетворения по поводу результатов, достигнутых покойным Посредником Организации Объединенных Наций в деле содействия мирному урегулированию будущего положения в Палестине, за которое он пожертвовал своей жизнью; и выражает благодарность исполняющему обязанности Посредника и его сотрудникам за их неослабные усилия и преданность долгу в их работе в Палестине;
TXT
"$RESPUB" -q -t tree "$TMP/glued.txt" > "$TMP/glued.tree"
expect "formula and recital on one line: formula" 1 \
	"$(grep -c 'enactingFormula' "$TMP/glued.tree")"
expect "formula and recital on one line: the recital's opener" 1 \
	"$(grep -c 'paragraph name="подвергнув"' "$TMP/glued.tree")"
expect "formula and recital on one line: counts" \
	"pre=1 op=1 notes=0 annexes=0 date=- meeting=- vote=-" \
	"$(python3 tests/tools/counts.py "$TMP/glued.tree")"
# A web copy with neither formula nor blank lines: the heading ends in
# "1998 года." and the next line is a whole recital ("ссылаясь на ...,"),
# where the preamble begins; before, heading and recitals were one title.
# Excerpt (heading, the four recitals, paragraph 1) of S/RES/1154 (1998)
# as stored from a mirror of the University of Minnesota Human Rights
# Library, https://645012.skal.fun/russian/resolutions/SC98/R1154SC98.html
# (Latin "C" and "o" in "Cоветом", "егo" as there).
cat > "$TMP/nof.txt" <<'TXT'
Резолюция 1154 (1998),
принятая
Cоветом Безопасности на егo 3858-м заседании,
2 марта
1998 года.
ссылаясь на все свои предыдущие соответствующие резолюции, которые представляют собой основной критерий соблюдения Ираком своих обязанностей,
будучи преисполнен решимости обеспечить немедленное и полное выполнение Ираком без условий или ограничений его обязанностей по резолюции 687 (1991) и другим соответствующим резолюциям,
подтверждая приверженность всех государств-членов суверенитету, территориальной целостности и политической независимости Ирака, Кувейта и соседних государств,
действуя на основании главы VII Устава Организации Объединенных Наций,
1. высоко оценивает инициативу Генерального секретаря с целью добиться от правительства Ирака обязательств в отношении соблюдения его обязанностей по соответствующим резолюциям и в этой связи одобряет меморандум о взаимопонимании, подписанный заместителем премьер-министра Ирака и Генеральным секретарем 23 февраля 1998 года (S/1998/166), и ожидает его скорейшего и полного осуществления;
TXT
expect "no formula, recital under the heading's date: counts" \
	"pre=4 op=1 notes=0 annexes=0 date=1998-03-02 meeting=3858-м_заседании vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/nof.txt" | python3 tests/tools/counts.py /dev/stdin)"
# The formula on its line, a blank line, then a recital in lower case
# that opens with no known participle ("в соответствии со …", in a
# translation that is not the UN's): the formula stands alone; before,
# the two were one operative paragraph and the text had no preamble.
# Excerpt (formula to the second recital, "Совет безопасности, " as there)
# of S/RES/2268 (2016) on https://cont.ws/@versum/211701
cat > "$TMP/alone.txt" <<'TXT'
Совет безопасности, 

в соответствии со своими резолюциями 2042 (2012), 2043 (2012), 2118 (2013), 2139 (2014), 2165 (2014), 2170 (2014), 2175 (2014), 2178 (2014), 2191 (2014), 2199 (2015), 2235 (2015), 2249 (2015), 2253 (2015), 2254 (2015) и 2258 (2015), и заявлениями Председателя от 3 августа 2011 года (S/PRST/2011/16), 21 марта 2012 года (S/PRST/2012/6), 5 апреля 2012 года (S/PRST/2012/10), 2 октября 2013 года (S/PRST/2013/15), 24 апреля 2015 года (S/PRST/2015/10) и 17 августа 2015 года (S/PRST/2015/15),

вновь подтверждая свою твердую приверженность суверенитету, независимости, единству и территориальной целостности Сирийской Арабской Республики, а также целям и принципам Устава Организации Объединенных Наций,
TXT
"$RESPUB" -q -t tree "$TMP/alone.txt" > "$TMP/alone.tree"
expect "formula alone over a lower-case recital: formula" 1 \
	"$(grep -c 'enactingFormula' "$TMP/alone.tree")"
expect "formula alone over a lower-case recital: counts" \
	"pre=2 op=0 notes=0 annexes=0 date=- meeting=- vote=-" \
	"$(python3 tests/tools/counts.py "$TMP/alone.tree")"
# Russian has no article: the body's name alone on its line with no comma
# is the formula when a paragraph opens below it, in lower case with no
# number ("признает …;" in 1946 texts) or numbered.  And a connector
# alone ("Поэтому") ends the paragraph above even after "1946 г.".
# Excerpt (heading and the first three paragraphs) of A/RES/95 (I) as on
# https://zaki.ru/pagesnew.php?id=1463 (public domain,
# ST/AI/189/Add.9/Rev.2), the same as Markdown.
cat > "$TMP/bare.txt" <<'TXT'
ОРГАНИЗАЦИЯ ОБЪЕДИНЕННЫХ НАЦИЙ
95 (I). ПОДТВЕРЖДЕНИЕ ПРИНЦИПОВ МЕЖДУНАРОДНОГО ПРАВА,
ПРИЗНАННЫХ СТАТУТОМ НЮРНБЕРГСКОГО ТРИБУНАЛА
(11 декабря 1946 года)
Генеральная Ассамблея
признает обязательство, возложенное на нее абзацем "a" пункта 1, статьи 13 Устава, относительно организации исследования и выработки рекомендаций в целях поощрения прогрессивного развития международного права и его кодификации;
принимает к сведению Соглашение об учреждении Международного военного трибунала для привлечения к ответственности и наказания главных военных преступников стран оси в Европе, подписанное в Лондоне 8 августа 1945 г., и приложенный к нему Статут, а равно и то обстоятельство, что аналогичные принципы были приняты в Статуте Международного военного трибунала для суда над главными военными преступниками на Дальнем Востоке, провозглашенном в Токио 19 января 1946 г.
Поэтому
подтверждает принципы международного права, признанные Статутом Нюрнбергского трибунала и нашедшие выражение в решении Трибунала;
TXT
# with_formula NAME FILE COUNTS: FILE has these counts and a formula of
# the General Assembly.
with_formula() {
	"$RESPUB" -q -t tree "$2" > "$TMP/wf.tree"
	expect "$1: counts" "$3" "$(python3 tests/tools/counts.py "$TMP/wf.tree")"
	expect "$1: formula of the General Assembly" 1 "$(grep -c \
	    'enactingFormula' "$TMP/wf.tree")$(head -1 "$TMP/wf.tree" |
	    grep -c 'body=un-ga' | grep -v '^1$')"
}
with_formula "formula without comma over lower-case verbs" "$TMP/bare.txt" \
	"pre=0 op=3 notes=0 annexes=0 date=1946-12-11 meeting=- vote=-"
awk 'NR > 4 { print; print "" }' "$TMP/bare.txt" > "$TMP/bare.md"
with_formula "formula without comma in Markdown" "$TMP/bare.md" \
	"pre=0 op=3 notes=0 annexes=0 date=- meeting=- vote=-"
# Recitals before the formula (1947), the formula with no comma, then a
# numbered paragraph: before, the formula went into the last recital.
# Excerpt (title, date, recitals, paragraph 1) of A/RES/110 (II) as on
# https://law.lica.com.ua/b_text.php?base=5&id=205309&type=3 (the
# database's reference "(995_010)" as there).
cat > "$TMP/bare2.txt" <<'TXT'
Резолюция 110 (II) Генеральной Ассамблеи ООН Меры, которые должны быть приняты против пропаганды и поджигателей новой войны

3 ноября 1947 г.
Принимая во внимание, что в Уставе Организации Объединенных Наций (995_010) народы выразили их решимость избавить грядущие поколения от бедствий войны, дважды в наше время принесших человечеству невыразимое горе, и проявлять терпимость и жить вместе, в мире друг с другом, как добрые соседи, и
принимая во внимание, что Устав также требует развития всеобщего уважения к основным свободам, в том числе к свободе слова, и соблюдения их, причем все члены обязались в статье 56 предпринимать совместные и самостоятельные действия для такого соблюдения основных свобод,
Генеральная Ассамблея
1. осуждает любую форму ведущейся в любой стране пропаганды, имеющей целью или способной создать или усилить угрозу миру, нарушение мира или акт агрессии;
TXT
with_formula "recitals, formula without comma, paragraph 1" \
	"$TMP/bare2.txt" \
	"pre=2 op=1 notes=0 annexes=0 date=1947-11-03 meeting=- vote=-"

# A title line before the formula gives the text's own number ([titles]
# of lang/<lang>.conf); the Council symbol takes the title's year, else
# the adoption date's.  Real dev texts, one per language.
title_number() {
	"$RESPUB" -q -t tree "$2" | head -1 | grep -o "$1"
}
expect "title 'قرار مجلس الأمن رقم 425': the number and symbol" \
	'symbol="S/RES/425 (1978)" number="425"' \
	"$(title_number 'symbol="[^"]*" number="[^"]*"' \
	tests/dev/ar/S_RES_425_1978_ar_unofficial.txt)"
expect "title 'Resolution 608' then '(January 14, 1988)': the symbol" \
	'symbol="S/RES/608 (1988)" number="608"' \
	"$(title_number 'symbol="[^"]*" number="[^"]*"' \
	tests/dev/en/S_RES_0608_1988_jvl.txt)"
expect "title 'RESOLUCIÓN 1414 (23 de mayo de 2002)': the symbol" \
	'symbol="S/RES/1414 (2002)" number="1414"' \
	"$(title_number 'symbol="[^"]*" number="[^"]*"' \
	tests/dev/es/S_RES_1414_2002_es.txt)"
# No year in the text: the number and the Work IRI, no symbol made up.
expect "title 'Résolution 26 du Conseil de sécurité': the number" \
	'number="26"' "$(title_number 'number="[^"]*"' \
	tests/dev/fr/S_RES_0026_1947_fr_wikisource.txt)"
expect "title 'Résolution 26 …': Work IRI with the number" 1 \
	"$("$RESPUB" -q -t akn \
	tests/dev/fr/S_RES_0026_1947_fr_wikisource.txt |
	grep -c 'FRBRuri value="/akn/un/statement/deliberation/un-sc/26"')"
expect "title 'Резолюция 1913 (2010)': the symbol" \
	'symbol="S/RES/1913 (2010)" number="1913"' \
	"$(title_number 'symbol="[^"]*" number="[^"]*"' \
	tests/dev/ru/S_RES_1913_2010_ru.txt)"
# The wiki page's title (zh.wikisource, tests/dev/zh/SOURCES.md) above
# the text gives its number; the body's "第1483(2003)号决议" never does.
{ printf '联合国安理会第1518号决议\n\n'
  cat tests/dev/zh/S_RES_1518_2003_zh.txt; } > "$TMP/zh1518.txt"
expect "page title '联合国安理会第1518号决议': the number" 'number="1518"' \
	"$(title_number 'number="[^"]*"' "$TMP/zh1518.txt")"
expect "numbers cited in the body are not the text's own" "" \
	"$(title_number 'number="[^"]*"' tests/dev/zh/S_RES_1518_2003_zh.txt)"

# Shapes (issue 10): blank lines between hard-wrapped paragraphs.
# A line standing alone that a drafting phrase of the tables opens is a
# recital with its comma lost, not a heading.  Excerpt (last recital,
# paragraph 4) of S/RES/1518 (2003), tests/dev/zh/S_RES_1518_2003_zh.txt.
cat > "$TMP/acting.txt" <<'TXT'
安全理事会

确认尽管伊拉克局势已有改善,但仍对国际和平与安全构成威胁,

根据联合国宪章》第七章采取行动

4. 决定继续处理此案。
TXT
expect "opener alone on its line: a recital, no heading" \
	"pre=2 op=1 notes=0 annexes=0 date=- meeting=- vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/acting.txt" | python3 tests/tools/counts.py /dev/stdin)"
# Nor is a word that only ends as an opener does: "Статья 1" of the
# Universal Declaration in Russian stays a heading.
expect "ru: \"Статья 1\" is a heading" 1 \
	"$(grep -c 'text="Статья 1"' "$TMP/ru.tree")"
# A recital whose last line is full and ends in a comma, a blank line,
# then a recital ("认为", a listed opener since branch held12): where
# blank lines part blocks of lines, they are two recitals.  S/RES/821 (1993),
# tests/dev/zh/S_RES_0821_1993_zh.txt, wrapped at 70 columns.
cat > "$TMP/zhwrap.txt" <<'TXT'
安全理事会,

重申其1991年9月25日第713(1991)号决议和其后所有有关决议,

认为以前称为南斯拉夫社会主义联邦共和国的国家已不存在,

回顾其1992年5月30日第757(1992)号决议,其中注意到“南斯拉夫联邦共和国(塞
尔维亚和黑山)提出的自动维持前南斯拉夫社会主义联邦共和国在联合国的席位
的要求没有得到普遍接受”,

2.决定在大会第四十七届会议结束之前再审议此案。
TXT
expect "zh: full line ending in a comma, blank, recital: apart" \
	"pre=3 op=1 notes=0 annexes=0 date=- meeting=- vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/zhwrap.txt" | python3 tests/tools/counts.py /dev/stdin)"
# A copy whose lines are its paragraphs lost a recital's comma (and its
# "對"): "…的宣言表示關切", a blank line, "認為…" are two recitals (lines
# ending a clause, 8 in 10 or more, tell such a copy).  The vote
# "以13票贊成、1票反對(巴基斯坦)、1票棄權(約旦)" is 13-1-1.  S/RES/541
# (1983), tests/dev/zh/S_RES_0541_1983_zh.txt.
cat > "$TMP/zhcomma.txt" <<'TXT'
安全理事會

聽取了塞浦路斯共和國政府外交部長的發言,

1983年11月15日土族塞人當局聲稱在塞浦路斯北部建立一個獨立國的宣言表示關切

認為這個宣言與關於建立塞浦路斯共和國的1960年條約不符,也與1960年的《保證條約》不符,

重申第365(1974)號第367(1975)號決議,

認識到必須以秘書長所進行的斡旋使命為基礎來解決塞浦路斯問題,

申明繼續支持聯合國駐塞浦路斯維持和平部隊,

注意到1983年11月17日秘書長的聲明,

2.認為上述宣言無法律效力,要求予以撤銷;

3.要求緊急地有效執行其第365(1974)號第367(1975)號決議;

5.呼籲各方與秘書長充分合作協助其進行斡旋使命;


第2500次會議以13票贊成、1票反對(巴基斯坦)、1票棄權(約旦)通過。
TXT
expect "zh: a recital without its comma, blank, an opener: apart; vote in 贊成/反對" \
	"pre=7 op=3 notes=0 annexes=0 date=- meeting=第2500次會議 vote=13-1-1" \
	"$("$RESPUB" -q -t tree "$TMP/zhcomma.txt" | python3 tests/tools/counts.py /dev/stdin)"
# The same copy with no blank lines, one paragraph per line: the recital
# that lost its "對" opens with a date after "…的發言,"; it is no
# reference going on a list ("64/23 of 2 December 2009,⏎66/22 …").
grep . "$TMP/zhcomma.txt" > "$TMP/zhcomma-nb.txt"
expect "zh: a recital opening with a date after a comma, no blank: apart" \
	"pre=7 op=3 notes=0 annexes=0 date=- meeting=第2500次會議 vote=13-1-1" \
	"$("$RESPUB" -q -t tree "$TMP/zhcomma-nb.txt" | python3 tests/tools/counts.py /dev/stdin)"
# A copy with no hard wraps (no line that goes on comes near the width)
# lost both recitals' commas and the second's "对": each Chinese line is a
# paragraph, whatever opens the next.  S/RES/608 (1988),
# tests/dev/zh/S_RES_0608_1988_zh.txt, its blank lines left out.
cat > "$TMP/zhlines.txt" <<'TXT'
1988年1月14日
第608(1988)号决议
安全理事会
重申其1988年1月5日第607(1988)号决议
占领国以色列违抗该项决议已经把巴勒斯坦平民驱逐出境,深表遗憾
1.要求以色列撤销驱逐巴勒斯坦平民出境的命令,并确保那些已经被驱逐出境者立即安全地返回被占领巴勒斯坦领土;
2.以色列立即停止把任何其他巴勒斯坦平民驱逐出被占领的领土;
3.决定继续审议自1967年以来被以色列占领的、包括耶路撒冷在内的巴勒斯坦和其他阿拉伯领土局势。
第2781次会议以14票对零票、1票弃权(美利坚合众国),通过。
TXT
expect "zh: no hard wraps, recitals without their comma: apart" \
	"pre=2 op=3" \
	"$("$RESPUB" -q -t tree "$TMP/zhlines.txt" | python3 tests/tools/counts.py /dev/stdin | cut -d' ' -f1-2)"
# A quotation that a colon introduces stays in its paragraph, each of
# its paragraphs and headings opening with a mark ("…rule of procedure
# :⏎⏎“Rule 99 A⏎⏎“Any meeting …”,"), in text and in Markdown.  S/RES/26
# (1947), /work/shared/corpus/unsc-en (repository SeanFobbe/cr-unsc,
# data/res_en_gold, CC0), whole.
cat > "$TMP/quoted.txt" <<'TXT'
26 (1947). Resolution of 4 June 1947
[S/368]
The Security Council,

Having considered General Assembly resolution
88 (I) of 19 November 1946, adopting provisionally
and subject to the concurrence of the Security Council
the following rule of procedure :

“Rule 99 A

“Any meeting of the General Assembly held in
pursuance of the Statute of the International Court
of Justice for the purpose of the election of members of the Court shall continue until as many candidates as are required for all the seats to be filled
have obtained in one or more ballots an absolute
majority of votes.”,

Resolves :

1. To concur in the rule of procedure quoted
above ;

2. To adopt the following rule of procedure :

“CHAPTER XI. —- RELATIONS WITH OTHER
UNITED NATIONS ORGANS

“Rule 61

“Any meeting of the Security Council held in
pursuance of the Statute of the International Court
of Justice for the purpose of the election of members of the Court shall continue until as many
candidates as are required for all the seats to be
filled have obtained in one or more ballots an
absolute majority of votes.” ;

Transmits this resolution to the General Assembly
for its information.

Adopted unanimously at the
138th meeting.
TXT
expect "quotation after a colon, its paragraphs and headings: in its paragraph" \
	"pre=1 op=3" \
	"$("$RESPUB" -q -t tree "$TMP/quoted.txt" | python3 tests/tools/counts.py /dev/stdin | cut -d' ' -f1-2)"
awk 'NR > 3' "$TMP/quoted.txt" > "$TMP/quoted.md"
expect "quotation after a colon in Markdown: in its paragraph" \
	"pre=1 op=3" \
	"$("$RESPUB" -q -t tree "$TMP/quoted.md" | python3 tests/tools/counts.py /dev/stdin | cut -d' ' -f1-2)"
# A bullet alone on its line keeps its space before Chinese text: "-⏎又
# 欢迎…" is the bullet "- 又欢迎…", a recital of its own.  S/RES/1232
# (1999), tests/dev/zh/S_RES_1232_1999_zh.txt, wrapped at 70 columns.
cat > "$TMP/zhdash.txt" <<'TXT'
安全理事会,

- 欢迎1999年3月22日秘书长的报告(S/1999/307)及其中所载的意见和建议,

-
又欢迎摩洛哥政府原则上同意秘书长的一整套措施,并回顾波利萨里奥阵线已接
受这套措施,

- 4. 决定继续处理此案。
TXT
expect "zh: a bullet alone on its line opens the next recital" \
	"pre=2 op=1 notes=0 annexes=0 date=- meeting=- vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/zhdash.txt" | python3 tests/tools/counts.py /dev/stdin)"
# "1 ـ يؤكد" after a blank line is paragraph 1 and its dash, as web
# copies number paragraphs, not note 1.  S/RES/607 (1988),
# tests/dev/ar/S_RES_607_1988_ar_aardi.txt (last recital, paragraphs 1-2).
cat > "$TMP/ardash.txt" <<'TXT'
إن مجلس الأمن،

وإذ يشير إلى اتفاقية جنيف المتعلقة بحماية المدنيين وقت الحرب، المؤرخة
في 12 آب/أغسطس 1949، وخاصة المادتين 47 و49 من تلك الاتفاقية،

1 ـ يؤكد من جديد مرّة أُخرى أن اتفاقية جنيف المتعلقة بحماية المدنيين
وقت الحرب، المؤرخة في 12 آب/أغسطس 1949، تنطبق على الأراضي الفلسطينية
والأراضي العربية الأُخرى التي تحتلها إسرائيل منذ عام 1967، بما فيها
القدس؛

2 ـ يطلب إلى إسرائيل أن تمتنع عن ترحيل أي مدنيين فلسطينيين من الأراضي
المحتلة؛
TXT
expect "ar: \"1 ـ\" after a blank line is a paragraph, not a note" \
	"pre=1 op=2 notes=0 annexes=0 date=- meeting=- vote=-" \
	"$("$RESPUB" -q -t tree "$TMP/ardash.txt" | python3 tests/tools/counts.py /dev/stdin)"
# A General Assembly number with its session in the title ([titles],
# {session}: Roman numerals or the language's own) gives the GA symbol:
# "2758 (XXVI). Restitución …" (es, Wikisource), "Résolution 2758
# (XXVI)." (fr), "二七五八 (二十六)." (zh blog copy, flattened),
# "四九八(五)." (zh Wikisource); tests/dev/*/SOURCES.md.
for f in es/A_RES_2758_XXVI_es_wikisource fr/A_RES_2758_XXVI_fr \
    zh/A_RES_2758_XXVI_zh_blog; do
	expect "title with a session: $f" \
		'symbol="A/RES/2758 (XXVI)" number="2758 (XXVI)"' \
		"$(title_number 'symbol="[^"]*" number="[^"]*"' \
		"tests/dev/$f.txt")"
done
expect "title '四九八(五).': A/RES/498 (V)" 'symbol="A/RES/498 (V)"' \
	"$(title_number 'symbol="[^"]*"' \
	tests/dev/zh/A_RES_498_V_zh_wikisource.txt)"
# The number glued to the words around it in Arabic, "رقم484بتاريخ"
# (tests/dev/ar/S_RES_484_1980_ar_plord.txt): a digit against an Arabic
# letter is a word's end.
expect "title 'رقم484بتاريخ': the number and symbol" \
	'symbol="S/RES/484 (1980)" number="484"' \
	"$(title_number 'symbol="[^"]*" number="[^"]*"' \
	tests/dev/ar/S_RES_484_1980_ar_plord.txt)"

# Official PDF text as pdftotext gives it without -layout (tests/dev/en
# *_undocs.txt, from yuiseki/undocs).  A paragraph's number set under
# its first line ("Urges Member States … at all", "1.", "decision-making
# levels …", S/RES/1325 (2000)): the paragraph opens with its verb.
"$RESPUB" -q -t tree tests/dev/en/S_RES_1325_2000_undocs.txt > "$TMP/u1325"
expect "number under its first line: paragraph 1 opens with Urges" 1 \
	"$(grep -A3 'paragraph num="1\."' "$TMP/u1325" | grep -c 'text="Urges"')"
# The bar code read as grave accents ("`````````") is page furniture,
# no heading opening the operative part among the recitals.
expect "bar code in grave accents: page furniture" 1 \
	"$(sed -n '/^  furniture/,$p' "$TMP/u1325" | grep -c 'text="`````````"')"
# "2" closing a page, a form feed opening the next ("\fA/RES/60/251"),
# and "4" alone on the last page, which no form feed follows:
# the page's number and the running head are furniture, and an item's
# label alone on its line goes with the text after the blank line
# ("(j)", "", "Submit an annual report …").
"$RESPUB" -q -t tree tests/dev/en/A_RES_60_251_undocs.txt > "$TMP/u251"
expect "page numbers, the last one with no form feed after it: furniture" 3 \
	"$(sed -n '/^  furniture/,$p' "$TMP/u251" | grep -c 'text="[234]"')"
expect "last page's number alone: no '4 Decides' in S/RES/1373 (2001)" 0 \
	"$("$RESPUB" -q -t tree tests/dev/en/S_RES_1373_2001_undocs.txt | grep -c 'text="4 Decides')"
expect "item label alone, then a blank line: (j) holds its text" 1 \
	"$(grep -A3 'item num="(j)"' "$TMP/u251" | grep -c 'Submit an annual report')"
# "Please recycle" ([furniture] of lang/en.conf) at the first page's
# foot is furniture, and so is the running title near it on page 2
# (A/RES/68/262): no heading in the preamble.
"$RESPUB" -q -t tree tests/dev/en/A_RES_68_262_undocs.txt > "$TMP/u262"
expect "Please recycle and the running title: furniture, no heading" "2 0" \
	"$(sed -n '/^  furniture/,$p' "$TMP/u262" | grep -c 'text="Please recycle"\|text="Territorial integrity of Ukraine"') $(grep -c '^    heading' "$TMP/u262")"
# A scanned 1993 text (A/RES/47/135): the closing "92nd plenary
# meeting⏎18 December 1992" gives the date over the masthead's date of
# issue, "3 February 1993"; the old "/..." at a page foot, read "I •••",
# is furniture.
"$RESPUB" -q -t tree tests/dev/en/A_RES_47_135_undocs.txt > "$TMP/u135"
expect "closing date over the date of issue: 1992-12-18" 1 \
	"$(head -1 "$TMP/u135" | grep -c 'date="1992-12-18"')"
expect "continued mark read I •••: furniture, in no paragraph" 0 \
	"$(sed '/^  furniture/,$d' "$TMP/u135" | grep -c '•••')"
# A/RES/ES-11/1 and ES-11/4 (2022): the day the job went to print,
# "210322" by the job number "22-04067 (E)", is furniture, and the
# recital it stood in goes on across the page ("… of the United",
# "Nations, and reaffirming …"); "Recalling General Assembly resolution
# 377 A (V) …" opens a recital though a name follows its opener.
"$RESPUB" -q -t tree tests/dev/en/A_RES_ES-11_1_undocs.txt > "$TMP/ues1"
expect "print date by the job number: furniture, the recital goes on" "1 0" \
	"$(sed -n '/^  furniture/,$p' "$TMP/ues1" | grep -c 'text="210322"') $(grep -c 'text="Nations, and reaffirming' "$TMP/ues1")"
expect "'Recalling General Assembly resolution' opens a recital" 1 \
	"$(grep -c 'paragraph name="recalling" @38:1' "$TMP/ues1")"
# A title wrapped over two lines right above the formula ("… defending
# the principles of the", "Charter of the United Nations", "The General
# Assembly,"), and the masthead's symbol with a gap ("A/RES/ES-11/ 4")
# repeated as the running head "A/RES/ES-11/4": a formula, no heading.
"$RESPUB" -q -t tree tests/dev/en/A_RES_ES-11_4_undocs.txt > "$TMP/ues4"
expect "two-line title over the formula, gapped symbol as running head" "1 0" \
	"$(grep -c 'formula name="enactingFormula"' "$TMP/ues4") $(grep -c '^    heading' "$TMP/ues4")"
# The masthead's gap after the slash is no end of the symbol: the Work
# is A/RES/ES-11/4 (was A/RES/ES-11, titled by the masthead line).
expect "gapped masthead symbol read whole" 1 \
	"$(head -1 "$TMP/ues4" | grep -c 'symbol="A/RES/ES-11/4" number="ES-11/4"')"
# A recital ending in a note's marker after its comma ("… of 16 March
# 2022, 1", A/RES/ES-11/6), the next recital on the next line: two.
expect "marker after the comma at a line's end: the next recital apart" 1 \
	"$("$RESPUB" -q -t tree tests/dev/en/A_RES_ES-11_6_undocs.txt | grep -c 'paragraph name="deploring"')"
# A/RES/64/292 (2010): the anchors a word processor left for the notes
# ("0F", "1F" … "17F", alone between the recitals) are marks of the
# print, not headings, and near them a note's line that repeats another
# note's ("Report of the United Nations Conference on Environment …") is
# no running head: page 1's notes (1 to 9, each number over its text)
# are read, and "Recalling also …" goes on across the page.
"$RESPUB" -q -t tree tests/dev/en/A_RES_64_292_undocs.txt > "$TMP/u292"
expect "note anchors 0F…17F: furniture; page 1's notes read" "18 0 1" \
	"$(grep -c '^    footnote' "$TMP/u292") $(grep -c '^    heading' "$TMP/u292") $(sed -n '/^  furniture/,$p' "$TMP/u292" | grep -c 'text="17F"')"
# "Please rec cle" (pdftotext loses the "y" drawn in the recycling
# sign's font, [furniture] of lang/en.conf) and the sign "♲" alone are
# furniture (A/RES/66/137, 2011: page 1's note is read past them).
"$RESPUB" -q -t tree tests/dev/en/A_RES_66_137_undocs.txt > "$TMP/u137"
expect "Please rec cle and ♲: furniture" 2 \
	"$(sed -n '/^  furniture/,$p' "$TMP/u137" | grep -c 'text="Please rec cle"\|text="♲"')"
# "Motivated by the desire …" ([openers] of lang/en.conf) opens a
# recital after one ending in its marker ("… in that regard, 5").
expect "'Motivated' opens a recital" 1 \
	"$(grep -c 'paragraph name="motivated"' "$TMP/u137")"
# "Article 1" … "Article 14" alone on their lines with no blank line
# round them ([divisions] of lang/en.conf) head the declaration's
# articles and stand apart (A/RES/66/137): the unnumbered text of
# article 4 ("Human rights education and training should be based …")
# is a paragraph of its own.
expect "Article N with no blank line round it: a heading" "14 11" \
	"$(grep -c '^        heading' "$TMP/u137") $(grep -A3 '^        heading @153:1' "$TMP/u137" | grep -c 'text="Article 4"')$(grep -c '^        paragraph @154:1' "$TMP/u137")"
# The same in every language ([divisions] of lang/*.conf): the Universal
# Declaration (tests/scripts/udhr-*.txt, from ../shared/corpus/udhr-6)
# with its blank lines removed (tests/tools/shapes.py noblank) has the
# body it has with them: its 30 article headings ("第一条", "第二十一条",
# "المادة 1", "Article premier", "Статья 1") stay headings, its articles'
# paragraphs stay apart.  A Chinese heading, with no punctuation, does
# not make the lines look hard-wrapped either.
body_of() {
	"$RESPUB" -q -t tree "$1" | sed -n '/^  body/,$p' | sed 's/ @[0-9:]*//'
}
for lang in ar en es fr ru zh; do
	python3 tests/tools/shapes.py noblank "tests/scripts/udhr-$lang.txt" \
	    > "$TMP/udhr-nb.txt"
	body_of "tests/scripts/udhr-$lang.txt" > "$TMP/udhr.body"
	body_of "$TMP/udhr-nb.txt" > "$TMP/udhr-nb.body"
	expect "$lang: UDHR without blank lines: 30 headings, the same body" \
	    "30 same" "$(grep -c '^    heading' "$TMP/udhr-nb.body") $(cmp -s \
	    "$TMP/udhr.body" "$TMP/udhr-nb.body" && echo same)"
done
# French numbers the first article "Article premier", not "Article 1".
python3 tests/tools/shapes.py noblank tests/scripts/udhr-fr.txt \
    > "$TMP/udhr-nb.txt"
expect "fr: 'Article premier' with no blank line round it: a heading" 1 \
	"$(body_of "$TMP/udhr-nb.txt" | grep -A2 '^    heading' |
	grep -c 'text="Article premier"')"
# The last page's number ("12.", "", "4", "", "Decides …") is found
# when the page before's number ("3" before the form feed) was already
# taken for furniture by the search on the page before (S/RES/1540
# (2004), S/RES/1325 (2000)).
expect "last page's number after a page number already furniture" "0 0" \
	"$("$RESPUB" -q -t tree tests/dev/en/S_RES_1540_2004_undocs.txt | grep -c 'text="4 Decides') $("$RESPUB" -q -t tree tests/dev/en/S_RES_1325_2000_undocs.txt | grep -c 'text="4 Decides')"
# "except that" after a sub-item's semicolon ([wrap-up openings] of
# lang/en.conf) opens the paragraph's wording after its items, not more
# of item (b): S/RES/1701 (2006), paragraph 15, hard-wrapped with no
# blank line ("…listed in subparagraph (a) above;⏎except that these
# prohibitions shall not apply …").
expect "except that after the last item: the paragraph's wrap-up" 1 \
	"$("$RESPUB" -q -t akn tests/dev/en/S_RES_1701_2006_undocs.txt | grep -A1 '<wrapUp' | grep -c '<p>except that these prohibitions')"
# An annex's section headings as UN documents print them (A/RES/65/281
# (2011), official PDF text): a Roman numeral after a sentence's end
# with no blank line ("…implementation plans.⏎II.", "special
# procedures.⏎III. Human Rights Council Advisory Committee"), a letter
# alone over its title ("A.⏎⏎Yearly panel discussion with United
# Nations agencies and funds", longer than a short line), a number alone
# over a sub-heading ("1.⏎⏎Focus and documentation⏎⏎5. The review …"):
# headings, not paragraphs nor the end of the paragraph before.
expect "annex sections: label and title one heading, none in a paragraph" "5 0" \
	"$("$RESPUB" -q -t tree tests/dev/en/A_RES_65_281_undocs.txt | grep -cE 'text="(II\. Special procedures|III\. Human Rights Council Advisory Committee|A\. Yearly panel discussion with United Nations agencies and funds|1\. Focus and documentation|2\. Modalities)"$') $("$RESPUB" -q -t tree tests/dev/en/A_RES_65_281_undocs.txt | grep -cE 'text="(A\.|.* plans\. II\.)"$')"
# An appendix inside an annex ([appendix]: "Appendix", A/RES/65/281
# (2011), official PDF text, no blank line round it): its own part,
# nested in the annex, not the end of paragraph 62; its title over two
# lines, then three unnumbered paragraphs, hard-wrapped with no blank
# line between them ("…available to Member⏎and observer States.⏎Should
# it not be possible …"), the heading "Steps for drawing up the list of
# speakers" over paragraph 1, paragraphs 1 to 4.
t281=$("$RESPUB" -q -t tree tests/dev/en/A_RES_65_281_undocs.txt)
expect "appendix: nested in the annex, its title, paragraph 62 ends before it" \
	"1 1 1" \
	"$(echo "$t281" | grep -c '^      annex num="Appendix"') $(echo "$t281" | grep -c 'kind=annex .* title="Modalities for establishing the list of speakers for the Working Group on the Universal Periodic Review"') $(echo "$t281" | grep -c 'text="The Council will consider .* at its nineteenth session\."$')"
expect "appendix: three unnumbered paragraphs, a heading, four numbered" \
	"3 1 4" \
	"$(echo "$t281" | sed -n '/annex num="Appendix"/,$p' | grep -c '^            paragraph @') $(echo "$t281" | sed -n '/annex num="Appendix"/,$p' | grep -c '^            heading @') $(echo "$t281" | sed -n '/annex num="Appendix"/,$p' | grep -c '^            paragraph num=')"
expect "appendix: AKN nests it in the annex's document, named and identified so" \
	"1 1" \
	"$("$RESPUB" -q -t akn tests/dev/en/A_RES_65_281_undocs.txt -o - | grep -c '<doc name="appendix">') $("$RESPUB" -q -t akn tests/dev/en/A_RES_65_281_undocs.txt -o - | grep -c 'FRBRthis value="[^"]*/65-281/!annex_1/!appendix_1"')"
# Held-out round of session 13 (branch en13b), official PDF text of
# yuiseki/undocs (tests/dev/en/SOURCES.md).  An opener followed by a
# name in capitals counts only if listed ([openers] of lang/en.conf):
# "Urging States to ensure …" (S/RES/2286 (2016)), "Encouraging Member
# States …" (S/RES/2250 (2015)) open recitals.
expect "'Urging States', 'Encouraging Member States': recitals" "1 1" \
	"$("$RESPUB" -q -t tree tests/dev/en/S_RES_2286_2016_undocs.txt | grep -c 'paragraph name="urging"') $("$RESPUB" -q -t tree tests/dev/en/S_RES_2250_2015_undocs.txt | grep -c 'paragraph name="encouraging"')"
# A reissued text (S/RES/2250 (2015)): its job number bears a star
# ("15-21698* (E)", furniture), its masthead symbol too
# ("S/RES/2250 (2015)*", the running heads have none), and its note
# "* Reissued for technical reasons on 5 January 2016." stands right
# over the page foot with no rule or blank line: a note the star cites,
# no text of the recital above it, no running head left as a paragraph.
"$RESPUB" -q -t tree tests/dev/en/S_RES_2250_2015_undocs.txt > "$TMP/u2250"
expect "reissued: starred job number, note and running head" "1 1 1 0" \
	"$(sed -n '/^  furniture/,$p' "$TMP/u2250" | grep -c 'text="15-21698\* (E)"') $(grep -c '^    footnote num="\*"' "$TMP/u2250") $(grep -c 'noteref num="\*" to=1' "$TMP/u2250") $(grep -c 'paragraph unsure' "$TMP/u2250")"
# Its symbol is the masthead's without the star, on a line of its own.
expect "reissued: the symbol without its star" "1 1" \
	"$(head -1 "$TMP/u2250" | grep -c 'symbol="S/RES/2250 (2015)" ') $(grep -c '^    block role=symbol @1:1' "$TMP/u2250")"
# "… on the Right to Development, 3/" then "Reaffirming that …" (A/RES/
# 48/141, 1993): an old-style marker after the comma ends the recital.
expect "old marker ', 3/' at a line's end: the next recital apart" 5 \
	"$("$RESPUB" -q -t tree tests/dev/en/A_RES_48_141_undocs.txt | grep -c 'paragraph name="reaffirming"')"
# "…or ethnic group;" at page 1's foot, "and that sexual violence …" at
# page 2's head (S/RES/1820 (2008)): the recital goes on over the page,
# and the recitals after it stay in the preamble.
"$RESPUB" -q -t tree tests/dev/en/S_RES_1820_2008_undocs.txt > "$TMP/u1820"
expect "semicolon, page break, lower case: one recital" "0 1" \
	"$(grep -c '^    paragraph @' "$TMP/u1820") $(sed -n '/^  preamble/,/^  body/p' "$TMP/u1820" | grep -c 'and that sexual violence')"
# The old "/..." at a page foot as a scan reads it with spaces ("I • ••",
# "I . .•", S/RES/827 (1993)): furniture, so the running head and
# "Page 2" under it go too, and no heading is left in the body.
"$RESPUB" -q -t tree tests/dev/en/S_RES_0827_1993_undocs.txt > "$TMP/u827"
expect "'I • ••' and 'I . .•': furniture" "2 0" \
	"$(sed -n '/^  furniture/,$p' "$TMP/u827" | grep -c 'text="I • ••"\|text="I \. \.•"') $(grep -c '^    heading' "$TMP/u827")"
# A page foot with no rule (A/RES/53/144, 1998): "1", a blank, "See
# Official Records … chap. II, sect.", "A.", "2", a blank, "Resolution
# 217 A (III).": the markers glued to a comma ("1998,1 in which",
# "Human Rights,2") cite the notes, and "A." over "2" ends a citation,
# no section heading.
"$RESPUB" -q -t tree tests/dev/en/A_RES_53_144_undocs.txt > "$TMP/u53144"
expect "notes '1', '2' under glued markers; 'A.' no heading" "1 1 0" \
	"$(grep -c '^    footnote num="1" index=1 refs=1' "$TMP/u53144") $(grep -c '^    footnote num="2"' "$TMP/u53144") $(sed -n '/^  body/,/^  annex/p' "$TMP/u53144" | grep -c 'heading')"
# A/RES/60/147 (2005): page 3 opens with "Recalling the provisions
# providing a right to a remedy for victims of violations", word for
# word the first line of a recital on page 2: no running head.  The
# annex's "Adopts the following Basic Principles and Guidelines:" over
# "I." with no blank line: the section's heading stands apart.
"$RESPUB" -q -t tree tests/dev/en/A_RES_60_147_undocs.txt > "$TMP/u60147"
expect "a recital's first line like another's: no running head" 0 \
	"$(sed -n '/^  furniture/,$p' "$TMP/u60147" | grep -c 'Recalling the provisions')"
expect "section label 'I.' after a colon: a heading" 1 \
	"$(grep -A2 '^        heading @187:1' "$TMP/u60147" | grep -c 'text="I. Obligation to respect')"
# A/RES/49/60 (1995 print): under a rule, each old-style marker alone
# on its line over its note's text, a blank line between or not ("2/",
# "", "Resolution 2625 (XXV), annex."; "6/", "Report of …"; "1/", the
# job number, "", "A/49/257 and Add.1-3."): 17 notes.  Its block of
# lines reflowed (wrapped_block_end), "…of the Secretary-General, 1/"
# over "Having considered …" ends the recital past the marker.
"$RESPUB" -q -t tree tests/dev/en/A_RES_49_60_undocs.txt > "$TMP/u4960"
expect "old markers alone over their notes; 'Having considered' after '1/'" "17 1" \
	"$(grep -c '^ *footnote num=' "$TMP/u4960") $(grep -c '^    paragraph name="havingConsidered"' "$TMP/u4960")"
# S/RES/1244 (1999), annex 2, as pdftotext gives the official PDF:
# "Notes" alone (also an operative verb) over "1", a blank and the
# note's text with its dash items over a page break: the notes of the
# document, "Notes" no paragraph (kept apart as furniture), note 1 the
# whole text, cited by the marker glued after "below.1 A".
"$RESPUB" -q -t tree tests/dev/en/S_RES_1244_1999_undocs.txt > "$TMP/u1244"
expect "'Notes' over '1': the notes, one note with its items" "1 1 1 0" \
	"$(grep -c '^ *footnote num="1" index=1 refs=1' "$TMP/u1244") $(grep -A2 '^ *footnote num="1"' "$TMP/u1244" | grep -c 'text="Other required elements: - A rapid.*completion of withdrawals\."') $(sed -n '/^  furniture/,$p' "$TMP/u1244" | grep -c 'text="Notes"$') $(sed '/^  furniture/,$d' "$TMP/u1244" | grep -c 'text="Notes')"
