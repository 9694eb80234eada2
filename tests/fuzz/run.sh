#!/bin/sh
# run.sh RESPUB FUZZ_BUILD SECONDS TARGET... -- run each libFuzzer target
# for SECONDS, then report its executions and findings.
#
# Seeds: text from examples/ and tests/corpus/; Markdown and AKN from
# tests/corpus/ and tests/golden/, and made from the examples by RESPUB
# (the normal build); every target also gets tests/fuzz/regress/TARGET/.
# The corpus each run grows is kept in FUZZ_BUILD/corpus-TARGET/.  A
# finding (crash, leak, timeout, out of memory) lands in
# FUZZ_BUILD/findings/ and makes the run fail.
cd "$(dirname "$0")/../.." || exit 2
respub=$1 fb=$2 secs=$3
shift 3
seeds=$fb/seeds
rm -rf "$seeds"
mkdir -p "$seeds/text" "$seeds/md" "$seeds/akn" "$fb/findings"
cp examples/*.txt tests/corpus/*.txt "$seeds/text/"
cp tests/corpus/*.md "$seeds/md/"
cp tests/corpus/*.xml tests/golden/*.xml "$seeds/akn/"
for f in examples/*.txt; do
	b=$(basename "$f" .txt)
	"$respub" -q -t md -o "$seeds/md/$b.md" "$f" || exit 1
	"$respub" -q -t akn -o "$seeds/akn/$b.xml" "$f" || exit 1
done
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export RESPUB_DATA_DIR="$PWD"
status=0
report=
for t in "$@"; do
	fmt=${t#fuzz_}
	corpus=$fb/corpus-$fmt
	mkdir -p "$corpus"
	log=$fb/$t.log
	before=$(ls "$fb/findings" | wc -l)
	echo "fuzzing $t for ${secs}s (log: $log)"
	regress=
	[ -d "tests/fuzz/regress/$fmt" ] && regress=tests/fuzz/regress/$fmt
	"$fb/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2560 \
	    -max_len=8192 -print_final_stats=1 \
	    -artifact_prefix="$fb/findings/$fmt-" \
	    "$corpus" "$seeds/$fmt" $regress > "$log" 2>&1
	rc=$?
	after=$(ls "$fb/findings" | wc -l)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	line="$t: ${runs:-?} executions, ${speed:-?}/s, $cov, corpus $(ls "$corpus" | wc -l) files"
	if [ "$rc" -ne 0 ] || [ "$after" -ne "$before" ]; then
		line="$line: FINDING (exit $rc)"
		grep -m1 -E 'ERROR: |runtime error|SUMMARY' "$log"
		status=1
	fi
	report="$report$line
"
done
echo
printf '%s' "$report"
if [ "$status" -ne 0 ]; then
	echo "findings in $fb/findings/:"
	ls "$fb/findings"
fi
exit $status
