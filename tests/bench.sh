#!/bin/sh
# bench.sh RESPUB [CORPUS] -- throughput per output format, one process per
# format over a whole collection, side by side with peer tools run on the
# same texts: cmark-gfm (C, Markdown to HTML) and pandoc if installed.
# Reports; asserts nothing.
respub=$1 corpus=$2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
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
now() { date +%s.%N; }
report() {	# name seconds
	awk -v n="$n" -v b="$bytes" -v s="$2" -v name="$1" 'BEGIN {
	    printf "%-24s %7.2f s %9.0f files/s %7.2f MB/s\n", name, s, n / s,
	    b / s / 1e6 }'
}
echo "bench: $n files, $bytes bytes of text"
for fmt in tree akn md html pdf; do
	rm -rf "$tmp/out"
	t0=$(now)
	"$respub" -j 1 -q -t $fmt -d "$tmp/out" "$tmp"/in/*.txt 2>/dev/null
	t1=$(now)
	report "respub -t $fmt" "$(awk "BEGIN { print $t1 - $t0 }")"
	if [ $fmt = pdf ]; then
		pages=0
		for p in "$tmp"/out/*.pdf; do
			c=$(pdfinfo "$p" 2>/dev/null | awk '/^Pages:/ { print $2 }')
			pages=$((pages + ${c:-0}))
		done
		size=$(cat "$tmp"/out/*.pdf | wc -c)
		awk -v p="$pages" -v s="$(awk "BEGIN { print $t1 - $t0 }")" \
		    -v z="$size" 'BEGIN { printf "%-24s %7d pages %9.0f pages/s %7.0f bytes/page\n",
		    "  pdf pages", p, p / s, z / p }'
	fi
done
if command -v cmark-gfm > /dev/null; then
	t0=$(now)
	for f in "$tmp"/in/*.txt; do cmark-gfm "$f" > /dev/null; done
	t1=$(now)
	report "peer: cmark-gfm (html)" "$(awk "BEGIN { print $t1 - $t0 }")"
	t0=$(now)
	cat "$tmp"/in/*.txt | cmark-gfm > /dev/null
	t1=$(now)
	report "peer: cmark-gfm 1 proc" "$(awk "BEGIN { print $t1 - $t0 }")"
fi
if command -v pandoc > /dev/null; then
	t0=$(now)
	for f in $(ls "$tmp"/in/*.txt | head -50); do pandoc -f markdown -t html "$f" > /dev/null; done
	t1=$(now)
	awk -v s="$(awk "BEGIN { print $t1 - $t0 }")" 'BEGIN {
	    printf "%-24s %7.2f s for 50 files %9.1f files/s\n", "peer: pandoc (html)", s, 50 / s }'
else
	echo "peer: pandoc not installed (apt-get install pandoc to compare)"
fi
