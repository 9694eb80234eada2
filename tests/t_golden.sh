#!/bin/sh
# t_golden.sh -- the AKN of each example against tests/golden/NAME.xml,
# files reviewed by eye against the source text (tests/golden/REVIEW.md
# says what was checked).  A difference is a failure until a reviewer
# has looked at it and, if the new output is right, updated the golden:
#   SOURCE_DATE_EPOCH=1700000000 respub -t akn examples/NAME.txt \
#       > tests/golden/NAME.xml
. "$(dirname "$0")/lib.sh"

SCHEMA=$ROOT/tests/schema/akomantoso30.xsd
n=0
for g in "$ROOT"/tests/golden/*.xml; do
	[ -f "$g" ] || continue
	name=$(basename "$g" .xml)
	src=$ROOT/examples/$name.txt
	n=$((n + 1))
	if [ ! -f "$src" ]; then
		notok "golden $name" "no examples/$name.txt"
		continue
	fi
	if ! xmllint --noout --nonet --schema "$SCHEMA" "$g" 2>"$TMP/xl"; then
		notok "golden $name: valid" "$(head -2 "$TMP/xl")"
		continue
	fi
	SOURCE_DATE_EPOCH=1700000000 "$RESPUB" -q -t akn "$src" > "$TMP/out.xml"
	if cmp -s "$g" "$TMP/out.xml"; then
		ok "golden $name: AKN as reviewed"
	else
		notok "golden $name: AKN differs from the reviewed file" \
		    "$(diff "$g" "$TMP/out.xml" | grep '^[<>]' | head -4 |
		    cut -c1-160 | tr '\n' ' ')"
	fi
done
[ "$n" -ge 5 ] && ok "golden: $n reviewed files" ||
    notok "golden: expected a reviewed file for each of the 5 examples" "$n"
