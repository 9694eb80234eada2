#!/bin/sh
# bench_pdf.sh RESPUB [CORPUS] -- the PDF path and the use of every core
# (issue 14): PDF pages per second of CPU on one core, start-up time for
# a one-page document, bytes per page, each beside WeasyPrint on
# respub's own HTML when it is installed, and beside the targets of issue
# 14 as ratios; the whole collection to four formats with -j 1 and -j 2
# (wall time); then a scaling series with its growth exponent b.
# Reports; asserts nothing.
respub=$1 corpus=$2
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/bench_lib.sh"
tmp=$(bench_tmp)
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
now() { date +%s.%N; }
pages_of() {	# DIR: pages of its PDFs
	for p in "$1"/*.pdf; do
		pdfinfo "$p" 2>/dev/null | awk '/^Pages:/ { print $2 }'
	done | awk '{ s += $1 } END { print s + 0 }'
}
echo "bench_pdf: $n inputs"

# Pages per CPU second, one process (-j 1).
cpu "$respub" -j 1 -q -t pdf -d "$tmp/pdf" "$tmp"/in/*.txt; s=$cpu
pages=$(pages_of "$tmp/pdf")
size=$(cat "$tmp"/pdf/*.pdf | wc -c)
awk -v p="$pages" -v s="$s" -v z="$size" 'BEGIN {
    printf "respub pdf, one core      %6d pages %7.2f s CPU %7.0f pages/s %7.0f bytes/page (target 500 pages/s: at %.2fx)\n",
    p, s, p / s, z / p, p / s / 500 }' | tee "$tmp/respub"

# Start-up: a one-page document, one process each time.
printf 'Resolution 1 (2020)\n\nThe Security Council,\n\n1. Decides to remain seized of the matter.\n' > "$tmp/one.txt"
t0=$(now)
for i in $(seq 20); do "$respub" -q -t pdf -o "$tmp/one.pdf" "$tmp/one.txt"; done
t1=$(now)
cpu sh -c "for i in \$(seq 20); do '$respub' -q -t pdf -o '$tmp/one.pdf' '$tmp/one.txt'; done"; s=$cpu
awk -v w="$(awk "BEGIN { print $t1 - $t0 }")" -v c="$s" 'BEGIN {
    printf "respub pdf start-up       %6.1f ms wall %6.1f ms CPU (one page, one process; target 10 ms: at %.2fx)\n",
    w / 20 * 1000, c / 20 * 1000, 10 / (c / 20 * 1000) }'

# WeasyPrint on respub's own HTML of the first 50 inputs.
if command -v weasyprint > /dev/null; then
	ls "$tmp"/in/*.txt | head -50 > "$tmp/50"
	"$respub" -j 1 -q -t html -d "$tmp/html" $(cat "$tmp/50")
	mkdir "$tmp/wp"
	cpu sh -c "for h in '$tmp'/html/*.html; do weasyprint -q \"\$h\" '$tmp'/wp/\$(basename \"\$h\" .html).pdf; done"; s=$cpu
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

# Scaling: one resolution of 1x, 10x, 100x the paragraphs (bench_lib.sh),
# CPU per MB of text and per page; flat if the cost is linear.
echo
echo "scaling: one resolution to PDF; CPU per MB of text and per page, peak memory per byte"
printf '%-6s %10s %6s %10s %10s %10s\n' size bytes pages "s/MB" "ms/page" "mem/byte"
for k in 1 10 100; do
	resolution $((k * 60)) > "$tmp/s$k.txt"
	b=$(wc -c < "$tmp/s$k.txt")
	cpu "$respub" -q -t pdf -o "$tmp/s$k.pdf" "$tmp/s$k.txt"
	p=$(pdfinfo "$tmp/s$k.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	awk -v k="$k" -v b="$b" -v s="$cpu" -v p="${p:-0}" -v kb="$kb" 'BEGIN {
	    printf "%-6s %10d %6d %8.2f s %8.2f ms %10.0f\n", k "x", b, p,
		s / (b / 1e6), (p > 0 ? s / p * 1000 : 0), kb * 1024 / b }'
	echo "$b $cpu" >> "$tmp/series"
done
echo "growth exponent b (10x to 100x, text to PDF): $(growth "$tmp/series")"
