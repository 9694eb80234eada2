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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export RESPUB_DATA_DIR="${RESPUB_DATA_DIR:-$root}"

# cpu CMD...: run it; $cpu is its user + system seconds, $kb its peak memory.
cpu() {
	/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1
	cpu=$(tail -n 1 "$tmp/time" | awk '{ printf "%.3f", $1 + $2 }')
	kb=$(tail -n 1 "$tmp/time" | awk '{ print $3 }')
}
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
line "respub -t html (text to HTML)" "$html"
line "  of which text to AKN" "$akn"
line "  of which AKN to HTML (stylesheet)" "$step"
ratio() {	# yardstick seconds: respub's speed as a multiple of its
	awk -v r="$html" -v y="$1" 'BEGIN { printf "respub at %.3fx its speed", y / r }'
}
if command -v xsltproc >/dev/null; then
	# The same stylesheet on the same AKN, one process for all files.
	cpu xsltproc --nonet --stringparam template "$RESPUB_DATA_DIR/templates/html.xml" \
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

# One resolution of k x 60 operative paragraphs (about k x 10 KB), every
# tenth with subparagraphs and a citation.
resolution() {
	awk -v n="$1" 'BEGIN {
	    print " 58/999. A resolution for the scaling series\n"
	    print " The General Assembly,\n"
	    print " Recalling its resolution 57/173 of 18 December 2002,\n"
	    for (i = 1; i <= n; i++)
		if (i % 10 == 0)
			printf " %d. Decides that the Council, in its resolution 1373 (2001) of 28 September 2001:\n\n (a) shall consider the matter;\n\n (b) shall report on it;\n\n", i
		else
			printf " %d. Requests the Secretary-General to report to it at its fifty-ninth session on the implementation of the present resolution, as called for in resolution 1377 (2001);\n\n", i
	}'
}
echo
echo "scaling: one resolution; CPU seconds per MB of text for each step, peak memory per byte"
printf '%-6s %10s %10s %10s %12s %10s\n' size bytes "text>AKN" "AKN>HTML" "text>HTML" "mem/byte"
prev=
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
awk 'NR == 2 { b0 = $1; t0 = $2 } NR == 3 && b0 > 0 && t0 > 0 {
    printf "growth exponent b (10x to 100x, text to HTML): %.2f\n",
	log($2 / t0) / log($1 / b0) }' "$tmp/series"
