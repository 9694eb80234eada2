#!/bin/sh
# t_akn.sh -- the Akoma Ntoso writer and reader: schema validity, unique
# eIds and resolving #refs, no word lost, text -> AKN -> model -> AKN
# byte-identical, hostile and foreign AKN input.
#
# Inputs: examples/, tests/corpus/, and an evenly spaced sample of
# $CORPUS (default ../shared/corpus) when it exists: about 100 files, 20
# under the sanitizers (and there only the foreign AKN under 100 KB).
. "$(dirname "$0")/lib.sh"

R=$RESPUB
SCHEMA=$ROOT/tests/schema/akomantoso30.xsd
TOOLS=$ROOT/tests/tools
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
want=100
[ -n "$RP_SANITIZED" ] && want=20

list=$TMP/inputs
ls "$ROOT"/examples/*.txt "$ROOT"/tests/corpus/*.txt \
    "$ROOT"/tests/corpus/*.md 2>/dev/null > "$list"
if [ -d "$CORPUS" ]; then
	find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' \) \
	    ! -name 'README*' | LC_ALL=C sort > "$TMP/all"
	total=$(wc -l < "$TMP/all")
	step=$((total / want))
	[ "$step" -lt 1 ] && step=1
	awk -v s="$step" '(NR - 1) % s == 0' "$TMP/all" >> "$list"
fi
[ -n "$RP_SANITIZED" ] && { head -n "$want" "$list" > "$list.s"; mv "$list.s" "$list"; }

# Write every input, read it back, write again.
cnt=0; wfail=; rtfail=; wordfail=; rtn=0
mkdir -p "$TMP/a"
while read -r f; do
	cnt=$((cnt + 1))
	a=$TMP/a/$cnt.xml
	if ! "$R" -q -t akn "$f" > "$a" 2> "$TMP/err"; then
		wfail="$wfail $(basename "$f")"
		continue
	fi
	if "$R" -q -f akn -t akn "$a" > "$TMP/b.xml" 2> "$TMP/err" &&
	    cmp -s "$a" "$TMP/b.xml"; then
		rtn=$((rtn + 1))
	else
		rtfail="$rtfail $(basename "$f")"
	fi
	python3 "$TOOLS/akn_words.py" "$f" "$a" > "$TMP/words" 2>&1 ||
	    wordfail="$wordfail
# $(head -c 400 "$TMP/words")"
done < "$list"

[ -z "$wfail" ] && ok "akn: $cnt inputs written" ||
    notok "akn: write failed" "$wfail"

files=$(ls "$TMP"/a/*.xml)
# shellcheck disable=SC2086
xmllint --noout --nonet --schema "$SCHEMA" $files > "$TMP/xl" 2>&1
bad=$(grep -c -v ' validates$' "$TMP/xl")
[ "$bad" -eq 0 ] && ok "akn: $(echo "$files" | wc -l) files valid against akomantoso30.xsd" ||
    notok "akn: schema" "$(grep -v ' validates$' "$TMP/xl" | head -5)"

# shellcheck disable=SC2086
python3 "$TOOLS/akn_ids.py" $files > "$TMP/ids" 2>&1 &&
    ok "akn: eIds unique, every #ref resolves" ||
    notok "akn: eIds" "$(head -5 "$TMP/ids")"

[ -z "$wordfail" ] && ok "akn: no word lost in $cnt files" ||
    notok "akn: words lost in $(echo "$wordfail" | grep -c '^# ') files" \
    "$(echo "$wordfail" | head -6)"

[ -z "$rtfail" ] && ok "akn: $rtn of $cnt round trips text -> AKN -> AKN byte-identical" ||
    notok "akn: round trip differs" "$rtfail"

# Determinism: same bytes twice; SOURCE_DATE_EPOCH sets the markup date.
f=$ROOT/examples/S-RES-1377-2001.txt
"$R" -q -t akn "$f" > "$TMP/d1.xml"
"$R" -q -t akn "$f" > "$TMP/d2.xml"
cmp -s "$TMP/d1.xml" "$TMP/d2.xml" && ok "akn: output deterministic" ||
    notok "akn: output differs between runs"
SOURCE_DATE_EPOCH=1700000000 "$R" -q -t akn "$f" > "$TMP/d3.xml"
grep -q 'date="2023-11-14" name="XMLMarkup"' "$TMP/d3.xml" &&
    ok "akn: SOURCE_DATE_EPOCH dates the manifestation" ||
    notok "akn: SOURCE_DATE_EPOCH ignored"
grep -q 'xml:lang' "$TMP/d1.xml" && notok "akn: xml:lang written" ||
    ok "akn: no xml:lang"

# The metadata of a resolution, as the naming convention wants it.
expect "akn: work IRI" 1 "$(grep -c '<FRBRthis value="/akn/un/statement/deliberation/un-sc/2001-11-12/1377/!main"/>' "$TMP/d1.xml")"
expect "akn: annex component" 1 "$(grep -c '<FRBRthis value="/akn/un/statement/deliberation/un-sc/2001-11-12/1377/eng@/!annex_1"/>' "$TMP/d1.xml")"

# The GA agenda item is an AKN element (an inline named agendaItem that
# refers to its concept, as the job number does); its title stays text
# of the agenda line, also where it is the resolution's title too (the
# title keeps its own docTitle).
f=$ROOT/tests/corpus/A_RES_80_13.pdftext.txt
"$R" -q -t akn,html -d "$TMP/ag" "$f"
a=$TMP/ag/A_RES_80_13.pdftext.xml
t="Implementation of the Declaration of the Indian Ocean as a Zone of Peace"
expect "akn: agenda item marked, its title text of the line, the title a docTitle" \
    "1 1 1" "$(grep -c '<p class="agenda"><inline name="agendaItem" refersTo="#agendaItem">Agenda item 91</inline> '"$t"'</p>' "$a") $(grep -c '<TLCConcept eId="agendaItem" href="/akn/ontology/concept/un/agendaItem"' "$a") $(grep -c "<docTitle>$t</docTitle>" "$a")"
grep -q '<p class="agenda"><span class="agendaItem">Agenda item 91</span> '"$t"'</p>' "$TMP/ag/A_RES_80_13.pdftext.html" &&
    ok "akn: agenda item in the HTML, its title once" ||
    notok "akn: agenda item in the HTML" "$(grep -o '<p class="agenda">.\{0,120\}' "$TMP/ag/A_RES_80_13.pdftext.html")"
for ag in "Agenda items 13 and 115|Agenda items 13 and 115 Something said" \
    "Agenda item 68 (b)|Agenda item 68 (b) Title words" "Agenda item 92|Agenda item 92"; do
	printf 'United Nations\n\nGeneral Assembly\n\nEightieth session\n%s\n\nResolution adopted by the General Assembly on 1 December 2025\n\n80/99. Title here\n\nThe General Assembly,\n\n1. Decides to act.\n' \
	    "${ag#*|}" > "$TMP/ag.txt"
	"$R" -q -t akn "$TMP/ag.txt" > "$TMP/ag.xml"
	expect "akn: agenda line '${ag#*|}' marks '${ag%%|*}'" 1 \
	    "$(grep -c "<inline name=\"agendaItem\" refersTo=\"#agendaItem\">${ag%%|*}</inline>" "$TMP/ag.xml")"
done

# Hostile input: an external entity is never read.
echo "XXE-SECRET-4711" > "$TMP/secret.txt"
cat > "$TMP/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [ <!ENTITY xxe SYSTEM "file://$TMP/secret.txt"> ]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="resolution"><mainBody><paragraph eId="para_1"><content>
<p>Decides &xxe; now</p></content></paragraph></mainBody></statement>
</akomaNtoso>
XML
"$R" -f akn -t akn,tree -d "$TMP/x" "$TMP/xxe.xml" 2> "$TMP/xxe.err"
if grep -rq XXE-SECRET "$TMP/x" "$TMP/xxe.err"; then
	notok "akn: XXE expanded"
elif grep -q "Decides" "$TMP/x/xxe.tree"; then
	ok "akn: XXE not expanded, text kept"
else
	notok "akn: XXE input not read" "$(head -3 "$TMP/xxe.err")"
fi

# Malformed XML: exit 1, one message with file and line.
printf '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<statement>\n<mainBody>\n</statement>\n' > "$TMP/bad.xml"
"$R" -f akn -t akn "$TMP/bad.xml" > /dev/null 2> "$TMP/bad.err"
expect "akn: malformed XML exits 1" 1 "$?"
grep -q "bad.xml:4" "$TMP/bad.err" && ok "akn: malformed XML reported at its line" ||
    notok "akn: malformed XML message" "$(head -2 "$TMP/bad.err")"

# Foreign AKN: the hand-made reference instance reads with its metadata,
# and an unknown element keeps its text, with a warning.
hm=$ROOT/tests/corpus/S-RES-1377-2001.handmade.xml
"$R" -f akn -t tree "$hm" > "$TMP/hm.tree" 2>&1
expect "akn: foreign metadata read" 1 "$(grep -c '^document kind=resolution body=un-sc symbol="S/RES/1377 (2001)" number="1377" year=2001 date="2001-11-12" lang="eng"' "$TMP/hm.tree")"
"$R" -f akn -t akn "$hm" > "$TMP/hm.xml" 2> /dev/null
xmllint --noout --nonet --schema "$SCHEMA" "$TMP/hm.xml" 2> /dev/null &&
    ok "akn: foreign AKN rewritten valid" || notok "akn: foreign AKN rewritten invalid"
sed 's|<i>Declares</i>|<i>Declares</i> <zz:odd xmlns:zz="urn:x">Oddly kept</zz:odd>|' "$hm" > "$TMP/odd.xml"
"$R" -f akn -t akn "$TMP/odd.xml" > "$TMP/odd.out" 2> "$TMP/odd.err"
grep -q "Oddly kept" "$TMP/odd.out" && grep -q "odd.xml:.*<odd>" "$TMP/odd.err" &&
    ok "akn: unknown element kept with a warning" ||
    notok "akn: unknown element" "$(head -2 "$TMP/odd.err")"

# Many paragraphs of one number: each eId is the next free one, para_1,
# para_1_2 ... para_1_60, however many are taken before it.
{
	printf 'The Security Council,\n\n'
	i=1
	while [ $i -le 60 ]; do
		printf '1. Decides to remain seized of matter %d.\n\n' $i
		i=$((i + 1))
	done
} > "$TMP/same.txt"
"$R" -q -t akn -o "$TMP/same.akn" "$TMP/same.txt"
expect "akn: 60 paragraphs numbered 1 get para_1 ... para_1_60, none twice" \
	"60 60 para_1 para_1_2 para_1_60" \
	"$(grep -o 'eId="para_1[_0-9]*"' "$TMP/same.akn" | wc -l | tr -d ' ') $(grep -o 'eId="para_1[_0-9]*"' "$TMP/same.akn" | sort -u | wc -l | tr -d ' ') $(grep -o 'eId="para_1[_0-9]*"' "$TMP/same.akn" | sed -n '1p;2p;$p' | sed 's/eId="//; s/"//' | tr '\n' ' ' | sed 's/ $//')"
# ------------------------------------------------------------ foreign AKN
# Every output format keeps every word of an Akoma Ntoso file made by
# others (foreign_words.py): first small files made here for one feature
# each, then every file of $FOREIGN (default ../shared/akn/foreign).
NS3='xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
# all_words NAME FILE: convert FILE to every format, check the words.
all_words() {
	_d=$TMP/fw/$1
	rm -rf "$_d"
	if ! "$R" -q -f akn -t akn,html,md,tree,pdf -d "$_d" "$2" 2> "$_d.err"
	then
		notok "akn foreign $1: conversion failed" "$(head -2 "$_d.err")"
		return
	fi
	_outs=$(ls "$_d"/*.xml "$_d"/*.html "$_d"/*.md "$_d"/*.tree)
	if command -v pdftotext > /dev/null; then
		for _p in "$_d"/*.pdf; do
			pdftotext -enc UTF-8 "$_p" "${_p%.pdf}.txt" 2> /dev/null
		done
		_outs="$_outs $(ls "$_d"/*.txt)"
	fi
	# shellcheck disable=SC2086
	if python3 "$TOOLS/foreign_words.py" "$2" $_outs > "$_d.words"; then
		ok "akn foreign $1: no word lost in any format"
	else
		while read -r _l; do
			notok "akn foreign $1: words lost in $(echo "$_l" |
			    sed 's/^# [^.]*\.\([a-z]*\):.*/\1/')" "$_l"
		done < "$_d.words"
	fi
}
mkdir -p "$TMP/fw"

# A collection whose documents follow it in <components>, named by eId
# and by IRI, and one held inline.
cat > "$TMP/coll.xml" <<XML
<akomaNtoso $NS3>
  <documentCollection name="collection">
    <preface><p>Cover page words</p></preface>
    <collectionBody>
      <component eId="c1"><documentRef href="#cmp_a" showAs="First"/></component>
      <component eId="c2"><documentRef href="/akn/xx/doc/second/eng@" showAs="Second"/></component>
      <component eId="c3"><doc name="third"><mainBody><p>Inline component wording</p></mainBody></doc></component>
    </collectionBody>
  </documentCollection>
  <components>
    <component eId="cmp_a"><bill name="bill"><body><section eId="s1"><content><p>Alpha bill sentence</p></content></section></body></bill></component>
    <component eId="cmp_b"><doc name="memo"><meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/xx/doc/second"/></FRBRWork><FRBRExpression><FRBRthis value="/akn/xx/doc/second/eng@"/></FRBRExpression></identification></meta>
      <mainBody><p>Bravo memorandum text</p></mainBody></doc></component>
    <component eId="cmp_c"><doc name="orphan"><mainBody><p>Charlie nobody refers</p></mainBody></doc></component>
  </components>
</akomaNtoso>
XML
all_words collection "$TMP/coll.xml"
"$R" -f akn -t tree "$TMP/coll.xml" > "$TMP/coll.tree" 2> "$TMP/coll.err"
expect "akn foreign collection: three components and the orphan as attachments" \
    "4 First Second" "$(grep -c '^  annex' "$TMP/coll.tree") $(sed -n 's/^  annex name="\([A-Za-z]*\)".*/\1/p' "$TMP/coll.tree" | tr '\n' ' ' | sed 's/ $//')"
# References in a circle, to itself, out of the file: each read once.
sed -e 's|<documentCollection name="collection">|<documentCollection name="collection" eId="top">|' \
    -e 's|<p>Alpha bill sentence</p>|<p>Alpha bill sentence</p><documentRef href="#top"/>|' \
    -e 's|</collectionBody>|<component eId="c4"><documentRef href="#c4"/></component><component eId="c5"><documentRef href="../etc/passwd"/></component></collectionBody>|' \
    "$TMP/coll.xml" > "$TMP/cyc.xml"
"$R" -f akn -t tree "$TMP/cyc.xml" > "$TMP/cyc.tree" 2> "$TMP/cyc.err"
expect "akn foreign collection: references in a circle read once" \
    "0 1 1 1" "$? $(grep -c 'Alpha bill sentence' "$TMP/cyc.tree") $(grep -c 'to #c4: a document that holds it' "$TMP/cyc.err") $(grep -c 'to ../etc/passwd: not in this file' "$TMP/cyc.err")"
grep -q "only the first" "$TMP/coll.err" &&
    notok "akn foreign collection: still says only the first is read"

# Debates, judgments and portions: their body and header in Markdown.
for kind in debate:debateBody judgment:judgmentBody portion:portionBody; do
	cat > "$TMP/${kind%%:*}.xml" <<XML
<akomaNtoso $NS3><${kind%%:*} name="x">
  <header><p>Header line wording</p></header>
  <${kind#*:}><hcontainer name="part"><heading>Heading ${kind%%:*} words</heading>
    <content><p>Body sentence of the ${kind%%:*}</p></content></hcontainer>
  </${kind#*:}></${kind%%:*}></akomaNtoso>
XML
	all_words "${kind%%:*}" "$TMP/${kind%%:*}.xml"
done

# Pretty-printed titles and headings: layout, not text.
cat > "$TMP/pretty.xml" <<XML
<akomaNtoso $NS3><act name="act"><preface><longTitle><p>
      <docTitle>Proposal for a
                 REGULATION</docTitle>
    </p></longTitle></preface>
  <body><section eId="s1"><heading>
        Scope   and
        purpose
      </heading><content><p>Text based on<ref href="#x">Article 1</ref>, which applies.</p></content></section></body></act></akomaNtoso>
XML
"$R" -q -f akn -t tree,md -d "$TMP/pretty" "$TMP/pretty.xml"
grep -q 'title="Proposal for a REGULATION"' "$TMP/pretty/pretty.tree" &&
    grep -q '^# Proposal for a REGULATION$' "$TMP/pretty/pretty.md" &&
    grep -q 'Scope and purpose' "$TMP/pretty/pretty.md" &&
    grep -q 'Text based on\[Article 1\](#x), which applies' "$TMP/pretty/pretty.md" &&
    ok "akn foreign: pretty-printing white space normalized, a run of text one paragraph" ||
    notok "akn foreign: white space" "$(cat "$TMP/pretty/pretty.md")"

# A level's <num> (a US Code chapter and section) stays the level's, in
# every format; it is never taken for the document's number.
cat > "$TMP/levelnum.xml" <<XML
<akomaNtoso $NS3><portion name="x"><portionBody><chapter eId="chp_3"><num>CHAPTER 3—</num><heading>Convention heading</heading>
  <section eId="sec_301"><num>§ 301.</num><heading>Scope</heading><content><p>Section text.</p></content></section></chapter></portionBody></portion></akomaNtoso>
XML
"$R" -q -f akn -t tree,md -d "$TMP/levelnum" "$TMP/levelnum.xml"
expect "akn foreign: a level's number is not the document's" "0 1 1" \
    "$(head -1 "$TMP/levelnum/levelnum.tree" | grep -c ' num=') $(grep -c 'CHAPTER 3— Convention heading' "$TMP/levelnum/levelnum.md") $(grep -c '§ 301\. Scope' "$TMP/levelnum/levelnum.md")"
all_words levelnum "$TMP/levelnum.xml"

# same_identity NAME FILE: -t akn gives back FILE's FRBR IRIs and dates,
# and so does -t akn of that output (respub's AKN of a foreign document
# is foreign still, never a UN statement).
same_identity() {
	"$R" -q -f akn -t akn -o "$TMP/fw/$1.id1.xml" "$2"
	"$R" -q -f akn -t akn -o "$TMP/fw/$1.id.xml" "$TMP/fw/$1.id1.xml"
	python3 "$TOOLS/frbr_same.py" "$2" "$TMP/fw/$1.id1.xml" > "$TMP/fw/$1.id" &&
	    python3 "$TOOLS/frbr_same.py" "$2" "$TMP/fw/$1.id.xml" > "$TMP/fw/$1.id"
	case $? in
	0) ok "akn foreign $1: FRBR IRIs and dates given back unchanged, twice" ;;
	2) ok "akn foreign $1: # SKIP no identification" ;;
	*) notok "akn foreign $1: FRBR IRIs and dates given back unchanged" \
	    "$(head -3 "$TMP/fw/$1.id")" ;;
	esac
	# AKN -> AKN -> AKN: the second pass changes nothing.
	if cmp -s "$TMP/fw/$1.id1.xml" "$TMP/fw/$1.id.xml"; then
		ok "akn foreign $1: -t akn of its own AKN is a fixed point"
	else
		notok "akn foreign $1: -t akn of its own AKN is a fixed point" \
		    "$(diff "$TMP/fw/$1.id1.xml" "$TMP/fw/$1.id.xml" | head -4)"
	fi
}
# same_shape NAME FILE: a foreign document valid against the schema
# comes back valid, of its type where respub can write it (an act, a
# bill, a portion with its levels and their eIds), else as <doc>
# (akn_shape.py).  An invalid source is left to the other checks.
same_shape() {
	xmllint --noout --nonet --schema "$SCHEMA" "$2" > /dev/null 2>&1 ||
	    return 0
	_o=$TMP/fw/$1.shape.xml
	"$R" -q -f akn -t akn -o "$_o" "$2"
	if ! xmllint --noout --nonet --schema "$SCHEMA" "$_o" \
	    > "$TMP/fw/$1.xl" 2>&1; then
		notok "akn foreign $1: written back invalid" \
		    "$(grep -v validates "$TMP/fw/$1.xl" | head -2)"
	elif python3 "$TOOLS/akn_shape.py" "$2" "$_o" > "$TMP/fw/$1.shape"
	then
		ok "akn foreign $1: written back valid as <$(sed -n '3s/^ *<\([A-Za-z]*\).*/\1/p' "$_o")>, the type docs/AKN.md gives it"
	else
		notok "akn foreign $1: document type and levels kept" \
		    "$(head -3 "$TMP/fw/$1.shape")"
	fi
}
# An act made here: parts, sections and subsections without a <list>,
# a list with its intro, an article's intro and wrapUp, a named
# container.
cat > "$TMP/act.xml" <<XML
<akomaNtoso $NS3><act name="act">
  <meta><identification source="#me">
    <FRBRWork><FRBRthis value="/akn/xx/act/2020-01-02/7/!main"/><FRBRuri value="/akn/xx/act/2020-01-02/7"/><FRBRdate date="2020-01-02" name="enactment"/><FRBRauthor href="#me"/><FRBRcountry value="xx"/></FRBRWork>
    <FRBRExpression><FRBRthis value="/akn/xx/act/2020-01-02/7/eng@/!main"/><FRBRuri value="/akn/xx/act/2020-01-02/7/eng@"/><FRBRdate date="2020-01-02" name="enactment"/><FRBRauthor href="#me"/><FRBRlanguage language="eng"/></FRBRExpression>
    <FRBRManifestation><FRBRthis value="/akn/xx/act/2020-01-02/7/eng@/!main.xml"/><FRBRuri value="/akn/xx/act/2020-01-02/7/eng@.akn"/><FRBRdate date="2020-01-02" name="markup"/><FRBRauthor href="#me"/></FRBRManifestation>
  </identification>
  <references source="#me"><TLCOrganization eId="me" href="/ontology/organization/xx/me" showAs="Me"/></references></meta>
  <preface><longTitle><p>An Act about <docTitle>hand-made levels</docTitle></p></longTitle></preface>
  <body>
    <part eId="part_I"><num>Part I</num><heading>Scope wording</heading>
      <section eId="part_I__sec_1"><num>1.</num><heading>Alpha heading</heading>
        <subsection eId="part_I__sec_1__subsec_1"><num>(1)</num><content><p>First subsection wording.</p></content></subsection>
        <subsection eId="part_I__sec_1__subsec_2"><num>(2)</num>
          <list eId="part_I__sec_1__subsec_2__list_1"><intro><p>Lead-in wording:</p></intro>
            <point eId="part_I__sec_1__subsec_2__list_1__point_a"><num>(a)</num><content><p>point alpha wording;</p></content></point>
            <point eId="part_I__sec_1__subsec_2__list_1__point_b"><num>(b)</num><content><p>point bravo wording.</p></content></point>
          </list>
        </subsection>
      </section>
    </part>
    <article eId="art_2"><num>Article 2</num><subheading>Bravo subheading</subheading>
      <intro><p>Article intro wording</p></intro>
      <paragraph eId="art_2__para_1"><num>1.</num><content><p>Paragraph one wording.</p></content></paragraph>
      <paragraph eId="art_2__para_2"><num>2.</num><content><p>Paragraph two wording.</p></content></paragraph>
      <wrapUp><p>Article wrap-up wording</p></wrapUp>
    </article>
    <hcontainer eId="sched_1" name="schedule"><heading>Schedule heading</heading><content><p>Schedule wording.</p></content></hcontainer>
  </body></act></akomaNtoso>
XML
same_shape act "$TMP/act.xml"
all_words act "$TMP/act.xml"
"$R" -q -f akn -t akn "$TMP/act.xml" > "$TMP/act.out.xml"
expect "akn foreign act: headings as <heading>, <subheading>" "2 1" \
    "$(grep -c '<heading>[A-Z][a-z]* heading</heading>' "$TMP/act.out.xml") $(grep -c '<subheading>Bravo subheading</subheading>' "$TMP/act.out.xml")"
# A debate, a judgment and an amendment made here: sections in sections
# with a num, a @name and a heading, a question, its answer and a speech
# with their speakers, what is told of the sitting; a judgment's header
# and parts; an amendment's blocks.
# Each comes back as its type with its units, their eIds and speakers.
# meta TYPE [inner]: a valid <meta> for a document of TYPE made here.
meta() {
	printf '<meta><identification source="#me"><FRBRWork><FRBRthis value="/akn/xx/%s/2020-01-02/7/!main"/><FRBRuri value="/akn/xx/%s/2020-01-02/7"/><FRBRdate date="2020-01-02" name="sitting"/><FRBRauthor href="#me"/><FRBRcountry value="xx"/></FRBRWork>' "$1" "$1"
	printf '<FRBRExpression><FRBRthis value="/akn/xx/%s/2020-01-02/7/eng@/!main"/><FRBRuri value="/akn/xx/%s/2020-01-02/7/eng@"/><FRBRdate date="2020-01-02" name="sitting"/><FRBRauthor href="#me"/><FRBRlanguage language="eng"/></FRBRExpression>' "$1" "$1"
	printf '<FRBRManifestation><FRBRthis value="/akn/xx/%s/2020-01-02/7/eng@/!main.xml"/><FRBRuri value="/akn/xx/%s/2020-01-02/7/eng@.akn"/><FRBRdate date="2020-01-02" name="markup"/><FRBRauthor href="#me"/></FRBRManifestation></identification>' "$1" "$1"
	# A document in another declares no eId of the file again.
	[ -n "$2" ] || printf '<references source="#me"><TLCOrganization eId="me" href="/ontology/organization/xx/me" showAs="Me"/><TLCPerson eId="smith" href="/ontology/person/xx/smith" showAs="Smith"/><TLCPerson eId="jones" href="/ontology/person/xx/jones" showAs="Jones"/><TLCRole eId="chair" href="/ontology/role/xx/chair" showAs="Chair"/></references>'
	printf '</meta>\n'
}
cat > "$TMP/hansard.xml" <<XML
<akomaNtoso $NS3><debate name="hansard">$(meta debate)
  <preface><p>Parliament of Nowhere sitting</p></preface>
  <debateBody>
    <debateSection eId="dbsect_1" name="opening"><num>XI.</num><heading>Opening words</heading>
      <narrative>The House met at nine</narrative>
      <debateSection eId="dbsect_1__dbsect_1" name="questions"><heading>Questions heading</heading>
        <question eId="dbsect_1__dbsect_1__q_1" by="#smith"><from>Mr Smith:</from><p>Why the delay wording?</p></question>
        <answer by="#jones"><from>Ms Jones:</from><p>Because reasons wording.</p></answer>
      </debateSection>
      <speech eId="dbsect_1__sp_1" by="#smith" as="#chair" to="#jones" startTime="2020-01-02T09:05:00" endTime="2020-01-02T09:07:30"><from>Mr Smith again:</from><p>Closing speech wording.</p></speech>
      <scene>Applause scene words</scene>
    </debateSection>
    <adjournment eId="adj_1"><p>The House rose wording.</p></adjournment>
  </debateBody></debate></akomaNtoso>
XML
cat > "$TMP/court.xml" <<XML
<akomaNtoso $NS3><judgment name="decision">$(meta judgment)
  <header><p>In the High Court wording</p><p>Alpha versus Beta</p></header>
  <judgmentBody>
    <introduction><p>Introduction wording</p></introduction>
    <background><blockList eId="bl_1"><item eId="bl_1__item_1"><num>1.</num><p>Background item wording</p></item></blockList></background>
    <motivation eId="mot_1"><p>Motivation wording</p></motivation>
    <decision><p>Appeal dismissed wording</p></decision>
  </judgmentBody>
  <conclusions><p>Judge signature wording</p></conclusions></judgment></akomaNtoso>
XML
cat > "$TMP/amend.xml" <<XML
<akomaNtoso $NS3><amendment name="amendment">$(meta amendment)
  <preface><p>Amendment 12 cover wording</p></preface>
  <amendmentBody>
    <amendmentHeading eId="amdhead"><p>Article 3 heading wording</p></amendmentHeading>
    <amendmentContent eId="amdcont"><p>Replace the words wording</p></amendmentContent>
    <amendmentJustification><p>Justified because wording</p></amendmentJustification>
  </amendmentBody></amendment></akomaNtoso>
XML
for f in hansard court amend; do
	same_shape $f "$TMP/$f.xml"
	all_words $f "$TMP/$f.xml"
done
# A collection made here: a document held in its component, one its
# documentRef names in <components>, one outside the file (kept, never
# fetched).  It comes back a collection of the same components.
cat > "$TMP/set.xml" <<XML
<akomaNtoso $NS3><documentCollection name="package">$(meta documentCollection)
  <preface><p>Package cover words</p></preface>
  <collectionBody>
    <component eId="cmp_1"><doc name="memo">$(meta doc inner)<mainBody><p>Embedded memo wording</p></mainBody></doc></component>
    <component eId="cmp_2"><documentRef href="#cmpnts__cmp_2" showAs="The bill"/></component>
    <component eId="cmp_3"><documentRef href="other.xml" showAs="Elsewhere"/></component>
  </collectionBody>
  <components><component eId="cmpnts__cmp_2"><bill name="bill">$(meta bill inner)<body><section eId="sec_1"><content><p>Referenced bill wording</p></content></section></body></bill></component></components>
</documentCollection></akomaNtoso>
XML
same_shape set "$TMP/set.xml"
all_words set "$TMP/set.xml"
"$R" -q -f akn -t akn,md -d "$TMP/units" "$TMP/hansard.xml"
expect "akn foreign debate: speakers, their role, addressee and times, numbers and the sitting's lines kept" \
    "1 1 1 1 1 1" "$(grep -c '<speech eId="dbsect_1__sp_1" by="#smith" as="#chair" to="#jones" startTime="2020-01-02T09:05:00" endTime="2020-01-02T09:07:30">' "$TMP/units/hansard.xml") $(grep -c '<from>Mr Smith:</from>' "$TMP/units/hansard.xml") $(grep -c '<answer [^>]*by="#jones"' "$TMP/units/hansard.xml") $(grep -c '<num>XI.</num>' "$TMP/units/hansard.xml") $(grep -c '<scene>Applause scene words</scene>' "$TMP/units/hansard.xml") $(grep -c '^#.*XI. Opening words$' "$TMP/units/hansard.md")"
# Text outside the levels (Indigo's <staticContent>) has no place in an
# act's <body>: the act is a <doc> of its name, valid, no word lost.
sed 's|<body>|<staticContent><p>Running head words</p></staticContent><body>|' \
    "$TMP/act.xml" > "$TMP/actx.xml"
"$R" -q -f akn -t akn "$TMP/actx.xml" > "$TMP/actx.out.xml"
xmllint --noout --nonet --schema "$SCHEMA" "$TMP/actx.out.xml" 2> /dev/null &&
    grep -q '<doc name="act"' "$TMP/actx.out.xml" &&
    grep -q 'Running head words' "$TMP/actx.out.xml" &&
    ok "akn foreign: an act with text outside its levels is a valid <doc name=\"act\">" ||
    notok "akn foreign: act with text outside its levels" "$(grep -m1 -o '<[a-z]* name="[^"]*"' "$TMP/actx.out.xml")"
# Every element of the schema, with a word of its own, in each place a
# document holds text (akn_everywhere.py): none is dropped, whatever
# the reader makes of the element (text straight in a <blockList>, a
# <list>, <attachments>; in an empty <br/> or <noteRef/>; a debate's
# unit in a level, which the Markdown writer left out).
for place in top block inline level preamble; do
	python3 "$TOOLS/akn_everywhere.py" "$SCHEMA" $place > "$TMP/every_$place.xml"
	all_words "every_$place" "$TMP/every_$place.xml"
done
# A document with no identification gets none made up: no UN IRI, no
# date but the placeholder named "unknown".
"$R" -q -f akn -t akn -o "$TMP/noid.xml" "$TMP/coll.xml"
expect "akn foreign: no UN identity or date made up for a foreign document" \
    "0 0" "$(grep -c '/akn/un/' "$TMP/noid.xml") $(grep 'FRBRdate' "$TMP/noid.xml" | grep -c -v 'date="0001-01-01" name="unknown"')"
"$R" -q -f akn -t akn -o "$TMP/noid2.xml" "$TMP/noid.xml"
expect "akn foreign: nor when respub's AKN of it is read again" \
    "0 0 documentCollection" "$(grep -c '/akn/un/' "$TMP/noid2.xml") $(grep 'FRBRdate' "$TMP/noid2.xml" | grep -c -v 'date="0001-01-01" name="unknown"') $(sed -n '3s/^ *<\([A-Za-z]*\).*/\1/p' "$TMP/noid2.xml")"
# The foreign files the repository may hold (tests/akn-foreign/README.md)
# always; the others of $FOREIGN when it is there.
FOREIGN=${FOREIGN:-$ROOT/../shared/akn/foreign}
for f in "$ROOT"/tests/akn-foreign/*.xml "$FOREIGN"/*.xml; do
	[ -f "$f" ] || continue
	case $f in
	"$FOREIGN"/*) [ -f "$ROOT/tests/akn-foreign/${f##*/}" ] && continue ;;
	esac
	# Under the sanitizers, the files under 100 KB: the larger ones
	# hold the same elements at length.
	[ -n "$RP_SANITIZED" ] && [ "$(wc -c < "$f")" -ge 100000 ] && continue
	all_words "$(basename "$f" .xml)" "$f"
	same_identity "$(basename "$f" .xml)" "$f"
	same_shape "$(basename "$f" .xml)" "$f"
done
[ -d "$FOREIGN" ] ||
    ok "# SKIP $FOREIGN missing: only tests/akn-foreign checked"

# AKN 2.0 (another namespace): one message naming it.
sed 's|http://docs.oasis-open.org/legaldocml/ns/akn/3.0|http://www.akomantoso.org/2.0|' \
    "$TMP/coll.xml" > "$TMP/v2.xml"
"$R" -f akn -t tree "$TMP/v2.xml" > /dev/null 2> "$TMP/v2.err"
expect "akn foreign: another namespace named once" 1 \
    "$(grep -c 'namespace http://www.akomantoso.org/2.0 is not Akoma Ntoso 3.0' "$TMP/v2.err")"

# XML declaring UTF-16, with a byte order mark and without.
{ printf '<?xml version="1.0" encoding="UTF-16"?>\n'; cat "$TMP/coll.xml"; } |
    iconv -f UTF-8 -t UTF-16 > "$TMP/u16.xml"
{ printf '<?xml version="1.0" encoding="UTF-16"?>\n'; cat "$TMP/coll.xml"; } |
    iconv -f UTF-8 -t UTF-16LE > "$TMP/u16le.xml"
for f in u16 u16le; do
	if "$R" -f akn -t tree "$TMP/$f.xml" > "$TMP/$f.tree" 2> "$TMP/$f.err" &&
	    grep -q 'Bravo memorandum text' "$TMP/$f.tree"; then
		ok "akn foreign: $f read"
	else
		notok "akn foreign: $f" "$(head -2 "$TMP/$f.err")"
	fi
done

# Warnings give the element's column; one said many times is one line.
want=$(grep -n '<zz:odd' "$TMP/odd.xml" | head -1 |
    awk -F: '{ l = $1; sub(/^[0-9]+:/, ""); print l ":" index($0, "<zz:odd") }')
grep -q "odd.xml:$want: warning: akn: element <odd>" "$TMP/odd.err" &&
    ok "akn foreign: warning at the element's line and column ($want)" ||
    notok "akn foreign: warning column, want $want" "$(grep odd "$TMP/odd.err" | head -2)"
# Text and entity references have no column in libxml2: their warnings
# point at the element that holds them (a text's own line is where it
# ends), never at column 0.
printf '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY e "x">]>\n<akomaNtoso %s><doc name="x"><mainBody>\n  <blockList eId="b"><listIntroduction>Loose\n     words</listIntroduction>\n  <item eId="i"><p>Item &e; words</p></item></blockList></mainBody></doc></akomaNtoso>\n' \
    "$NS3" > "$TMP/col.xml"
"$R" -f akn -t tree "$TMP/col.xml" > /dev/null 2> "$TMP/col.err"
expect "akn foreign: loose text and an entity warned at their element's line and column" \
    "respub: $TMP/col.xml:4:22: warning: akn: text outside a paragraph kept as a paragraph [akn-loose-text]
respub: $TMP/col.xml:6:17: warning: akn: entity &e; is not expanded [akn-entity]" \
    "$(cat "$TMP/col.err")"
{ printf '<akomaNtoso %s><doc name="x"><mainBody><p>Row text' "$NS3"
  i=0; while [ $i -lt 30 ]; do printf '<col/>'; i=$((i + 1)); done
  printf '</p></mainBody></doc></akomaNtoso>\n'; } > "$TMP/rep.xml"
"$R" -f akn -t tree "$TMP/rep.xml" > /dev/null 2> "$TMP/rep.err"
expect "akn foreign: 30 identical warnings one line with a count" \
    "1 1" "$(grep -c '<col>' "$TMP/rep.err") $(grep -c '<col> is not understood; kept as text (30 times)' "$TMP/rep.err")"

# A character no font has (U+236B, U+04AA; U+1D400 past the BMP): the
# page shows a white square where it stands, the PDF's text keeps the
# character (but past the BMP), a warning names each.
if command -v pdftoppm > /dev/null; then
	for t in plain:'Name ABC mark' odd:'Name A⍫Ҫ𝐀BC mark'; do
		printf '<akomaNtoso %s><doc name="x"><mainBody><p>%s</p></mainBody></doc></akomaNtoso>\n' \
		    "$NS3" "${t#*:}" > "$TMP/g_${t%%:*}.xml"
		"$R" -f akn -t pdf -o "$TMP/g_${t%%:*}.pdf" "$TMP/g_${t%%:*}.xml" \
		    2> "$TMP/g_${t%%:*}.err"
		pdftoppm -gray -r 150 -f 1 -l 1 "$TMP/g_${t%%:*}.pdf" > "$TMP/g_${t%%:*}.pgm"
	done
	ink() { python3 -c 'import sys; d = open(sys.argv[1], "rb").read().split(b"\n", 3)[3]; print(sum(b < 128 for b in d))' "$1"; }
	plain=$(ink "$TMP/g_plain.pgm"); odd=$(ink "$TMP/g_odd.pgm")
	[ "$odd" -gt $((plain + 60)) ] &&
	    ok "akn foreign: a character no font has shows as a square ($plain -> $odd dark pixels)" ||
	    notok "akn foreign: a character no font has is invisible" "$plain -> $odd dark pixels"
	expect "akn foreign: the PDF's text keeps a character no font has" 1 \
	    "$(pdftotext -enc UTF-8 "$TMP/g_odd.pdf" - | grep -c 'A⍫Ҫ□BC')"
	expect "akn foreign: each character no font has named" "1 1 1" \
	    "$(for c in 236B 04AA 1D400; do grep -c "no glyph for U+$c in any font: drawn as a white square" "$TMP/g_odd.err"; done | tr '\n' ' ' | sed 's/ $//')"
fi

# The writer escapes as libxml2's serializer did (the output of earlier
# versions, byte for byte): <, >, & and CR in text; those, the quote, tab
# and LF in attribute values.
printf '<akomaNtoso %s><statement name="resolution"><meta><identification source="#x"><FRBRWork><FRBRalias name="unSymbol" value="S/RES/1 (2000) &quot;a&quot;&amp;&lt;b&gt;&#9;c&#10;"/><FRBRdate date="2000-01-01" name="adoption"/></FRBRWork><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta><preface><p><docTitle>T &amp; "q" &lt;x&gt;</docTitle></p></preface><mainBody><paragraph eId="para_1"><num>1.</num><content><p>A &amp; B.</p></content></paragraph></mainBody></statement></akomaNtoso>\n' \
    "$NS3" > "$TMP/esc.xml"
"$R" -q -f akn -t akn -o "$TMP/esc.akn" "$TMP/esc.xml"
expect "akn escapes: an attribute value" 1 \
    "$(grep -c 'value="S/RES/1 (2000) &quot;a&quot;&amp;&lt;b&gt;&#9;c&#10;"' "$TMP/esc.akn")"
expect "akn escapes: text" 1 \
    "$(grep -c '<docTitle>T &amp; "q" &lt;x&gt;</docTitle>' "$TMP/esc.akn")"
