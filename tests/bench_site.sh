#!/bin/sh
# bench_site.sh RESPUB CORPUS [N] -- respub site over a synthetic archive
# of N resolutions (default 100000; tests/synth_archive.py): build time,
# peak memory, megabytes written, then a rebuild (time, files rewritten)
# after one input's text changed, its date, its symbol, after an input
# was added, one removed, and a rebuild with nothing changed.  Search
# (Pagefind) is left out: it indexes the whole site on every run, and
# that is its cost, not respub's.  Reports; asserts nothing.  BENCH_DIR
# keeps the archive and the site (default: a temporary folder).
respub=$1 corpus=$2 n=${3:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$BENCH_DIR" ]; then tmp=$BENCH_DIR; mkdir -p "$tmp"
else tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM; fi
[ -d "$corpus/unsc-en" ] || { echo "bench_site: no corpus at '$corpus' (set CORPUS=DIR)"; exit 0; }
export RESPUB_PAGEFIND= RESPUB_DATA_DIR="${RESPUB_DATA_DIR:-$root}"
rm -rf "$tmp/in" "$tmp/site"
python3 "$root/tests/synth_archive.py" "$corpus" "$tmp/in" "$n" || exit 1
echo "bench_site: $n resolutions, $(cat "$tmp/in/list" | xargs cat | wc -c) bytes of input"
# Wall time depends on who else uses the machine; CPU time (user + system)
# is the cost, and what should grow linearly.
run() {	# what: respub site, timed, with its peak memory
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$respub" site -q \
	    -d "$tmp/site" --files-from "$tmp/in/list" 2>>"$tmp/err"
	read -r secs user sys kb <<EOT
$(tail -n 1 "$tmp/time")
EOT
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
	printf '%-28s %8.1f s wall %8.1f s cpu %6d MB peak' "$1" "$secs" \
	    "$cpu" "$((kb / 1024))"
}
run "build"
files=$(find "$tmp/site" -type f | wc -l)
mb=$(du -sm "$tmp/site" | cut -f1)
awk -v f="$files" -v m="$mb" -v c="$cpu" -v n="$n" 'BEGIN {
    printf " %8d files %6d MB written %6.1f ms cpu/resolution\n", f, m,
    c * 1000 / n }'
# A rebuild's cost per resolution (of CPU): what must stay flat.
per() { awk -v c="$cpu" -v n="$n" 'BEGIN { printf " %6.1f us cpu/resolution", c * 1e6 / n }'; }
rebuild() {	# what: a rebuild, timed, and the files it wrote
	touch "$tmp/stamp"; sleep 1
	run "rebuild, $1"; per
	echo " $(find "$tmp/site" -type f -newer "$tmp/stamp" | wc -l) files rewritten"
}
# An input's text changed, nothing it says of itself: its own files.
printf '\n2. Requests the Secretary-General to report on it.\n' \
    >>"$(sed -n '1p' "$tmp/in/list")"
rebuild "one text changed"
# Its date changed (the second line of a synthetic Security Council
# text): it moves among its year's rows and its neighbours change.
sed -i '2{s/^of 1 /of 2 /;t;s/^of [0-9]* /of 1 /}' "$(sed -n '2p' "$tmp/in/list")"
rebuild "one date changed"
# Its symbol changed (to a number none has): its files are renamed, and
# the pages that link it (neighbours, what it cites) change.
sed -i '1s/^Resolution [0-9]*/Resolution 99998/' "$(sed -n '3p' "$tmp/in/list")"
rebuild "one symbol changed"
# An input added (a Security Council resolution of a number none has):
# its year's and session's pages, its body's, the front page and the
# pages next to it are made again, not every page.
added=$tmp/in/added.txt
sed '1s/^Resolution [0-9]*/Resolution 99999/' "$(sed -n '1p' "$tmp/in/list")" >"$added"
echo "$added" >>"$tmp/in/list"
rebuild "one input added"
# An input no longer given (the fourth: every later input moves up).
sed -i '4d' "$tmp/in/list"
rebuild "one input removed"
touch "$tmp/stamp"; sleep 1
run "rebuild, nothing changed"; per
echo " $(find "$tmp/site" -type f -newer "$tmp/stamp" | wc -l) files rewritten"
grep -v 'footnote\|read as\|no year\|is also in' "$tmp/err" | sort | uniq -c | sort -rn | head -5
