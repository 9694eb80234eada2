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

# Boundaries as the Security Council's yearbook prints them (excerpts of
# the shared corpus, unsc-en/S_RES_0016..0018_1947 and 0053..0054_1948,
# the last resolution's first lines only, pasted as bench.sh does): a
# text opened by "Whereas" with no formula, its operative part "It is
# resolved" and its closing line; a note whose last line "S/865." is
# shaped like a symbol just above the next resolution.
symbols() {	# DIR: the symbol of each tree in it, in order
	for t in "$1"/*.tree; do
		sed -n '1s/.*symbol="\([^"]*\)".*/\1/p' "$t"
	done | tr '\n' ';'
}
cat > "$TMP/sc1947.txt" <<'EOF'
16 (1947). Resolution of 10 January 1947

The Security Council,

Having received and examined the annexes to the
proposed Peace Treaty with Italy relating to the creation and government of the Free Territory of Trieste
(including an arrangement for the Free Port), 1

Hereby records its approval of the three following
documents: (1) The instrument for the provisional
régime of the Free Territory of Trieste ; (2) The per-
manent Statute for the Free Territory of Trieste ;
(3) The instrument for the Free Port of Trieste ; and
its acceptance of the responsibilities devolving upon
it under the same.

Adopted at the 91st meeting by 10 votes to none,
with 1 abstention (Australia).

1 See Official Records of the Security Council, Second Year,


17 (1947). Resolution of 10 February 1947

Whereas the Commission of Investigation established by the Security Council by its resolution
15 (1946) of 19 December 1946 has referred to the
Council the question of whether the Commission’s
request to the Greek Government to postpone the
execution of persons sentenced to death by that
Government for political offences is covered by the
terms of reference in such resolution,

It is resolved that the Security Council request the
Secretary-General to advise the Commission of Investigation that it is the sense of the Security Council
that the Commission, acting under resolution 15 (1946)
adopted by the Council on 19 December 1946, is not
empowered to request the appropriate authorities of
Greece, Albania, Bulgaria and Yugoslavia to postpone
the execution of any persons sentenced to death,
unless the Commission has reason to believe that the
examination of any such person as a witness would
assist the Commission in its work, and makes its
request on this ground.

Adopted at the 101st meeting by 9 votes to none,
with 2 abstentions (Poland,
Union of Soviet Socialist
Republics).


18 (1947). Resolution of 13 February 1947
[S/268/Rev.1/Corr.1]

The Security Council,
EOF
cat > "$TMP/sc1948.txt" <<'EOF'
53 (1948). Resolution of 7 July 1948
[S/875]

The Security Council,

Taking into consideration the telegram from the
United Nations Mediator dated 5 July 1948, 29

Addresses an urgent appeal to the interested parties 
to accept in principle the prolongation of the truce for
such period as may be decided upon in consultation
with the Mediator.

Adopted at the 331st meeting by 8 votes to none,
with 3 abstentions (Syria,
Ukrainian Soviet Socialist
Republic, Union of Soviet
Socialist Republics).


29 Ibid., Third Year, Supplement for July 1948, document
S/865.

54 (1948). Resolution of 15 July 1948
[S/902]

The Security Council,
EOF
$RESPUB --split -q -t tree -d "$TMP/sc1947" "$TMP/sc1947.txt"
expect "--split: a resolution with no formula, after one that has one" \
    "S/RES/16 (1947);S/RES/17 (1947);S/RES/18 (1947);" "$(symbols "$TMP/sc1947")"
$RESPUB --split -q -t tree -d "$TMP/sc1948" "$TMP/sc1948.txt"
expect "--split: a note's last line is no masthead of the next" \
    "S/RES/53 (1948);S/RES/54 (1948);" "$(symbols "$TMP/sc1948")"

# The Security Council texts of the shared corpus pasted into one file
# (as bench.sh does): as many resolutions as files, each with its file's
# symbol, in order.
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
if [ -d "$CORPUS/unsc-en" ]; then
	set -- "$CORPUS"/unsc-en/*.txt
	for f in "$@"; do cat "$f"; printf '\n\n'; done > "$TMP/unsc.txt"
	$RESPUB -q -t tree -d "$TMP/unsc-one" "$@" 2>/dev/null
	$RESPUB --split -q -t tree -d "$TMP/unsc-vol" "$TMP/unsc.txt" 2>/dev/null
	expect "--split: the SC corpus in one file, as many resolutions as files" \
	    "$#" "$(ls "$TMP/unsc-vol" | wc -l | tr -d ' ')"
	symbols "$TMP/unsc-one" | tr ';' '\n' > "$TMP/unsc-one.sym"
	symbols "$TMP/unsc-vol" | tr ';' '\n' > "$TMP/unsc-vol.sym"
	if cmp -s "$TMP/unsc-one.sym" "$TMP/unsc-vol.sym"; then
		ok "--split: the SC corpus in one file, each resolution's symbol its file's"
	else
		notok "--split: the SC corpus in one file, each resolution's symbol its file's" \
		    "$(diff "$TMP/unsc-one.sym" "$TMP/unsc-vol.sym" | head -4)"
	fi
else
	ok "--split: the SC corpus in one file # SKIP no corpus at '$CORPUS' (set CORPUS=DIR)"
fi

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
# (the dev texts of every language too) and, when it is at hand, the
# whole shared corpus.
set -- "$ROOT"/tests/corpus/*.txt "$ROOT"/examples/*.txt "$ROOT"/tests/dev/*/*.txt
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
