#!/bin/sh
# run.sh BUILD_DIR... -- run the whole test suite against each build.
#
# Every test prints one line per check: "ok - what" or "not ok - what".
# The C unit tests are $BUILD/tests/*; the scripts are tests/t_*.sh and
# get the binary in $RESPUB and the build directory in $BUILD_DIR.
# The closing line is "N passed, N failed, N skipped".
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
for build in "$@"; do
	case $build in *asan*) export RP_SANITIZED=1 ;; *) unset RP_SANITIZED ;; esac
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	export RESPUB="$PWD/$build/respub" BUILD_DIR="$PWD/$build"
	for t in "$build"/tests/*; do
		[ -x "$t" ] || continue
		echo "# $t"
		"$t" 2>&1 || echo "not ok - $t exited with status $?"
	done | tee -a "$log"
	for t in tests/t_*.sh; do
		[ -f "$t" ] || continue
		echo "# $t ($build)"
		sh "$t" 2>&1 || echo "not ok - $t exited with status $?"
	done | tee -a "$log"
done
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
rm -f "$log.xf" "$log.known"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
