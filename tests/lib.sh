# lib.sh -- helpers for the shell tests (sourced by tests/t_*.sh).
# ok NAME / notok NAME REASON print one result line; check CMD... runs a
# command and reports it.  $RESPUB is the binary under test.
: "${RESPUB:?RESPUB must name the respub binary}"
TESTS_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$TESTS_DIR")
# Debian's python3 (make deps installs it) before any other in PATH: a
# version manager's shim (pyenv) runs a tree of shell processes on every
# call, and the scripts call python3 some hundreds of times.
[ -x /usr/bin/python3 ] && python3() { /usr/bin/python3 "$@"; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

ok() { echo "ok - $*"; }
notok() { n=$1; shift; echo "not ok - $n${*:+: $*}"; }
# expect NAME EXPECTED ACTUAL
expect() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "expected '$2', got '$3'"; fi
}
