#!/bin/sh
# run.sh BUILD_DIR... -- run the whole test suite against each build.
#
# Every test prints one line per check: "ok - what" or "not ok - what".
# The C unit tests are $BUILD/tests/*; the scripts are tests/t_*.sh and
# get the binary in $RESPUB and the build directory in $BUILD_DIR.
# A build directory named *asan* is the sanitized build: RP_SANITIZED=1
# tells the scripts to take their smaller samples (the Makefile says
# which, at "check").
# The scripts of all builds run TEST_JOBS at a time (default: one per
# core), each into its own file; the files are printed in the order of
# the list, so the output is the same however they were scheduled.
# The closing line is "N passed, N failed, N skipped".
self=$(cd "$(dirname "$0")" && pwd)/run.sh
cd "$(dirname "$0")/.." || exit 2

# One job: the unit tests of a build ("units") or one script, run with
# that build's environment into $out/N.
run_one() {
	build=$1 t=$2 o=$3
	case $build in *asan*) export RP_SANITIZED=1 ;; *) unset RP_SANITIZED ;; esac
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
	export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	export RESPUB="$PWD/$build/respub" BUILD_DIR="$PWD/$build"
	if [ "$t" = units ]; then
		for u in "$build"/tests/*; do
			[ -x "$u" ] || continue
			echo "# $u"
			"$u" 2>&1 || echo "not ok - $u exited with status $?"
		done
	else
		echo "# $t ($build)"
		sh "$t" 2>&1 || echo "not ok - $t exited with status $?"
	fi > "$o"
}

[ "${1:-}" = --job ] && { shift; run_one "$@"; exit 0; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
log=$out/log
jobs=${TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}

# The jobs in list order; the longest (t_akn, t_html, t_md, t_fuzz
# under each build) start first, so that none of them starts last.
n=0
for build in "$@"; do
	n=$((n + 1)); echo "$build units $out/$n"
	for t in tests/t_*.sh; do
		[ -f "$t" ] || continue
		n=$((n + 1)); echo "$build $t $out/$n"
	done
done > "$out/list"
{ grep -E ' tests/t_(akn|html|md|fuzz)\.sh ' "$out/list"
  grep -v -E ' tests/t_(akn|html|md|fuzz)\.sh ' "$out/list"; } |
    xargs -P "$jobs" -L 1 sh "$self" --job
while read -r build t o; do
	cat "$o"
done < "$out/list" | tee "$log"

# Known gaps (tests/xfail.txt) are reported, and counted as skipped.
grep -v '^#' tests/xfail.txt | grep -v '^$' > "$log.xf"
grep '^not ok ' "$log" | grep -F -f "$log.xf" > "$log.known"
# "ok - ... # SKIP why" (a check that could not run here) is skipped too.
known=$(wc -l < "$log.known")
skips=$(grep -c '^ok .*# SKIP' "$log")
passed=$(($(grep -c '^ok ' "$log") - skips))
failed=$(($(grep -c '^not ok ' "$log") - known))
skipped=$((known + skips))
echo
sed 's/^not ok/xfail/' "$log.known"
grep '^ok .*# SKIP' "$log"
grep '^not ok ' "$log" | grep -v -F -f "$log.xf"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
