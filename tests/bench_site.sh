#!/bin/sh
# bench_site.sh RESPUB CORPUS [N] -- respub site over a synthetic archive
# of N resolutions (default 100000; tests/synth_archive.py): build time,
# peak memory, megabytes written, then a rebuild after one input's text
# changed (time, files rewritten), one after what an input says of itself
# changed, one after an input was added, and a rebuild with nothing
# changed.  Search
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
one=$(sed -n '1p' "$tmp/in/list")
touch "$tmp/stamp"; sleep 1
printf '\n2. Requests the Secretary-General to report on it.\n' >>"$one"
# A rebuild's cost per resolution (of CPU): what must stay flat.
per() { awk -v c="$cpu" -v n="$n" 'BEGIN { printf " %6.1f us cpu/resolution", c * 1e6 / n }'; }
run "rebuild, one input changed"; per
echo " $(find "$tmp/site" -type f -newer "$tmp/stamp" | wc -l) files rewritten"
# What an input says of itself changed (its date: the second line of a
# synthetic Security Council text): every page's document is looked at.
two=$(sed -n '2p' "$tmp/in/list")
touch "$tmp/stamp2"; sleep 1
sed -i '2{s/^of 1 /of 2 /;t;s/^of [0-9]* /of 1 /}' "$two"
run "rebuild, one date changed"; per
echo " $(find "$tmp/site" -type f -newer "$tmp/stamp2" | wc -l) files rewritten"
# An input added (a Security Council resolution of a number none has):
# its year's and session's pages, its body's, the front page and the pages next
# to it are made again, not every page.
added=$tmp/in/added.txt
sed '1s/^Resolution [0-9]*/Resolution 99999/' "$(sed -n '1p' "$tmp/in/list")" >"$added"
echo "$added" >>"$tmp/in/list"
touch "$tmp/stamp3"; sleep 1
run "rebuild, one input added"; per
echo " $(find "$tmp/site" -type f -newer "$tmp/stamp3" | wc -l) files rewritten"
run "rebuild, nothing changed"; per
echo " $(find "$tmp/site" -type f -newer "$tmp/stamp" | wc -l) files rewritten in all"
grep -v 'footnote\|read as\|no year\|is also in' "$tmp/err" | sort | uniq -c | sort -rn | head -5
