#!/bin/sh
# bench.sh RESPUB [CORPUS] -- throughput per output format, one process per
# format over a whole collection, side by side with peer tools run on the
# same texts: cmark-gfm (C, Markdown to HTML) and pandoc if installed.
# Reports; asserts nothing.
respub=$1 corpus=$2
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/bench_lib.sh"
tmp=$(bench_tmp)
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
	find "$corpus" -name '*.txt' | sort > "$tmp/list"
	echo "bench: corpus $corpus"
else
	echo "bench: no corpus at '$corpus' (set CORPUS=DIR): using examples/ x 40"
	for i in $(seq 40); do ls "$root"/examples/*.txt; done > "$tmp/list"
fi
# Unique names: link every input into one folder.
mkdir "$tmp/in"
n=0
while read -r f; do
	n=$((n + 1))
	ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/in/$n.txt"
done < "$tmp/list"
bytes=$(cat "$tmp"/in/*.txt | wc -c)
report() {	# name seconds
	awk -v n="$n" -v b="$bytes" -v s="$2" -v name="$1" 'BEGIN {
	    if (s <= 0) s = 0.005	# under the 10 ms GNU time measures
	    printf "%-24s %7.2f s CPU %9.0f files/s %7.2f MB/s\n", name, s,
	    n / s, b / s / 1e6 }'
}
echo "bench: $n files, $bytes bytes of text"
for fmt in tree akn md html pdf; do
	rm -rf "$tmp/out"
	cpu "$respub" -j 1 -q -t $fmt -d "$tmp/out" "$tmp"/in/*.txt
	report "respub -t $fmt" "$cpu"
	echo "$fmt $cpu" >> "$tmp/formats"
	if [ $fmt = pdf ]; then
		pages=0
		for p in "$tmp"/out/*.pdf; do
			c=$(pdfinfo "$p" 2>/dev/null | awk '/^Pages:/ { print $2 }')
			pages=$((pages + ${c:-0}))
		done
		size=$(cat "$tmp"/out/*.pdf | wc -c)
		awk -v p="$pages" -v s="$cpu" -v z="$size" 'BEGIN {
		    printf "%-24s %7d pages %9.0f pages/s %7.0f bytes/page\n",
		    "  pdf pages", p, p / s, z / p }'
	fi
done
# Peers on the same texts, one process each: respub's figure as a
# multiple of theirs (Markdown to HTML).
if command -v cmark-gfm > /dev/null; then
	cat "$tmp"/in/*.txt > "$tmp/all.md"
	cpu cmark-gfm "$tmp/all.md"
	report "peer: cmark-gfm (html)" "$cpu"
	awk -v c="$cpu" '($1 == "md" || $1 == "html") && $2 > 0 {
	    printf "  respub -t %-4s at %.3fx the speed of cmark-gfm\n", $1, c / $2 }' \
	    "$tmp/formats"
fi
if command -v pandoc > /dev/null; then
	ls "$tmp"/in/*.txt | head -50 | xargs cat > "$tmp/50.md"
	cpu pandoc -f markdown -t html "$tmp/50.md"
	echo "peer: pandoc (html), first 50 files: $(awk -v s="$cpu" \
	    -v b="$(wc -c < "$tmp/50.md")" 'BEGIN { printf "%.2f MB/s", b / s / 1e6 }')"
else
	echo "peer: pandoc not installed (apt-get install pandoc to compare)"
fi

# ------------------------------------------------------------ reader speed
# The reader (text -> AKN) beside cmark-gfm on the same texts, in CPU
# seconds (the machine may be shared); then one text made 1x, 10x, 100x
# its size (BENCH_SCALE="1 10 100 1000" for more), for text and Markdown
# input: the cost per MB and the memory per input byte (start-up, a
# one-line input, taken off) should stay flat if the cost is linear.
scaling() {	# FROM FILE: the series for one input format
	echo "One line." > "$tmp/tiny.$1"
	cpu "$respub" -q -t akn -o "$tmp/tiny.akn" "$tmp/tiny.$1"
	from=$1 one=$2 s0=$cpu m0=$kb
	for k in ${BENCH_SCALE:-1 10 100}; do
		: > "$tmp/big.$from"
		i=0
		while [ $i -lt $k ]; do
			cat "$one" >> "$tmp/big.$from"
			i=$((i + 1))
		done
		size=$(wc -c < "$tmp/big.$from")
		cpu "$respub" -q -t akn -o "$tmp/big.akn" "$tmp/big.$from"
		awk -v f="$from" -v k=$k -v z="$size" -v s="$cpu" -v m="$kb" \
		    -v s0="$s0" -v m0="$m0" 'BEGIN {
		    printf "scaling: %-3s -> akn %5dx %9d bytes %7.3f s %7.3f s/MB %6.1f bytes/byte\n",
		    f, k, z, s, (s - s0) / z * 1e6, (m - m0) * 1024 / z }'
	done
	echo "scaling: (start-up $s0 s and $m0 KB taken off the per-MB and per-byte figures)"
}
bench_reader() {
	cpu "$respub" -q -t akn -d "$tmp/rd" "$tmp"/in/*.txt
	rs=$cpu
	echo "reader: text -> akn $(awk -v b="$bytes" -v s="$rs" 'BEGIN {
	    printf "%.2f MB/s (CPU %.2f s)", b / s / 1e6, s }')"
	if command -v cmark-gfm > /dev/null; then
		cat "$tmp"/in/*.txt > "$tmp/all.txt"
		cpu cmark-gfm "$tmp/all.txt"
		awk -v b="$bytes" -v s="$cpu" -v r="$rs" 'BEGIN {
		    printf "reader: cmark-gfm      %.2f MB/s; respub/cmark-gfm %.2f\n",
		    b / s / 1e6, s / r }'
	fi
	sample=$root/examples/A-RES-58-136.txt
	"$respub" -q -t md -o "$tmp/one.md" "$sample"
	scaling txt "$sample"
	scaling md "$tmp/one.md"
}
bench_reader

# A compilation (respub --split): the Security Council texts of the corpus
# pasted into one file, 1x and 4x: the resolutions found (beside the
# number of files), and the CPU per MB, flat if the cost is linear.
bench_split() {
	[ -d "$corpus/unsc-en" ] || return 0
	files=$(ls "$corpus"/unsc-en/*.txt | wc -l)
	for f in "$corpus"/unsc-en/*.txt; do cat "$f"; printf '\n\n'; done \
	    > "$tmp/vol1.txt"
	for k in 1 4; do
		: > "$tmp/vol.txt"
		for i in $(seq $k); do cat "$tmp/vol1.txt" >> "$tmp/vol.txt"; done
		rm -rf "$tmp/split"
		cpu "$respub" --split -q -t akn -d "$tmp/split" "$tmp/vol.txt"
		awk -v k=$k -v z="$(wc -c < "$tmp/vol.txt")" -v s="$cpu" \
		    -v r="$(ls "$tmp/split" | wc -l)" -v f=$((files * k)) 'BEGIN {
		    printf "split: SC corpus %dx in one file, %d bytes: %d resolutions (%d files) %7.3f s %7.3f s/MB\n",
		    k, z, r, f, s, s / z * 1e6 }'
	done
}
bench_split
