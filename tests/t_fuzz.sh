#!/bin/sh
# t_fuzz.sh -- hostile bytes through the command: the inputs the fuzzers
# once crashed on (tests/fuzz/regress/FORMAT/), then a fixed set of
# mutated examples (byte flips, truncations, splices, repeated and deleted
# chunks, inserted tokens; tests/tools/mutate.c with a fixed seed), all
# through "respub -t tree,akn,md".  Each run must end with status 0, 1 or
# 2, by no signal and with no sanitizer report; no temporary output may be
# left behind and every AKN written must be well-formed XML.
. "$(dirname "$0")/lib.sh"

# FUZZ_COUNT mutated inputs (fewer under the sanitizers, which are slower).
count=${FUZZ_COUNT:-3000}
[ -n "$RP_SANITIZED" ] && count=${FUZZ_COUNT:-2000}
batch=100

if ! cc -std=c11 -O2 -Wall -Wextra -o "$TMP/mutate" \
    "$ROOT/tests/tools/mutate.c" 2>"$TMP/cc.err"; then
	notok "mutate.c builds" "$(cat "$TMP/cc.err")"
	exit 0
fi

# run OUTDIR FILE... -- one respub over FILEs; prints why it failed, if
# it did, and returns non-zero.
run() {
	out=$1
	shift
	$RESPUB -q -t tree,akn,md -d "$out" "$@" >/dev/null 2>"$TMP/stderr"
	rc=$?
	if [ "$rc" -gt 2 ]; then
		echo "exit status $rc"
		return 1
	fi
	if grep -q -E 'Sanitizer|runtime error|^    #[0-9]' "$TMP/stderr"; then
		grep -m1 -E 'Sanitizer|runtime error' "$TMP/stderr"
		return 1
	fi
	return 0
}

# 1. The saved fuzzer findings, one run each, with their format forced.
nreg=0
for dir in "$ROOT"/tests/fuzz/regress/*/; do
	[ -d "$dir" ] || continue
	fmt=$(basename "$dir")
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		nreg=$((nreg + 1))
		name="regress/$fmt/$(basename "$f")"
		out=$TMP/reg
		rm -rf "$out"
		if why=$(RESPUB="$RESPUB -f $fmt" run "$out" "$f"); then
			ok "$name: no crash"
		else
			notok "$name: no crash" "$why"
		fi
	done
done
[ "$nreg" -gt 0 ] || notok "fuzz findings to replay in tests/fuzz/regress/"

# 2. Mutated examples, in batches of $batch inputs per run; a batch that
# fails is run again one input at a time to name the input.
mkdir -p "$TMP/in" "$TMP/out"
if ! "$TMP/mutate" 20250601 "$count" "$TMP/in" "$ROOT"/examples/*.txt \
    "$ROOT"/tests/corpus/A_RES_80_10.md "$ROOT"/tests/corpus/A_RES_80_28.md \
    "$ROOT"/tests/corpus/A_RES_80_1.pdftext.txt \
    "$ROOT"/tests/corpus/S_RES_0140_1960_EN_GOLD.txt \
    "$ROOT"/tests/corpus/S-RES-1377-2001.handmade.xml \
    "$ROOT"/tests/golden/*.xml; then
	notok "mutated inputs are made"
	exit 0
fi
ls "$TMP/in" > "$TMP/list"
total=$(wc -l < "$TMP/list")
expect "$count mutated inputs made" "$count" "$total"
failed=0
split -l "$batch" "$TMP/list" "$TMP/batch."
for b in "$TMP"/batch.*; do
	files=$(sed "s|^|$TMP/in/|" "$b")
	# shellcheck disable=SC2086
	if run "$TMP/out" $files >/dev/null; then
		continue
	fi
	for f in $files; do
		why=$(run "$TMP/out1" "$f") && continue
		failed=$((failed + 1))
		[ "$failed" -gt 10 ] && continue
		# Kept for a look, and to save in tests/fuzz/regress/.
		mkdir -p "$ROOT/build-fuzz/t_fuzz"
		cp "$f" "$ROOT/build-fuzz/t_fuzz/"
		notok "mutated $(basename "$f"): no crash" \
		    "$why (kept in build-fuzz/t_fuzz/)"
	done
done
if [ "$failed" -eq 0 ]; then
	ok "$total mutated inputs: exit 0, 1 or 2, no signal, no sanitizer report"
else
	notok "$total mutated inputs: no crash" "$failed crashed"
fi

# Every output is whole: no temporary file left, every AKN well-formed,
# and each input that converted has all three outputs.
tmps=$(find "$TMP/out" -name '*.tmp.*' | head -3)
expect "no temporary output file left behind" "" "$tmps"
nxml=$(find "$TMP/out" -name '*.xml' | wc -l)
if [ "$nxml" -lt $((total / 4)) ]; then
	notok "mutated inputs converted" "only $nxml of $total"
else
	ok "$nxml of $total mutated inputs converted"
fi
if find "$TMP/out" -name '*.xml' -print0 |
    xargs -0 -n 200 xmllint --noout 2>"$TMP/xmllint"; then
	ok "every AKN output is well-formed"
else
	notok "every AKN output is well-formed" "$(head -3 "$TMP/xmllint")"
fi
incomplete=
for x in "$TMP"/out/*.xml; do
	s=${x%.xml}
	[ -s "$s.tree" ] && [ -f "$s.md" ] || incomplete="$incomplete $(basename "$s")"
done
expect "every converted input has its tree, akn and md" "" "$incomplete"
