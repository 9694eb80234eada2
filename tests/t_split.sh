#!/bin/sh
# t_split.sh -- respub --split: a compilation in one file (resolutions
# pasted one after another, as in a yearbook volume) is read as the
# resolutions it holds, each its own output, with the structure each has
# in a file of its own; a text of one resolution is never split.
. "$(dirname "$0")/lib.sh"

# The Security Council texts of tests/corpus, one after another.
# S/RES/851 (1993) is left out: its file begins with the end of a
# Council statement printed before it, which in a compilation is the
# tail of the resolution before.
set -- $(ls "$ROOT"/tests/corpus/S_RES_*.txt | grep -v S_RES_0851_)
for f in "$@"; do cat "$f"; printf '\n\n'; done > "$TMP/volume.txt"
$RESPUB -q -t tree -d "$TMP/one" "$@"
$RESPUB --split -q -t tree -d "$TMP/vol" "$TMP/volume.txt"
expect "--split: as many resolutions as files" "$#" "$(ls "$TMP/vol" | wc -l | tr -d ' ')"
python3 "$ROOT/tests/tools/counts.py" "$TMP"/one/*.tree > "$TMP/one.counts"
python3 "$ROOT/tests/tools/counts.py" "$TMP"/vol/*.tree > "$TMP/vol.counts"
if cmp -s "$TMP/one.counts" "$TMP/vol.counts"; then
	ok "--split: each resolution's structure as in its own file"
else
	notok "--split: each resolution's structure as in its own file" \
	    "$(diff "$TMP/one.counts" "$TMP/vol.counts" | head -4)"
fi
expect "--split: pieces named NAME-K" "volume-01.tree $(printf 'volume-%02d.tree' $#)" \
    "$(ls "$TMP/vol" | sed -n '1p;$p' | tr '\n' ' ' | sed 's/ $//')"

# Messages count lines in the whole file: a piece's first line is its
# line in the volume.
printf 'Resolution 1 (1946)\n\nThe Security Council,\n\n1. Decides this;\n\n' > "$TMP/two.txt"
printf 'Resolution 2 (1946)\n\nThe Security Council,\n\n1. Decides that;\n\n2. Decides\n' >> "$TMP/two.txt"
$RESPUB --split -v -t tree -d "$TMP/two" "$TMP/two.txt" 2>"$TMP/two.err"
expect "--split: two pieces of a two-resolution text" 2 "$(ls "$TMP/two" | wc -l | tr -d ' ')"
grep -q 'symbol="S/RES/2 (1946)"' "$TMP/two/two-2.tree" &&
    ok "--split: the second piece is the second resolution" ||
    notok "--split: the second piece is the second resolution" \
	"$(head -1 "$TMP/two/two-2.tree")"
grep -q 'two.txt:7:1: warning' "$TMP/two.err" &&
    ok "--split: messages of piece 2 count lines from the file's first" ||
    notok "--split: messages of piece 2 count lines from the file's first" \
	"$(cat "$TMP/two.err")"

# One resolution a file: --split changes nothing, for every text here
# and, when it is at hand, the whole shared corpus.
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
set -- "$ROOT"/tests/corpus/*.txt "$ROOT"/examples/*.txt
[ -d "$CORPUS" ] && set -- "$@" $(find "$CORPUS" -name '*.txt' | sort)
$RESPUB -q -t tree -d "$TMP/plain" "$@" 2>/dev/null
$RESPUB --split -q -t tree -d "$TMP/split" "$@" 2>/dev/null
if diff -r "$TMP/plain" "$TMP/split" > "$TMP/diff"; then
	ok "--split: no text of one resolution is split ($# texts)"
else
	notok "--split: no text of one resolution is split" "$(head -4 "$TMP/diff")"
fi

$RESPUB --split -t tree "$ROOT/examples/S-RES-1377-2001.txt" >/dev/null 2>&1
expect "--split without -d: usage error" 2 "$?"
