#!/bin/sh
# corpus.sh RESPUB CORPUS -- convert every text of a corpus to Akoma Ntoso,
# validate it, and print a summary.  Skips, saying so, without a corpus.
respub=$1 corpus=$2
if [ -z "$corpus" ] || [ ! -d "$corpus" ]; then
	echo "corpus: no corpus at '${corpus}': skipped (set CORPUS=DIR)"
	exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
list=$out/list
find "$corpus" -type f \( -name '*.txt' -o -name '*.md' \) | sort > "$list"
files=$(wc -l < "$list")
# One process for the whole corpus: -d writes NAME.xml and NAME.tree.
# Names must be unique: prefix each with its folder.
crashes=0
while read -r f; do
	name=$(echo "$f" | sed "s|^$corpus/||; s|/|_|g")
	mkdir -p "$out/in"
	ln -sf "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$out/in/$name"
done < "$list"
start=$(date +%s.%N)
"$respub" --progress -t akn,tree -d "$out/res" "$out"/in/* 2> "$out/diag"
status=$?
end=$(date +%s.%N)
[ $status -le 1 ] || crashes=1
warnings=$(grep -c ': warning: ' "$out/diag")
errors=$(grep -c ': error: ' "$out/diag")
xml=$(ls "$out"/res/*.xml 2>/dev/null | wc -l)
invalid=$(xmllint --noout --nonet --schema "$(dirname "$0")/schema/akomantoso30.xsd" \
	"$out"/res/*.xml 2>&1 | grep -c ' fails to validate$')
valid=$((xml - invalid))
para=$(cat "$out"/res/*.tree | grep -c '^ *paragraph ')
notes=$(cat "$out"/res/*.tree | grep -c '^ *footnote ')
secs=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
# No word lost: every word of each input in its AKN, in order.
lost=0
if command -v python3 >/dev/null 2>&1; then
	for f in "$out"/in/*; do
		x=$out/res/$(basename "$f" | sed 's/\.[^.]*$//').xml
		[ -f "$x" ] || continue
		python3 "$(dirname "$0")/tools/akn_words.py" "$f" "$x" \
		    >> "$out/lost" 2>&1 || lost=$((lost + 1))
	done
	words="$lost with words lost"
else
	words="word check skipped (no python3)"
fi
echo "corpus: $files files, $xml converted, $valid valid, $invalid invalid, $errors errors, $warnings warnings, $words"
echo "corpus: $para paragraphs, $notes footnotes, $secs seconds (convert, one process)"
# Losses are listed (the reader warns about each, e.g. a Markdown footnote
# defined twice); the status says whether every text converted validly.
[ "$lost" -gt 0 ] && sed 's/^/corpus: words lost: /' "$out/lost" | cut -c1-240
[ "$invalid" -eq 0 ] && [ "$crashes" -eq 0 ] && [ "$xml" -eq "$files" ]
