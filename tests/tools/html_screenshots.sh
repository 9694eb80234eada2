#!/bin/sh
# html_screenshots.sh RESPUB DIR -- PNGs of the example pages at a phone
# (390 px) and a desktop (1280 px) width: DIR/html-NAME-WIDTH.png, from a
# site of examples/ rendered in Debian's headless chromium; then the
# pages and first PDF pages of issue 12 (six languages: Arabic, the
# language switch, side by side; DIR/pdf-NAME.png by pdftoppm).
set -e
respub=$1 dir=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
RESPUB_DATA_DIR=$root "$respub" site -q -d "$tmp/site" "$root"/examples/*.txt
mkdir -p "$dir"
for page in index S-RES-1377-2001 A-RES-58-136 E-RES-2005-19 \
    S-RES-1456-2003-zho S-RES-2617-2021; do
	for w in 390 1280; do
		h=$([ $w = 390 ] && echo 1600 || echo 1100)
		chromium --headless --no-sandbox --disable-gpu --disable-quic \
		    --no-first-run --disable-background-networking \
		    --disable-component-update --disable-sync \
		    --hide-scrollbars --user-data-dir="$tmp/chrome" \
		    --window-size=$w,$h --screenshot="$dir/html-$page-$w.png" \
		    "file://$tmp/site/$page.html" 2>/dev/null
		echo "$dir/html-$page-$w.png"
	done
done

# Issue 12, six languages: an Arabic page (the Universal Declaration, and
# S/RES/425 (1978) with its symbols in Arabic text), the French page of
# the Declaration in a site of all six versions (the language switch),
# and S/RES/338 (1973) side by side in Arabic, English and French.
shoot() {	# shoot FILE.html NAME WIDTH HEIGHT
	chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --hide-scrollbars --user-data-dir="$tmp/chrome" \
	    --window-size=$3,$4 --screenshot="$dir/html-$2-$3.png" \
	    "file://$1" 2>/dev/null
	echo "$dir/html-$2-$3.png"
}
R="env RESPUB_DATA_DIR=$root $respub"
$R -q -t html "$root/tests/scripts/udhr-ar.txt" -o "$tmp/udhr-ar.html"
$R -q -t html "$root/tests/scripts/S-RES-425-1978-ar.xml" -o "$tmp/425-ar.html"
$R site --parallel -q -d "$tmp/udhr" "$root"/tests/scripts/udhr-*.txt
$R --parallel -q -t html -d "$tmp/par" \
    "$root/tests/dev/ar/S_RES_338_1973_ar_aljazeera.txt" \
    "$root/tests/corpus/S_RES_0338_1973_EN_GOLD.txt" \
    "$root/tests/dev/fr/S_RES_0338_1973_fr.txt"
for w in 390 1280; do
	h=$([ $w = 390 ] && echo 1400 || echo 1000)
	shoot "$tmp/udhr-ar.html" udhr-ar $w $h
	shoot "$tmp/425-ar.html" S-RES-425-ar $w $h
	shoot "$(ls "$tmp"/par/*-parallel.html)" parallel-S-RES-338-1973 $w \
	    $([ $w = 390 ] && echo 1500 || echo 1000)
done
shoot "$(grep -l '<html lang="fr"' "$tmp"/udhr/*.html | grep -v parallel | head -1)" \
    udhr-fr-switch 1280 700

# First pages of PDFs in Arabic, Russian and Chinese (pdftoppm, 60 dpi).
for f in tests/scripts/udhr-ar.txt tests/scripts/udhr-ru.txt \
    tests/scripts/udhr-zh.txt tests/scripts/S-RES-425-1978-ar.xml; do
	b=$(basename "${f%.*}")
	$R -q -t pdf "$root/$f" -o "$tmp/$b.pdf"
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$tmp/$b.pdf" "$dir/pdf-$b"
	echo "$dir/pdf-$b.png"
done
