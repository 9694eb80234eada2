#!/bin/sh
# bench_html.sh RESPUB [CORPUS] -- the HTML path: CPU time per megabyte of
# text, beside its yardsticks on the same texts (cmark-gfm, pandoc,
# xsltproc running the same stylesheet, where installed) as ratios; then a
# scaling series (one resolution of 1x, 10x, 100x the paragraphs) with the
# cost per megabyte of each step and the growth exponent b (time ~ size^b:
# 1 is linear).  CPU time (user + system) is the cost: wall time depends on
# who else uses the machine.  Reports; asserts nothing.
respub=$1 corpus=$2
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/bench_lib.sh"
tmp=$(bench_tmp)
trap 'rm -rf "$tmp"' EXIT INT TERM
export RESPUB_DATA_DIR="${RESPUB_DATA_DIR:-$root}"

mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", (s > 0 ? b / s / 1e6 : 0) }'; }

mkdir "$tmp/in" "$tmp/akn" "$tmp/html"
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
	find "$corpus" -name '*.txt' | sort
else
	ls "$root"/examples/*.txt
fi | awk '{ printf "ln -s \"%s\" \"'"$tmp"'/in/%d.txt\"\n", $0, NR }' | sh
n=$(ls "$tmp/in" | wc -l)
bytes=$(cat "$tmp"/in/*.txt | wc -c)
echo "bench_html: $n texts, $bytes bytes (CPU seconds; MB/s of text)"

cpu "$respub" -q -t akn -d "$tmp/akn" "$tmp"/in/*.txt; akn=$cpu
cpu "$respub" -q -t html -d "$tmp/html" "$tmp"/in/*.txt; html=$cpu
step=$(awk -v h="$html" -v a="$akn" 'BEGIN { print h - a }')
line() {	# name seconds [note]
	printf '%-34s %7.2f s %8s MB/s %s\n' "$1" "$2" "$(mbs "$bytes" "$2")" "$3"
}
line "respub -t html (text to HTML)" "$html" \
    "$(awk -v b="$bytes" -v s="$html" 'BEGIN { printf "target 10 MB/s: at %.2fx", b / s / 1e7 }')"
line "  of which text to AKN" "$akn"
line "  of which AKN to HTML (stylesheet)" "$step"
ratio() {	# yardstick seconds: respub's speed as a multiple of its
	awk -v r="$html" -v y="$1" 'BEGIN { printf "respub at %.3fx its speed", y / r }'
}
if command -v xsltproc >/dev/null; then
	# The same stylesheet on the same AKN, one process for all files.
	"$respub" --strings -o "$tmp/strings.xml"
	cpu xsltproc --nonet --stringparam template "$RESPUB_DATA_DIR/templates/html.xml" \
	    --stringparam strings "$tmp/strings.xml" \
	    "$RESPUB_DATA_DIR/stylesheets/akn2html.xsl" "$tmp"/akn/*.xml
	line "xsltproc (AKN to HTML)" "$cpu" \
	    "$(awk -v s="$step" -v x="$cpu" 'BEGIN { printf "respub'"'"'s step at %.2fx its speed", x / s }')"
fi
if command -v cmark-gfm >/dev/null; then
	cat "$tmp"/in/*.txt > "$tmp/all.md"
	cpu cmark-gfm "$tmp/all.md"
	line "cmark-gfm (Markdown to HTML)" "$cpu" "$(ratio "$cpu")"
fi
if command -v pandoc >/dev/null; then
	cpu pandoc -f markdown -t html "$tmp/all.md"
	line "pandoc (Markdown to HTML)" "$cpu" "$(ratio "$cpu")"
else
	echo "pandoc: not installed"
fi

echo
echo "scaling: one resolution; CPU seconds per MB of text for each step, peak memory per byte"
printf '%-6s %10s %10s %10s %12s %10s\n' size bytes "text>AKN" "AKN>HTML" "text>HTML" "mem/byte"
for k in 1 10 100; do
	resolution $((k * 60)) > "$tmp/s$k.txt"
	b=$(wc -c < "$tmp/s$k.txt")
	cpu "$respub" -q -t akn -o "$tmp/s$k.xml" "$tmp/s$k.txt"; a=$cpu
	cpu "$respub" -q -t html -o "$tmp/s$k.html" "$tmp/s$k.txt"; h=$cpu
	awk -v k="$k" -v b="$b" -v a="$a" -v h="$h" -v kb="$kb" 'BEGIN {
	    mb = b / 1e6
	    printf "%-6s %10d %8.2f s %8.2f s %10.2f s %10.0f\n", k "x", b,
		a / mb, (h - a) / mb, h / mb, kb * 1024 / b }'
	echo "$b $h" >> "$tmp/series"
done
# From 10x: at 1x the start-up (reading the stylesheet) is most of it.
echo "growth exponent b (10x to 100x, text to HTML): $(growth "$tmp/series")"
