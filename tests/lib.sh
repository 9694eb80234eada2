# lib.sh -- helpers for the shell tests (sourced by tests/t_*.sh).
# ok NAME / notok NAME REASON print one result line; check CMD... runs a
# command and reports it.  $RESPUB is the binary under test.
: "${RESPUB:?RESPUB must name the respub binary}"
TESTS_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$TESTS_DIR")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

ok() { echo "ok - $*"; }
notok() { n=$1; shift; echo "not ok - $n${*:+: $*}"; }
# expect NAME EXPECTED ACTUAL
expect() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "expected '$2', got '$3'"; fi
}
