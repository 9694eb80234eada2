#!/bin/sh
# t_akn.sh -- the Akoma Ntoso writer and reader: schema validity, unique
# eIds and resolving #refs, no word lost, text -> AKN -> model -> AKN
# byte-identical, hostile and foreign AKN input.
#
# Inputs: examples/, tests/corpus/, and an evenly spaced sample of
# $CORPUS (default ../shared/corpus) when it exists: about 100 files, 20
# under the sanitizers.
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
