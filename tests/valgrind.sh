#!/bin/sh
# valgrind.sh RESPUB -- memcheck over the five examples in every format
# (akn, tree, md, html, pdf) and over the site command; any error or
# definite leak fails it.
cd "$(dirname "$0")/.." || exit 2
respub=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
vg="valgrind -q --suppressions=tests/valgrind.supp --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
fail=0 runs=0
for f in examples/*.txt; do
	for t in akn tree md html pdf; do
		runs=$((runs + 1))
		$vg "$respub" -q -t $t -o "$out/x.$t" "$f" 2>"$out/log"
		rc=$?
		if [ "$rc" -ne 0 ]; then
			echo "FAIL $f -t $t (exit $rc)"
			head -30 "$out/log"
			fail=$((fail + 1))
		else
			echo "ok   $f -t $t"
		fi
	done
done
runs=$((runs + 1))
$vg "$respub" site -q -d "$out/site" examples/*.txt 2>"$out/log"
rc=$?
if [ "$rc" -ne 0 ]; then
	echo "FAIL site (exit $rc)"
	head -30 "$out/log"
	fail=$((fail + 1))
else
	echo "ok   site"
fi
echo "valgrind: $runs runs, $fail failed"
[ "$fail" -eq 0 ]
