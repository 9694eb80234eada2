#!/bin/sh
# bench_pdf.sh RESPUB [CORPUS] -- the PDF path and the use of every core
# (issue 14): PDF pages per second of CPU on one core, start-up time for
# a one-page document, bytes per page, each beside WeasyPrint on
# respub's own HTML when it is installed; then the whole collection to
# four formats with -j 1 and -j 2 (wall time).  Reports; asserts nothing.
respub=$1 corpus=$2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/in"
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
	find "$corpus" -name '*.txt' | sort > "$tmp/list"
else
	for i in $(seq 40); do ls "$root"/examples/*.txt; done > "$tmp/list"
fi
n=0
while read -r f; do
	n=$((n + 1))
	ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/in/$n.txt"
done < "$tmp/list"
# CPU seconds (user + system) of a command and its children.
cpu() {
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" > /dev/null 2>&1
	awk '{ print $1 + $2 }' "$tmp/time"
}
now() { date +%s.%N; }
pages_of() {	# DIR: pages of its PDFs
	for p in "$1"/*.pdf; do
		pdfinfo "$p" 2>/dev/null | awk '/^Pages:/ { print $2 }'
	done | awk '{ s += $1 } END { print s + 0 }'
}
echo "bench_pdf: $n inputs"

# Pages per CPU second, one process (-j 1).
s=$(cpu "$respub" -j 1 -q -t pdf -d "$tmp/pdf" "$tmp"/in/*.txt)
pages=$(pages_of "$tmp/pdf")
size=$(cat "$tmp"/pdf/*.pdf | wc -c)
awk -v p="$pages" -v s="$s" -v z="$size" 'BEGIN {
    printf "respub pdf, one core      %6d pages %7.2f s CPU %7.0f pages/s %7.0f bytes/page\n",
    p, s, p / s, z / p }' | tee "$tmp/respub"

# Start-up: a one-page document, one process each time.
printf 'Resolution 1 (2020)\n\nThe Security Council,\n\n1. Decides to remain seized of the matter.\n' > "$tmp/one.txt"
t0=$(now)
for i in $(seq 20); do "$respub" -q -t pdf -o "$tmp/one.pdf" "$tmp/one.txt"; done
t1=$(now)
s=$(cpu sh -c "for i in \$(seq 20); do '$respub' -q -t pdf -o '$tmp/one.pdf' '$tmp/one.txt'; done")
awk -v w="$(awk "BEGIN { print $t1 - $t0 }")" -v c="$s" 'BEGIN {
    printf "respub pdf start-up       %6.1f ms wall %6.1f ms CPU (one page, one process)\n",
    w / 20 * 1000, c / 20 * 1000 }'

# WeasyPrint on respub's own HTML of the first 50 inputs.
if command -v weasyprint > /dev/null; then
	ls "$tmp"/in/*.txt | head -50 > "$tmp/50"
	"$respub" -j 1 -q -t html -d "$tmp/html" $(cat "$tmp/50")
	mkdir "$tmp/wp"
	s=$(cpu sh -c "for h in '$tmp'/html/*.html; do weasyprint -q \"\$h\" '$tmp'/wp/\$(basename \"\$h\" .html).pdf; done")
	wp=$(pages_of "$tmp/wp")
	wz=$(cat "$tmp"/wp/*.pdf | wc -c)
	"$respub" -j 1 -q -t pdf -d "$tmp/pdf50" $(cat "$tmp/50")
	rz=$(cat "$tmp"/pdf50/*.pdf | wc -c)
	rp=$(pages_of "$tmp/pdf50")
	awk -v p="$wp" -v s="$s" -v z="$wz" -v rp="$rp" -v rz="$rz" \
	    -v r="$(awk '{ print $10 }' "$tmp/respub")" 'BEGIN {
	    printf "peer: WeasyPrint (50)     %6d pages %7.2f s CPU %7.1f pages/s %7.0f bytes/page\n",
	    p, s, p / s, z / p
	    printf "  respub / WeasyPrint: %.1fx the pages/s; %.2fx the bytes/page (same 50)\n",
	    r / (p / s), (rz / rp) / (z / p) }'
else
	echo "peer: WeasyPrint not installed (apt-get install weasyprint);" \
	    "issue 14 measured it at 11.7 pages/s, 10.8 KB/page on this machine"
fi

# The whole collection to four formats: one process, then two.
for j in 1 2; do
	rm -rf "$tmp/four"
	t0=$(now)
	"$respub" -j $j -q -t akn,html,md,pdf -d "$tmp/four" "$tmp"/in/*.txt 2>/dev/null
	t1=$(now)
	awk -v j=$j -v w="$(awk "BEGIN { print $t1 - $t0 }")" -v n="$n" 'BEGIN {
	    printf "4 formats, -j %d            %7.2f s wall %7.0f inputs/s\n", j, w, n / w }' |
	    tee -a "$tmp/four.times"
done
awk 'NR == 1 { a = $5 } NR == 2 { printf "  -j 2 / -j 1: %.2fx faster (%d cores here)\n", a / $5, '"$(nproc)"' }' "$tmp/four.times"
